// Issue 13, item 14: `--runs N` is exactly N generated sequences, and a run that left a
// checkable rule unexercised is inconclusive unless the caller accepts it.
import { describe, expect, it } from 'vitest';
import { resolveImplementation } from '../../adapters/resolve.ts';
import { loadModel } from '../../trace/load-model.ts';
import { certify, phaseRuns, phases } from './certify.ts';

describe('certify run budget', () => {
  it('splits N runs over the phases so that they add up to exactly N', () => {
    for (const n of [1, 2, 7, 13, 100, 2999, 3000, 12345]) {
      const split = phaseRuns(n);
      expect(split, `runs ${n}`).toHaveLength(phases().length);
      expect(split.reduce((s, k) => s + k, 0), `runs ${n}`).toBe(n);
      expect(split.every((k) => k >= 0)).toBe(true);
    }
    // The shares still govern: the mixed phase gets 45% of 3000.
    expect(phaseRuns(3000)[0]).toBe(1350);
  });

  it('certify --runs 1 runs one sequence and is inconclusive; accepted with allowUnexercised', async () => {
    const model = await loadModel();
    const impl = await resolveImplementation({ impl: 'builtin' });
    const one = await certify({ model, impl, seed: 42, runs: 1, version: 'test' });
    expect(one.result.stats.sequences).toBe(1);
    expect(one.result.verdict).toBe('inconclusive');
    expect(one.result.coverage.rulesExercised).toBeLessThan(one.result.coverage.rulesCheckable);
    const accepted = await certify({ model, impl, seed: 42, runs: 1, version: 'test', allowUnexercised: true });
    expect(accepted.result.verdict).toBe('pass');
  });
});
