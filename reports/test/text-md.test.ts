import { describe, expect, it } from 'vitest';
import { applyBaseline, renderMarkdown, renderText } from '../index.ts';
import { errorResult, failingResult, hostileResult, passingResult } from './fixtures.ts';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

describe('text report', () => {
  it('lists every rule with its verdict and the counterexample with its replay line', () => {
    const r = failingResult();
    const t = renderText(r);
    for (const rule of r.rules) expect(t).toMatch(new RegExp(`^${rule.id}\\s+${rule.group}\\s`, 'm'));
    expect(t).toMatch(/^SYNC-4\s+SYNC\s+engine\s+fail\s+25\s+1$/m);
    expect(t).toContain('verdict: FAIL (1 failing rule, 1 counterexample)');
    expect(t).toContain('replay: { seed: 42, path: "17:3:0", endOnFailure: true }');
    expect(t).toContain('coverage: rules 7/9 (78%) exercised, model pairs 57/80 (71%)');
  });
  it('says partial and shows the implementation error', () => {
    const t = renderText(errorResult());
    expect(t).toContain('PARTIAL');
    expect(t).toContain('implementation error (crash): child exited with signal SIGSEGV');
  });
  it('prints no terminal escapes or control characters from hostile strings', () => {
    const t = renderText(hostileResult(true));
    expect(t).not.toMatch(CONTROL);
    expect(t).toContain('\\x1b[31m');
    expect(t.length).toBeLessThan(200_000);
  });
});

describe('markdown summary', () => {
  it('gives the verdict, failing rules with statements, coverage and counts', () => {
    const md = renderMarkdown(failingResult());
    expect(md).toMatch(/^## ❌ dmacheck certify: FAIL$/m);
    expect(md).toContain('| SYNC-4 | On return of synchronize');
    expect(md).toContain('- Rules exercised: 7/9 (78%)');
    expect(md).toContain('1 fail · 0 known · 0 advisory · 6 pass · 1 not exercised · 2 not supported · 1 documented only');
  });
  it('passes cleanly and lists known violations', () => {
    expect(renderMarkdown(passingResult())).not.toContain('Failing rules');
    const md = renderMarkdown(applyBaseline(failingResult(), failingResult()));
    expect(md).toMatch(/^## ✅/);
    expect(md).toContain('Known violations from the baseline (not failing this run): SYNC-4');
  });
  it('keeps hostile strings inert: no HTML, no table breaks, no links, no control characters', () => {
    const md = renderMarkdown(hostileResult(true));
    expect(md).not.toMatch(CONTROL);
    expect(md).not.toMatch(/<[a-z/]/i);
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) expect(line.match(/(?<!\\)\|/g)).toHaveLength(4);
    expect(md.length).toBeLessThan(50_000);
  });
});
