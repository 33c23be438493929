/**
 * The real path end to end: `kernel setup` must have run (CI runs it first), then ONE
 * boot of Debian's arm64 kernel under QEMU runs a batch of generated programs and the
 * misuse programs. The legal batch must be conformant, except for divergences written
 * up in docs/FINDINGS.md; every misuse program must be judged `undefined` by its rule
 * from the real trace. Without the kernel cache the test says so and skips — under
 * CI=true it fails instead.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../trace/load-model.ts';
import { kernelCertify } from '../certify/certify.ts';
import { hostRunner } from '../certify/host-runner.ts';
import { MISUSE_KINDS } from '../gen/misuse.ts';

const runner = hostRunner;
/**
 * The rule each misuse program's real trace must be judged by, as `dmacheck check-trace`
 * names it today (SYNC-3 for new work between terminate_async and synchronize, until the
 * reserved SYNC-7 names the prep that starts it).
 */
const MISUSE_RULE: Record<string, RegExp> = {
  'misuse-issue-after-terminate-async': /^SYNC-(3|7)$/,
  'misuse-touch-after-submit': /^DESC-3$/,
  'misuse-unmap-before-sync': /^TERM-8$/,
  'misuse-mapping-leak': /^DATA-9$/,
  'misuse-terminate-sync-atomic': /^TERM-5$/,
  'misuse-callback-sleeps': /^CB-6$/,
};
const env = runner.findKernelEnv();
const CI = process.env.CI === 'true';
if (!env && !CI) process.stderr.write('kernel-e2e: SKIPPED: no kernel cache (run `npx dmacheck kernel setup` to enable this test)\n');

/**
 * Rule ids that docs/FINDINGS.md documents as real-driver findings ("- rule: X-n" lines of its
 * "Findings" section only: a model correction elsewhere in the file, e.g. F-1's CB-13, is fixed
 * in spec/ and must not be tolerated).
 */
function documentedFindings(text: string): Set<string> {
  const section = text.split(/^## /m).find((part) => part.startsWith('Findings\n')) ?? '';
  return new Set([...section.matchAll(/^- rule: ([A-Z]+-\d+)/gm)].map((m) => m[1]!));
}
const FINDINGS = (): string => readFileSync(new URL('../../docs/FINDINGS.md', import.meta.url), 'utf8');

describe('documented findings', () => {
  it('tolerates only the rules of the "Findings" section: no CB-13 since F-1 became a model correction', () => {
    expect(documentedFindings(FINDINGS()).has('CB-13')).toBe(false);
    expect(documentedFindings('# F\n## Findings\n### F-2: x\n- rule: DESC-8\n## Model corrections\n- rule: CB-13\n')).toEqual(new Set(['DESC-8']));
  });
});

describe('kernel e2e (bcm2835-dma under QEMU raspi3b)', () => {
  it.skipIf(!env && !CI)('is set up (kernel setup ran)', () => {
    expect(env, 'no kernel cache: `npx dmacheck kernel setup` must run before the tests').toBeDefined();
  });

  it.skipIf(!env)('one boot: a generated batch is conformant and every misuse names its rule', async () => {
    const out = await kernelCertify({
      runner, env: env!, model: await loadModel(), seed: 20261206, runs: 500, batchSize: 1000,
      misuse: 'all', shrinkRounds: 0, version: 'e2e',
    });
    expect(out.boots).toHaveLength(1);
    expect(out.result.implError).toBeUndefined();
    expect(out.result.stats.sequences).toBe(500 + MISUSE_KINDS.length);
    const findings = documentedFindings(FINDINGS());
    const legal = out.result.counterexamples.filter((_, i) => !out.cases[i]!.misuse);
    for (const c of legal) expect(findings, `${c.kind} ${c.rule}: ${c.msg}\n${c.text}`).toContain(c.rule);
    expect(out.misuse.map((m) => m.program).sort()).toEqual(Object.keys(MISUSE_RULE).sort());
    for (const m of out.misuse) {
      expect(m.detected, `${m.program}: expected ${m.expected.join('|')}, got ${m.got}`).toBe(true);
      expect(m.got, m.program).toMatch(MISUSE_RULE[m.program]!);
    }
    expect(out.result.coverage.rulesExercised).toBeGreaterThan(80);
    // Calls from atomic and hard-IRQ context, and the end-of-program mapping check, on the real kernel.
    for (const id of ['DESC-2', 'TERM-4', 'DATA-9']) expect(out.result.rules.find((r) => r.id === id)?.exercised, id).toBeGreaterThan(0);
  }, 600_000);
});
