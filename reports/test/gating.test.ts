import { describe, expect, it } from 'vitest';
import { InputError } from '../../io/errors.ts';
import { applyBaseline, counterexampleShape, mergeResults } from '../index.ts';
import type { RunResult } from '../result.ts';
import { errorResult, failingCounterexample, failingResult, longCounterexample, passingResult, rules } from './fixtures.ts';

/** failingResult with CB-9 failing as well (a new violation). */
function twoFailures(): RunResult {
  const f = failingResult();
  const cb9 = { ...failingCounterexample(), rule: 'CB-9', msg: 'CB-9: callbacks out of order' };
  return { ...f, rules: f.rules.map((r) => (r.id === 'CB-9' ? { ...r, verdict: 'fail', failures: 1 } : r)), counterexamples: [...f.counterexamples, cb9] };
}

describe('applyBaseline', () => {
  it('turns a violation already in the baseline into a known one and the run into a pass', () => {
    const r = applyBaseline(failingResult(), failingResult());
    expect(r.verdict).toBe('pass');
    expect(r.known).toEqual(['SYNC-4']);
    expect(r.rules.find((x) => x.id === 'SYNC-4')!.verdict).toBe('known');
    expect(r.counterexamples).toHaveLength(1);
  });
  it('still fails on a new violation', () => {
    const r = applyBaseline(twoFailures(), failingResult());
    expect(r.verdict).toBe('fail');
    expect(r.known).toEqual(['SYNC-4']);
    expect(r.rules.find((x) => x.id === 'CB-9')!.verdict).toBe('fail');
  });
  it('a baseline that passed makes every failure new; a baseline of known ones carries them', () => {
    expect(applyBaseline(failingResult(), passingResult()).verdict).toBe('fail');
    const carried = applyBaseline(failingResult(), applyBaseline(failingResult(), failingResult()));
    expect(carried.verdict).toBe('pass');
  });
  it('never hides an implementation error', () => {
    expect(applyBaseline(errorResult(), errorResult()).verdict).toBe('error');
  });
  it('does not change its input', () => {
    const f = failingResult();
    const copy = structuredClone(f);
    applyBaseline(f, f);
    expect(f).toEqual(copy);
  });
});

describe('mergeResults', () => {
  const shard = (seed: number, over: Partial<RunResult> = {}): RunResult => ({ ...passingResult(), seed, ...over });
  it('sums counts, takes coverage maxima, keeps every seed', () => {
    const a = shard(1, { coverage: { rulesExercised: 5, rulesCheckable: 9, pairsVisited: 60, pairsReachable: 80 } });
    const b = shard(2, { coverage: { rulesExercised: 7, rulesCheckable: 9, pairsVisited: 40, pairsReachable: 80 } });
    const m = mergeResults([a, b]);
    expect(m.seeds).toEqual([1, 2]);
    expect(m.stats.sequences).toBe(400);
    expect(m.budget.runs).toBe(400);
    expect(m.coverage).toEqual({ rulesExercised: 7, rulesCheckable: 9, pairsVisited: 60, pairsReachable: 80 });
    expect(m.rules.find((r) => r.id === 'SUB-1')!.exercised).toBe(622);
  });
  it('takes the worst verdict per rule and per run', () => {
    expect(mergeResults([shard(1), failingResult()]).verdict).toBe('fail');
    expect(mergeResults([failingResult(), errorResult()]).verdict).toBe('error');
    expect(mergeResults([failingResult(), shard(2)]).rules.find((r) => r.id === 'SYNC-4')!.verdict).toBe('fail');
    const exercisedSomewhere = shard(3, { rules: rules.map((r) => (r.id === 'CB-14' ? { ...r, verdict: 'pass', exercised: 2 } : r)) });
    expect(mergeResults([shard(1), exercisedSomewhere]).rules.find((r) => r.id === 'CB-14')!.verdict).toBe('pass');
  });
  it('deduplicates counterexamples by rule and shape, keeping the shortest', () => {
    const short = failingResult();
    const long = { ...failingResult(), counterexamples: [{ ...failingCounterexample(), length: 50, seed: 7 }] };
    const other = { ...failingResult(), counterexamples: [longCounterexample(300)] };
    const m = mergeResults([long, short, other]);
    expect(m.counterexamples).toHaveLength(2);
    expect(m.counterexamples[0]!.length).toBe(9);
    expect(m.rules.find((r) => r.id === 'SYNC-4')!.failures).toBe(2);
    expect(counterexampleShape(m.counterexamples[0]!)).not.toBe(counterexampleShape(m.counterexamples[1]!));
  });
  it('marks the merge partial if any shard was', () => {
    expect(mergeResults([shard(1), errorResult()]).partial).toBe(true);
  });
  it('refuses nothing to merge and shards of different runs', () => {
    expect(() => mergeResults([])).toThrow(InputError);
    expect(() => mergeResults([shard(1), shard(2, { command: 'fuzz' })])).toThrow(/cannot merge a fuzz report/);
    expect(() => mergeResults([shard(1), shard(2, { implementation: { name: 'other', profile: null } })])).toThrow(/different implementations/);
  });
});
