/**
 * Advisories in every report format (issue 15): listed with their trace line, never a
 * failure unless the result is strict; the JSON validates against the committed schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mergeResults, renderHtml, renderJunit, renderKtap, renderMarkdown, renderText, runResultSchema, stableJson } from '../index.ts';
import { advisoryResult } from './fixtures.ts';

const fromFile = z.fromJSONSchema(JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')) as Parameters<typeof z.fromJSONSchema>[0]);

describe('advisories in reports', () => {
  const r = advisoryResult();

  it('JSON: the result with findings and an advisory rule validates (zod and the committed JSON Schema)', () => {
    const json = JSON.parse(stableJson(r)) as unknown;
    expect(runResultSchema.safeParse(json).success).toBe(true);
    expect(fromFile.safeParse(json).success).toBe(true);
    expect(runResultSchema.safeParse({ ...(json as object), findings: [{ kind: 'hint', rule: null, msg: '' }] }).success).toBe(false);
  });
  it('text and Markdown list every finding with its line and channel', () => {
    const text = renderText(r);
    expect(text).toContain('findings (2):');
    expect(text).toContain('line 7: advisory DESC-9 (chan 0): prep without DMA_CTRL_ACK');
    expect(text).toContain('line 12: advisory DESC-9 (chan 1)');
    expect(text).toContain('verdict: PASS');
    const md = renderMarkdown(r);
    expect(md).toContain('### Findings (2 — 2 advisory, not failing the run)');
    expect(md).toContain('- line 12: advisory DESC-9 \\(chan 1\\): prep without DMA\\_CTRL\\_ACK');
  });
  it('JUnit: the advisory rule is a passing testcase carrying its findings; strict makes it a failure', () => {
    const xml = renderJunit(r);
    expect(xml).toMatch(/<testcase name="DESC-9" classname="dmacheck.DESC" time="0"><system-out>advisory: [^<]*line 7: advisory DESC-9/);
    expect(xml).toMatch(/<testsuite name="DESC" tests="1" failures="0"/);
    expect(renderJunit(advisoryResult(true))).toMatch(/<testsuite name="DESC" tests="1" failures="1"/);
  });
  it('KTAP: diagnostic lines per finding, then ok; strict gives not ok', () => {
    const ktap = renderKtap(r).split('\n');
    const ok = ktap.findIndex((l) => l === '  ok 1 DESC-9');
    expect(ok).toBeGreaterThan(1);
    expect(ktap.slice(ok - 2, ok)).toEqual(['  # line 7: advisory DESC-9 (chan 0): prep without DMA_CTRL_ACK', '  # line 12: advisory DESC-9 (chan 1): prep without DMA_CTRL_ACK']);
    expect(renderKtap(advisoryResult(true))).toContain('\n  not ok 1 DESC-9\n');
  });
  it('HTML: a findings table with one row per finding', () => {
    const html = renderHtml(r);
    expect(html).toContain('<table id="findings">');
    expect(html.match(/<tr class="f-advisory">/g)).toHaveLength(2);
  });
  it('merging shards adds up the counts of the same finding', () => {
    const m = mergeResults([r, { ...r, seed: 7 }]);
    expect(m.findings).toEqual(r.findings?.map((f) => ({ ...f, count: 2 })));
  });
});
