/**
 * `--shard i/n`: a campaign split deterministically across CI jobs (as vitest's and
 * Playwright's `--shard`). Shard i runs with seed deriveSeed(seed, i, n) and, for a run
 * budget, its even share of the runs; with a time budget every shard gets the whole
 * time (the jobs run side by side). Same seed and i/n: the same sequences.
 * @public
 */
import { UsageError } from '../io/errors.ts';
import { deriveSeed } from './rng.ts';
import { splitRuns } from './parallel.ts';

/** @public */
export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** Parse `2/4` (1-based); UsageError otherwise. @public */
export function parseShard(s: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  if (!m) throw new UsageError(`--shard '${s}': expected i/n, e.g. 2/4`);
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (total < 1 || index < 1 || index > total) throw new UsageError(`--shard ${s}: need 1 <= i <= n`);
  return { index, total };
}

/** The shard's seed and run budget. @public */
export function shardPlan(seed: number, runs: number | undefined, shard: Shard | undefined): { readonly seed: number; readonly runs: number | undefined } {
  if (shard === undefined) return { seed, runs };
  return { seed: deriveSeed(seed, shard.index, shard.total), runs: runs === undefined ? undefined : splitRuns(runs, shard.total, shard.index - 1) };
}
