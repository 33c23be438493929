import { describe, expect, it } from 'vitest';
import { UsageError } from '../../io/errors.ts';
import { ddmin } from '../shrink.ts';
import { parseShard, shardPlan } from '../shard.ts';
import { splitRuns } from '../parallel.ts';
import { campaign, engine } from './helpers.ts';

describe('shards', () => {
  it('parses i/n and refuses anything else with a one-line usage error', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, total: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'x', '1-2']) expect(() => parseShard(bad)).toThrow(UsageError);
  });

  it('split the run budget exactly', () => {
    for (const [runs, n] of [[10, 3], [7, 7], [5, 8], [100, 4]] as const) {
      const parts = Array.from({ length: n }, (_, i) => shardPlan(42, runs, { index: i + 1, total: n }).runs ?? 0);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(runs);
      expect(parts.every((p, i) => p === splitRuns(runs, n, i))).toBe(true);
    }
  });

  it('same seed and i/n: the same sequences; another shard: others', () => {
    const run = (i: number) => {
      const p = shardPlan(42, 18, { index: i, total: 3 });
      return campaign(engine(), { seed: p.seed, runs: p.runs!, digest: true }).c;
    };
    const a = run(2);
    const b = run(2);
    const c = run(3);
    expect(a.sequences).toBe(6);
    expect(a.digest).toBe(b.digest);
    expect(c.digest).not.toBe(a.digest);
  });
});

describe('ddmin', () => {
  it('finds the smallest failing sublist', () => {
    const xs = Array.from({ length: 40 }, (_, i) => i);
    const fails = (ys: readonly number[]) => ys.includes(3) && ys.includes(27) && ys.indexOf(3) < ys.indexOf(27);
    expect(ddmin(xs, fails, () => false)).toEqual([3, 27]);
  });
});
