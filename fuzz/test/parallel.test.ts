import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../finding.ts';
import { splitRuns, WorkerPool } from '../parallel.ts';
import { deriveSeed } from '../rng.ts';
import { campaign, engine } from './helpers.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/cb-hardirq-engine.ts', import.meta.url));

describe('worker threads', () => {
  it('run distinct derived seeds, split the runs, and merge counters, coverage and findings (seed 9)', async () => {
    const findings: { f: Finding; worker: number }[] = [];
    const pool = new WorkerPool({
      workers: 2, seed: 9, runs: 15, impl: FIXTURE, implCmd: undefined, timeoutMs: undefined, implSpec: FIXTURE,
      timeMs: undefined, maxLength: 120, misuseShare: 0, shrinkMs: 2000, guided: true, digest: true, enough: [],
    }, { onFinding: (f, worker) => findings.push({ f, worker }) });
    await pool.done;
    expect(pool.error).toBeUndefined();
    const t = pool.totals();
    expect(t.perWorker.map((w) => w.sequences)).toEqual([8, 7]);
    expect(t.sequences).toBe(15);
    expect(t.commands).toBe(t.perWorker[0]!.commands + t.perWorker[1]!.commands);
    // Each worker ran exactly the campaign of its derived seed, as an in-process one would.
    for (const w of [0, 1]) {
      const local = campaign(engine('cb-hardirq'), { seed: deriveSeed(9, w), runs: splitRuns(15, 2, w), maxLength: 120, digest: true, wants: () => false }).c;
      expect(t.perWorker[w]!.digest, `worker ${w}`).toBe(local.digest);
    }
    expect(t.perWorker[0]!.digest).not.toBe(t.perWorker[1]!.digest);
    const cov = pool.coverage();
    expect(cov.pairs.size).toBeGreaterThan(0);
    expect(findings.some((x) => x.f.file.rule === 'CB-1')).toBe(true);
    expect(findings.every((x) => x.f.file.replay.includes(`path: "${x.worker}:`))).toBe(true);
  });

  it('report a bad implementation as a usage error', async () => {
    const pool = new WorkerPool({
      workers: 1, seed: 1, runs: 1, impl: 'mutant:', implCmd: undefined, timeoutMs: undefined, implSpec: 'x',
      timeMs: undefined, maxLength: 10, misuseShare: 0, shrinkMs: 10, guided: true, digest: false, enough: [],
    }, { onFinding: () => undefined });
    await pool.done;
    expect(pool.error?.usage, pool.error?.msg).toBe(true);
    expect(pool.error?.msg).not.toContain('\n');
  });
});
