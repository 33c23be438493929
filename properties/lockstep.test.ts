import { describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../impl/index.ts';
import { checkLockstep } from './check.ts';
import { CoverageCounter } from './certify/coverage.ts';
import { explain, model, runs, SEED } from './test/harness.ts';

describe('lockstep: built-in engine against the model', () => {
  it('mixed legal sequences conform', async () => {
    const cov = new CoverageCounter();
    const out = checkLockstep({ model: await model(), impl: createBuiltinEngine(), mode: 'legal', numRuns: runs(300), seed: SEED, cov });
    expect(out.counterexample, explain(out, SEED)).toBeUndefined();
    expect(cov.rules.size).toBeGreaterThan(40);
  });

  it('client misuse gets undefined verdicts naming the broken rule, and nothing else', async () => {
    const out = checkLockstep({ model: await model(), impl: createBuiltinEngine(), mode: 'misuse', numRuns: runs(150), seed: SEED + 1 });
    expect(out.counterexample, explain(out, SEED + 1)).toBeUndefined();
  });
});
