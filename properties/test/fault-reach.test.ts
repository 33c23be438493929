/**
 * Random generation reaches the situations two engine faults need (fixed seeds): a REPEAT
 * interleaved transfer replaced by a LOAD_EOT one (CYC-7, fault `load-eot-ignored`) and
 * release_channel while a completed descriptor's callback is owed (CH-6, fault
 * `release-tasklet-live`). Each is found and shrunk to a short counterexample.
 */
import { describe, expect, it } from 'vitest';
import { createBuiltinEngine, type FaultName } from '../../impl/index.ts';
import { checkLockstep } from '../check.ts';
import { explain, model } from './harness.ts';

const CASES: readonly { fault: FaultName; focus: string; rule: string }[] = [
  { fault: 'load-eot-ignored', focus: 'CYC', rule: 'CYC-7' },
  { fault: 'release-tasklet-live', focus: 'CH', rule: 'CH-6' },
];

describe('generation reaches fault-specific situations', () => {
  for (const c of CASES) {
    it(`${c.fault} fails ${c.rule}`, async () => {
      // Seed 4: since configs draw a descriptor pool (issue 12) seed 3 no longer reaches the
      // LOAD_EOT replacement in 400 runs; seeds 1, 2 and 4..8 do (measured).
      const seed = 4;
      const out = checkLockstep({ model: await model(), impl: createBuiltinEngine({ faults: new Set([c.fault]) }), mode: 'legal', focus: c.focus, numRuns: 400, seed });
      expect(out.counterexample?.rule, explain(out, seed)).toBe(c.rule);
      expect(out.counterexample!.length, explain(out, seed)).toBeLessThanOrEqual(10);
    });
  }
});
