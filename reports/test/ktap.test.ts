import { describe, expect, it } from 'vitest';
import { applyBaseline, renderKtap } from '../index.ts';
import type { RunResult } from '../result.ts';
import { errorResult, failingResult, hostileResult, longResult, passingResult } from './fixtures.ts';

interface KtapTest { ok: boolean; n: number; name: string; directive: string | null; reason: string; diag: string[]; subtests: KtapTest[] }
interface KtapDoc { plan: number; tests: KtapTest[]; diag: string[] }

/**
 * A strict KTAP v1 parser (Documentation/dev-tools/ktap.rst): version line, plan,
 * result lines `ok|not ok N [desc][ # DIRECTIVE reason]`, diagnostics `# …`,
 * nested tests indented by two spaces and closed by the parent's result line.
 * Throws on anything it does not understand.
 */
function parseKtap(text: string): KtapDoc {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let i = 0;
  function block(indent: string): KtapDoc {
    const at = () => lines[i] ?? '';
    if (at() !== `${indent}KTAP version 1`) throw new Error(`line ${i + 1}: expected version line, got ${JSON.stringify(at())}`);
    i++;
    const diag: string[] = [];
    while (at().startsWith(`${indent}# `)) diag.push(at().slice(indent.length + 2)), i++;
    const plan = /^(\d+)$/.exec(at().slice(indent.length + 3)) && at().startsWith(`${indent}1..`) ? Number(at().slice(indent.length + 3)) : NaN;
    if (Number.isNaN(plan)) throw new Error(`line ${i + 1}: expected plan, got ${JSON.stringify(at())}`);
    i++;
    const tests: KtapTest[] = [];
    let pending: string[] = [];
    let sub: KtapTest[] = [];
    while (i < lines.length) {
      const l = at();
      if (!l.startsWith(indent)) break;
      const body = l.slice(indent.length);
      if (body.startsWith('  ')) {
        if (body.startsWith('  # ') && lines[i + 1] === `${indent}  KTAP version 1`) { i++; continue; } // "# Subtest:" header
        sub = block(`${indent}  `).tests;
        continue;
      }
      if (body.startsWith('# ')) { pending.push(body.slice(2)); i++; continue; }
      const m = /^(ok|not ok) (\d+)(?: ([^#]*?))?(?: # (SKIP|XFAIL|ERROR|TIMEOUT)(?: (.*))?)?$/.exec(body);
      if (!m) throw new Error(`line ${i + 1}: not a KTAP line: ${JSON.stringify(l)}`);
      tests.push({ ok: m[1] === 'ok', n: Number(m[2]), name: m[3] ?? '', directive: m[4] ?? null, reason: m[5] ?? '', diag: pending, subtests: sub });
      if (Number(m[2]) !== tests.length) throw new Error(`line ${i + 1}: test number ${m[2]}, expected ${tests.length}`);
      pending = []; sub = [];
      i++;
    }
    if (tests.length !== plan) throw new Error(`plan 1..${plan} but ${tests.length} tests`);
    return { plan, tests, diag };
  }
  const doc = block('');
  if (i !== lines.length) throw new Error(`line ${i + 1}: trailing output`);
  return doc;
}

const fixtures: [string, RunResult][] = [
  ['passing', passingResult()], ['failing', failingResult()], ['error', errorResult()], ['long', longResult(10_000)], ['hostile', hostileResult(true)],
];

describe('KTAP', () => {
  it.each(fixtures)('%s: parses back with one subtest per rule group and matching counts', (_, r) => {
    const doc = parseKtap(renderKtap(r));
    const groups = [...new Set(r.rules.map((x) => x.group))];
    const ruleTests = doc.tests.slice(0, groups.length);
    expect(ruleTests.map((t) => t.subtests.length)).toEqual(groups.map((g) => r.rules.filter((x) => x.group === g).length));
    const leaves = ruleTests.flatMap((t) => t.subtests);
    expect(leaves.filter((t) => !t.ok)).toHaveLength(r.rules.filter((x) => x.verdict === 'fail').length);
    expect(leaves.filter((t) => t.directive === 'SKIP')).toHaveLength(r.rules.filter((x) => ['not_exercised', 'not_supported', 'documented_only'].includes(x.verdict)).length);
    for (const t of ruleTests) expect(t.ok).toBe(t.subtests.every((s) => s.ok));
    expect(doc.tests.length > groups.length).toBe(r.implError !== undefined);
  });
  it('names rules in result lines and gives the failure diagnostics before the failing line', () => {
    const doc = parseKtap(renderKtap(failingResult()));
    const sync = doc.tests.find((t) => t.name === 'SYNC')!;
    expect(sync.ok).toBe(false);
    const sync4 = sync.subtests.find((t) => t.name === 'SYNC-4')!;
    expect(sync4.ok).toBe(false);
    expect(sync4.diag[0]).toMatch(/^SYNC-4: On return of synchronize/);
    expect(sync4.diag).toContain('>>    43  xfer d2 +0..32 w4');
    expect(sync.subtests.find((t) => t.name === 'SYNC-3')).toMatchObject({ ok: true, directive: null });
    expect(doc.tests.find((t) => t.name === 'CB')!.subtests.find((t) => t.name === 'CB-14')).toMatchObject({ directive: 'SKIP', reason: 'not exercised' });
  });
  it('marks known (baseline) violations XFAIL and the group ok', () => {
    const doc = parseKtap(renderKtap(applyBaseline(failingResult(), failingResult())));
    const sync = doc.tests.find((t) => t.name === 'SYNC')!;
    expect(sync.ok).toBe(true);
    expect(sync.subtests.find((t) => t.name === 'SYNC-4')).toMatchObject({ ok: true, directive: 'XFAIL' });
  });
  it('ends with an ERROR run test for an implementation error, and says partial', () => {
    const out = renderKtap(errorResult());
    expect(out).toContain('# PARTIAL');
    expect(parseKtap(out).tests.at(-1)).toMatchObject({ ok: false, name: 'run', directive: 'ERROR', reason: 'crash' });
  });
  it('hostile strings cannot add result lines or directives', () => {
    const doc = parseKtap(renderKtap(hostileResult(true)));
    const leaves = doc.tests.flatMap((t) => t.subtests);
    expect(leaves).toHaveLength(hostileResult(false).rules.length);
    expect(leaves.find((t) => t.name.startsWith('CH-2<script>'))).toMatchObject({ ok: true, directive: null });
    expect(doc.tests[0]!.name.startsWith('<script>')).toBe(true);
    expect(doc.tests[0]!.directive).toBeNull();
  });
});
