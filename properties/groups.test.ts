import { describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../impl/index.ts';
import { CATALOGUE } from '../spec/catalogue/index.ts';
import { checkLockstep } from './check.ts';
import { FOCUS_GROUPS } from './certify/certify.ts';
import { CoverageCounter } from './certify/coverage.ts';
import { isCheckable } from './certify/verdicts.ts';
import { explain, model, runs, SEED } from './test/harness.ts';

// Generation weighted towards one rule group at a time; each must conform and must
// exercise most of its group's model-checked rules (the rest are printed on failure).
describe('lockstep focused per rule group', () => {
  FOCUS_GROUPS.forEach((g, i) => {
    it(`${g}: conforms and exercises the group`, async () => {
      const cov = new CoverageCounter();
      const seed = SEED + 100 + i;
      const out = checkLockstep({ model: await model(), impl: createBuiltinEngine(), mode: 'legal', focus: g, numRuns: runs(80), seed, cov });
      expect(out.counterexample, explain(out, seed)).toBeUndefined();
      const rules = CATALOGUE.filter((r) => r.group === g && isCheckable(r));
      const missed = rules.filter((r) => cov.count(r.id) === 0).map((r) => r.id);
      expect(rules.length - missed.length, `seed ${seed}: ${g} rules never exercised: ${missed.join(', ')}`).toBeGreaterThanOrEqual(Math.ceil(rules.length * 0.6));
    });
  });
});
