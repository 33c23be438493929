/**
 * docs/SCALE.md run locally (issue 14 item 8): a campaign split into 3 shards as a CI
 * matrix or an Indexed Job would run it, then `report merge`. The merged report adds the
 * shards up (runs, commands, per-rule counts; counterexamples once per shape, none lost)
 * and each shard's counterexamples replay on their own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseResult, type RunResult } from '../../reports/index.ts';

const BIN = fileURLToPath(new URL('../../bin/dmacheck.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dmacheck-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dmacheck = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
const report = (d: string): RunResult => parseResult(JSON.parse(readFileSync(join(dir, d, 'report.json'), 'utf8')), d);

describe('a 3-shard campaign, merged', () => {
  it('adds the shards up, and each shard replays on its own', () => {
    const shards = [1, 2, 3].map((i) => {
      const r = dmacheck('fuzz', '--impl', 'mutant:cb-hardirq', '--seed', '42', '--runs', '300', '--shard', `${i}/3`,
        '--report-dir', `shard-${i}`, '--format', 'json', '--corpus', `corpus-${i}`, '--shrink-time', '2s');
      expect([0, 1], r.stderr).toContain(r.status);
      return report(`shard-${i}`);
    });
    const merge = dmacheck('report', 'merge', 'shard-1', 'shard-2', 'shard-3', '--out', 'merged', '--format', 'json');
    expect([0, 1], merge.stderr).toContain(merge.status);
    const m = report('merged');
    const sum = (f: (r: RunResult) => number) => shards.reduce((s, r) => s + f(r), 0);
    expect(m.budget.runs).toBe(300);
    expect(m.stats.sequences).toBe(sum((r) => r.stats.sequences));
    expect(m.stats.commands).toBe(sum((r) => r.stats.commands));
    expect(m.seeds).toEqual([...new Set(shards.flatMap((r) => r.seeds ?? [r.seed]))]);
    for (const v of m.rules) expect(v.exercised, v.id).toBe(sum((r) => r.rules.find((x) => x.id === v.id)?.exercised ?? 0));
    // Every rule a shard failed fails in the merged report; counterexamples are kept once per shape.
    const failed = new Set(shards.flatMap((r) => r.rules.filter((v) => v.verdict === 'fail').map((v) => v.id)));
    expect(new Set(m.rules.filter((v) => v.verdict === 'fail').map((v) => v.id))).toEqual(failed);
    expect(failed.has('CB-1')).toBe(true);
    expect(m.counterexamples.length).toBeGreaterThan(0);
    expect(m.counterexamples.length).toBeLessThanOrEqual(sum((r) => r.counterexamples.length));
    expect(new Set(m.counterexamples.map((c) => c.rule))).toEqual(new Set(shards.flatMap((r) => r.counterexamples.map((c) => c.rule))));

    const corpora = [1, 2, 3].map((i) => readdirSync(join(dir, `corpus-${i}`)).map((f) => join(`corpus-${i}`, f)));
    expect(corpora.flat().length).toBeGreaterThan(0);
    for (const files of corpora) {
      for (const f of files) {
        const rep = dmacheck('replay', f);
        expect(rep.status, `${f}: ${rep.stderr}`).toBe(1);
        expect(rep.stdout).toContain('still fails');
      }
    }
  }, 600_000);
});
