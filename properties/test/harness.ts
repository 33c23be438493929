/**
 * Shared setup of the property tests: the real model and engine, run counts
 * (`DMACHECK_RUNS` raises them), and a failure message carrying the seed, the replay
 * line and the shrunk counterexample.
 * @internal
 */
import type { Model } from '../../spec/api/index.ts';
import { loadModel } from '../../trace/load-model.ts';
import type { CheckOutcome } from '../check.ts';
import { counterexampleText } from '../certify/table.ts';

/** Runs per property: the default, or DMACHECK_RUNS when set. @internal */
export function runs(dflt: number): number {
  const env = Number(process.env.DMACHECK_RUNS);
  return Number.isInteger(env) && env > 0 ? env : dflt;
}

/** Fixed seed of the property tests (printed on failure). @internal */
export const SEED = Number(process.env.DMACHECK_SEED ?? 20250101);

let cached: Promise<Model<unknown>> | undefined;
/** The reference model. @internal */
export function model(): Promise<Model<unknown>> {
  cached ??= loadModel();
  return cached;
}

/** Failure message: seed, replay line and counterexample. @internal */
export function explain(out: CheckOutcome, seed: number): string {
  const cx = out.counterexample;
  return cx ? `seed ${seed}\n${counterexampleText(cx, out.replay ?? '')}` : `seed ${seed}: no counterexample`;
}
