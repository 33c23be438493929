/**
 * The set of shards given to `dmacheck report merge`: the same shard twice would count
 * its runs and findings twice, so it is refused; shards of an `i/n` campaign that are not
 * there are named, and the merged result is partial.
 * @public
 */
import { InputError } from '../../io/errors.ts';
import type { RunResult } from '../result.ts';

/** What identifies one shard: its `i/n`, else its whole content (the same report twice). */
function identity(r: RunResult): { readonly key: string; readonly what: string } {
  return r.shard
    ? { key: `shard ${r.shard.index}/${r.shard.total}`, what: `shard ${r.shard.index}/${r.shard.total}` }
    : { key: JSON.stringify(r), what: `the same report (seed ${r.seed}, started ${r.startedAt})` };
}

/** Throws InputError when a shard is given twice (`names[i]` names `results[i]`). @public */
export function refuseDuplicateShards(results: readonly RunResult[], names: readonly string[]): void {
  const seen = new Map<string, string>();
  results.forEach((r, i) => {
    const { key, what } = identity(r);
    const name = names[i] ?? `#${i + 1}`;
    const before = seen.get(key);
    if (before !== undefined) throw new InputError(`${name}: ${what} is already given (${before}); each shard once`);
    seen.set(key, name);
  });
}

/** The `i/n` of every shard of the campaign that is not among `results` (empty: none missing or not a sharded campaign). @public */
export function missingShards(results: readonly RunResult[]): string[] {
  const total = results.find((r) => r.shard)?.shard?.total;
  if (total === undefined) return [];
  const have = new Set(results.flatMap((r) => (r.shard?.total === total ? [r.shard.index] : [])));
  return Array.from({ length: total }, (_, k) => k + 1).filter((i) => !have.has(i)).map((i) => `${i}/${total}`);
}
