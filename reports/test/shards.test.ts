// Issue 13, item 14: `report merge` refuses a shard given twice and names missing shards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../io/errors.ts';
import { missingShards, refuseDuplicateShards } from '../gating/shards.ts';
import { mergeResults, writeReports } from '../index.ts';
import type { RunResult } from '../result.ts';
import { passingResult } from './fixtures.ts';

const bin = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const shardOf = (index: number, total: number): RunResult => ({ ...passingResult(), seed: 100 + index, shard: { index, total } });

async function saved(r: RunResult): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dmacheck-shard-'));
  await writeReports(r, dir, ['json']);
  return dir;
}

describe('report merge: the set of shards', () => {
  it('refuses the same shard twice, by its i/n or, without one, by its run', () => {
    expect(() => refuseDuplicateShards([shardOf(1, 2), shardOf(1, 2)], ['a', 'b'])).toThrow(InputError);
    expect(() => refuseDuplicateShards([shardOf(1, 2), shardOf(1, 2)], ['a', 'b'])).toThrow('b: shard 1/2 is already given (a)');
    expect(() => refuseDuplicateShards([passingResult(), passingResult()], ['x', 'y'])).toThrow(/y: the same report \(seed 42/);
    expect(() => refuseDuplicateShards([shardOf(1, 2), shardOf(2, 2)], ['a', 'b'])).not.toThrow();
  });
  it('names the missing shards and marks the merge partial', () => {
    expect(missingShards([shardOf(1, 3), shardOf(3, 3)])).toEqual(['2/3']);
    expect(missingShards([shardOf(1, 2), shardOf(2, 2)])).toEqual([]);
    expect(missingShards([passingResult()])).toEqual([]);
    const merged = mergeResults([shardOf(1, 3), shardOf(3, 3)]);
    expect(merged.partial).toBe(true);
    expect(merged.shard).toBeUndefined();
    expect(mergeResults([shardOf(1, 2), shardOf(2, 2)]).partial).toBe(false);
  });
  it('inconclusive shards pass together when one exercised what the other did not', () => {
    const base = passingResult();
    const left = (id: string): RunResult => ({ ...base, verdict: 'inconclusive', rules: base.rules.map((r) => (r.id === id ? { ...r, verdict: 'not_exercised', exercised: 0 } : r)) });
    const fill = (r: RunResult): RunResult => ({ ...r, rules: r.rules.map((v) => (v.id === 'CB-14' ? { ...v, verdict: 'pass', exercised: 1 } : v)) });
    expect(mergeResults([fill(left('CB-1')), { ...fill(left('CB-9')), seed: 7 }]).verdict).toBe('pass');
    expect(mergeResults([left('CB-1'), { ...left('CB-1'), seed: 7 }]).verdict).toBe('inconclusive');
  });
  it('the command line: exit 2 with one line for a shard given twice; a warning for a missing one', async () => {
    const one = await saved(shardOf(1, 3));
    const twice = run('report', 'merge', one, join(one, 'report.json'), '--out', mkdtempSync(join(tmpdir(), 'dmacheck-m-')), '--format', 'json');
    expect(twice.status).toBe(2);
    expect(twice.stderr.trim().split('\n')).toHaveLength(1);
    expect(twice.stderr).toContain('shard 1/3 is already given');
    const gap = run('report', 'merge', one, await saved(shardOf(3, 3)), '--out', mkdtempSync(join(tmpdir(), 'dmacheck-m-')), '--format', 'json');
    expect(gap.status).toBe(0);
    expect(gap.stderr).toContain('missing shard(s) 2/3');
    expect(gap.stdout).toContain('(partial)');
  });
});
