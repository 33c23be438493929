/**
 * Shared setup of the property tests: the real model and engine, run counts
 * (`DMACHECK_RUNS` raises them), and a failure message carrying the seed, the replay
 * line and the shrunk counterexample.
 * @internal
 */
import { expect } from 'vitest';
import { createBuiltinEngine } from '../../impl/index.ts';
import type { EngineConfig, Model } from '../../spec/api/index.ts';
import { loadModel } from '../../trace/load-model.ts';
import { defaultConfig } from '../gen/config.ts';
import { Lockstep } from '../lockstep/runner.ts';
import { type Mode, type Step, verdictLine } from '../lockstep/step.ts';
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

/** A client call step from process context. @internal */
export const call = (c: Extract<Step, { k: 'call' }>['call']): Step => ({ k: 'call', call: c, ctx: 'process' });

/**
 * The built-in engine in lockstep after the probe (chan 0 = MEM_TO_DEV with b1, b2; chan 1 =
 * DEV_TO_MEM with b3, b4) and `steps`, which must all be accepted. @internal
 */
export async function runAfter(mode: Mode, steps: readonly Step[]): Promise<Lockstep> {
  const impl = createBuiltinEngine();
  const cfg: EngineConfig = defaultConfig(impl.profile);
  const r = new Lockstep(await model(), impl, cfg, { mode });
  r.prelude();
  for (const s of steps) r.exec(s);
  expect(r.failure, r.failure && verdictLine(r.failure)).toBeUndefined();
  return r;
}
