import { describe, expect, it } from 'vitest';
import { renderHtml } from '../index.ts';
import { CHUNK_ROWS } from '../html/timeline-svg.ts';
import { layoutTimeline } from '../timeline/layout.ts';
import { errorResult, failingCounterexample, failingResult, hostileResult, longResult, passingResult } from './fixtures.ts';

/** Every element the page may contain; an injected one shows up as an unknown tag. */
const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'section', 'div', 'dl', 'dt', 'dd', 'span', 'p', 'b', 'pre',
  'label', 'select', 'option', 'input', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'details', 'summary', 'script',
  'svg', 'rect', 'circle', 'text', 'tspan',
]);
const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());

describe('report.html', () => {
  it('is self-contained: CSP first in head, one inline style and script, no URLs', () => {
    const html = renderHtml(failingResult());
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(0);
    expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.indexOf('<style'));
    expect(html).toMatch(/content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(tags(html).filter((t) => t === 'script')).toHaveLength(2); // <script> and </script>
    expect(html).not.toMatch(/https?:|\/\/[a-z]|\bsrc=|\bhref="(?!#)/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });
  it.each([['passing', passingResult()], ['failing', failingResult()], ['error', errorResult()]])('%s: uses only known elements', (_, r) => {
    for (const t of tags(renderHtml(r))) expect(ALLOWED_TAGS.has(t), t).toBe(true);
  });
  it('has the rule table with filter controls and one row per rule', () => {
    const r = failingResult();
    const html = renderHtml(r);
    for (const id of ['f-verdict', 'f-group', 'f-text']) expect(html).toContain(`id="${id}"`);
    expect(html.match(/<tr data-verdict=/g)).toHaveLength(r.rules.length);
    expect(html).toContain('<tr data-verdict="fail" data-group="SYNC">');
  });
  it('draws a timeline with six lanes, the violation highlighted and the rule text beside it', () => {
    const html = renderHtml(failingResult());
    for (const lane of ['process context', 'atomic context', 'hard IRQ', 'tasklet', 'hardware', 'peripheral']) expect(html).toContain(`>${lane}</text>`);
    expect(html.match(/class="viol-mark"/g)).toHaveLength(1);
    expect(html).toContain('class="viol-row"');
    expect(html).toContain('◀ line 43: SYNC-4 violation');
    expect(html).toMatch(/<tspan[^>]*>On return of synchronize/);
    expect(html.match(/class="sp-cb"/g)).toHaveLength(1);
  });
  it('hostile strings are escaped everywhere: no new elements, attributes or control characters', () => {
    const html = renderHtml(hostileResult(true));
    for (const t of tags(html)) expect(ALLOWED_TAGS.has(t), t).toBe(true);
    expect(tags(html).filter((t) => t === 'script')).toHaveLength(2);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e]/);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html.length).toBeLessThan(1_000_000); // the 1 MB name is clipped on the page
  });
  it('cuts a 10,000-step timeline into chunks, opening only the one with the violation', () => {
    const html = renderHtml(longResult(10_000));
    expect(html.match(/<details class="chunk"/g)).toHaveLength(Math.ceil(10_000 / CHUNK_ROWS));
    expect(html.match(/<details class="chunk" open>/g)).toHaveLength(1);
    expect(html).toContain(`<summary>lines 9502–10001 — violation here</summary>`);
    expect(html.match(/class="gut" x="4" y="\d+">\d+</g)).toHaveLength(10_000);
  });
});

describe('timeline layout', () => {
  const c = failingCounterexample();
  const { rows, spans } = layoutTimeline(c.trace);
  it('puts every entry in a row, in order', () => {
    expect(rows.map((r) => r.index)).toEqual(c.trace.map((_, i) => i));
  });
  it('draws the calls a callback makes inside the callback span, in its lane', () => {
    const cb = spans.find((s) => s.kind === 'cb')!;
    expect(cb.lane).toBe('tasklet');
    const nested = rows.filter((r) => r.kind === 'call' && r.index > cb.start && r.index < cb.end);
    expect(nested.map((r) => r.label.split('(')[0])).toEqual(['prep_slave_sg', 'submit', 'issue_pending']);
    for (const r of nested) {
      expect(r.lane).toBe('tasklet');
      expect(r.depth).toBeGreaterThan(cb.depth);
    }
  });
  it('places environment steps and events in their lanes', () => {
    const laneOf = (label: string) => rows.find((r) => r.label.startsWith(label))!.lane;
    expect(laneOf('advance')).toBe('hardware');
    expect(laneOf('irq(')).toBe('hardirq');
    expect(laneOf('xfer')).toBe('hardware');
    expect(laneOf('periph_rx')).toBe('peripheral');
    expect(laneOf('complete')).toBe('hardirq');
    expect(laneOf('request_chan')).toBe('process');
  });
  it('survives malformed nesting (stray closers, unclosed spans)', () => {
    const l = layoutTimeline([{ k: 'cb_ret' }, { k: 'ret', ret: { t: 'void' } }, { k: 'env', step: { op: 'advance', units: 1 } }]);
    expect(l.rows).toHaveLength(3);
    expect(l.spans).toEqual([{ kind: 'env', lane: 'hardware', depth: 0, start: 2, end: 2 }]);
  });
});
