/**
 * Replays a mutant's declared shortest trigger through the lockstep runner: the probe
 * prelude, the trigger's steps, then the same quiescing as after a generated sequence.
 * This is what makes the "known minimum" of the kill matrix a checked claim.
 * @public
 */
import type { EngineConfig, Implementation, Model, Verdict } from '../spec/api/index.ts';
import type { MutantSpec } from '../impl/mutants/index.ts';
import { defaultConfig } from '../properties/gen/config.ts';
import { preludeSteps } from '../properties/lockstep/prelude.ts';
import { replaySteps } from '../properties/lockstep/replay.ts';

/** The configuration a trigger runs under: the default one with its overrides. @public */
export function triggerConfig(spec: MutantSpec, impl: Implementation): EngineConfig {
  const base = defaultConfig(impl.profile);
  const o = spec.trigger.config ?? {};
  return {
    ...base,
    caps: { ...base.caps, ...o.caps },
    ...(o.cookieInit !== undefined ? { cookieInit: o.cookieInit } : {}),
    ...(o.residueGranularity !== undefined ? { residueGranularity: o.residueGranularity } : {}),
    ...(o.maxTransferLen !== undefined ? { maxTransferLen: o.maxTransferLen } : {}),
    ...(o.choices !== undefined ? { choices: { ...base.choices, ...o.choices } } : {}),
  };
}

/** Run the trigger of `spec` against `impl`; the verdict the run ended with, if any. @public */
export function replayTrigger(spec: MutantSpec, impl: Implementation, model: Model<unknown>): Verdict | undefined {
  const cfg = triggerConfig(spec, impl);
  return replaySteps(model, impl, cfg, 'legal', [...preludeSteps(cfg), ...spec.trigger.steps]).failure;
}
