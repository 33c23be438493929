// certify over batch/1 end to end (issue 12 item 6): a mutant served by `dmacheck serve`
// is still caught, shrunk, saved and replayed by re-sending the program; without --batch
// certify keeps the per-call path; a batch implementation error is one named line with exit 3.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, nodeCmd, ROOT } from '../../e2e/helpers.ts';

const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
const SEED = '42';
const RUNS = '30';

describe('dmacheck certify over batch/1', () => {
  // Two mutants of impl/mutants, each breaking an engine rule the generated programs reach.
  it.each([
    ['double-complete', 'CK-4'],
    ['terminate-no-free', 'TERM-9'],
  ])(`mutant:%s served over stdio is caught (%s), shrunk, saved, and replays (seed ${SEED}, ${RUNS} programs)`, (mutant, rule) => {
    const dir = mkdtempSync(join(tmpdir(), 'dmacheck-batch-'));
    const r = run(dir, 'certify', '--batch', '--impl-cmd', nodeCmd(BIN, 'serve', '--impl', `mutant:${mutant}`), '--runs', RUNS, '--seed', SEED, '--cx-dir', 'cx', '--out', 'r.json');
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`mutant:${mutant} offers batch/1`);
    expect(r.stdout).toContain(`violation of ${rule}`);
    expect(r.stdout).toMatch(/shrunk by re-sending candidates from \d+ to \d+ steps/);
    const result = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { verdict: string; rules: { id: string; verdict: string; exercised: number }[] };
    expect(result.verdict).toBe('fail');
    expect(result.rules.find((x) => x.id === rule)?.verdict).toBe('fail');
    // Honest coverage: rules the programs never reach are not exercised, never pass.
    expect(result.rules.find((x) => x.id === 'CYC-1')?.verdict).toBe('not_exercised');
    expect(result.rules.filter((x) => x.verdict === 'pass').every((x) => x.exercised > 0)).toBe(true);
    const files = readdirSync(join(dir, 'cx'));
    const file = join(dir, 'cx', files.find((f) => f.startsWith(`${rule}-`) && f.endsWith('.json'))!);
    expect(files.some((f) => f.endsWith('.kunit.c'))).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('dmacheck-batch-counterexample/1');
    const again = run(tmpdir(), 'replay', file);
    expect(again.status, again.stderr).toBe(1);
    expect(again.stdout).toContain(`violation of ${rule}`);
    expect(again.stdout).toContain(`still fails (mutant:${mutant})`);
  });

  it('without --batch: one request per call (no batch line, the lockstep counterexample format)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmacheck-batch-'));
    const r = run(dir, 'certify', '--impl-cmd', nodeCmd(BIN, 'serve', '--impl', 'mutant:double-complete'), '--runs', RUNS, '--seed', SEED, '--cx-dir', 'cx');
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toContain('offers batch/1');
    expect(r.stdout).toContain('violation of CK-4');
    const file = join(dir, 'cx', readdirSync(join(dir, 'cx')).find((f) => f.endsWith('.json'))!);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).not.toBe('dmacheck-batch-counterexample/1');
  });

  it('a program the implementation rejects: exit 3, one named error line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmacheck-batch-'));
    const r = run(dir, 'certify', '--batch', '--impl-cmd', nodeCmd(`${ROOT}adapters/test/fixtures/batch-hostile.mjs`, 'reject'), '--runs', '5');
    expect(r.status, r.stderr).toBe(3);
    const errs = r.stderr.split('\n').filter((l) => l.startsWith('dmacheck:'));
    expect(errs).toEqual(['dmacheck: implementation error (throw) in batch-hostile:reject: implementation error on program batch-42-0: cannot run this program']);
    expect(r.stdout).toContain('IMPLEMENTATION ERROR');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['an in-process engine', [] as string[], 'dmacheck: --batch: needs --impl-cmd'],
    ['an --impl-cmd without batch/1 in its hello', ['--impl-cmd', nodeCmd(BIN, 'serve', '--no-batch')], 'dmacheck: --batch: builtin does not offer batch/1 in its hello'],
  ])('--batch with %s is a usage error (exit 2, one line)', (_what, args, line) => {
    const r = run(mkdtempSync(join(tmpdir(), 'dmacheck-batch-')), 'certify', '--batch', '--runs', '5', ...args);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('dmacheck:'))).toEqual([line]);
  });
});
