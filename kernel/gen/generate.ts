/**
 * The seeded program generator of `kernel certify`: `count` legal programs from one
 * fast-check seed (the same seed gives the same programs, so a run is reproducible
 * from the seed the report prints).
 * @public
 */
import fc from 'fast-check';
import type { ClientProgram } from '../../spec/api/program.ts';
import { buildProgram } from './build.ts';
import { planArb } from './plan.ts';

/** Programs `first` .. `first + count - 1` of the sequence that `seed` draws. @public */
export function generatePrograms(seed: number, count: number, first = 0): ClientProgram[] {
  if (count <= 0) return [];
  const plans = fc.sample(planArb, { seed, numRuns: first + count });
  return plans.slice(first).map((p, i) => buildProgram(p, `gen-${seed}-${first + i}`));
}
