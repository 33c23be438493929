/**
 * The lockstep property over an implementation: fast-check generates a configuration and
 * a command sequence, runs it against the model in lockstep, and on failure shrinks it
 * and returns the counterexample. Used by the property tests and `dmacheck certify`.
 * @public
 */
import fc from 'fast-check';
import type { CoverageSink, EngineConfig, Implementation, Model } from '../spec/api/index.ts';
import type { Counterexample } from '../reports/result.ts';
import { buildCounterexample } from './counterexample/build.ts';
import { encodeReplay } from './counterexample/replay-codec.ts';
import { configArb } from './gen/config.ts';
import { sequenceArb } from './gen/sequence.ts';
import { Lockstep } from './lockstep/runner.ts';
import { LockstepFailure, type Mode } from './lockstep/step.ts';

/** @public */
export interface CheckOptions {
  readonly model: Model<unknown>;
  readonly impl: Implementation;
  readonly mode: Mode;
  /** Rule group to weight generation towards. */
  readonly focus?: string | undefined;
  readonly numRuns: number;
  readonly seed: number;
  /** Replay a fast-check path (with `seed`). */
  readonly path?: string | undefined;
  /** Stop generating new runs after this long. */
  readonly timeMs?: number | undefined;
  readonly maxCommands?: number | undefined;
  readonly cov?: CoverageSink | undefined;
}

/** @public */
export interface CheckOutcome {
  /** Sequences executed (including shrinking re-runs). */
  readonly sequences: number;
  /** Calls and environment steps handed to the implementation. */
  readonly commands: number;
  readonly numRuns: number;
  readonly interrupted: boolean;
  readonly counterexample?: Counterexample;
  /** fast-check's replay line (replay codec) for the failure. */
  readonly replay?: string;
}

type Cmds = Iterable<fc.Command<Lockstep, Lockstep>>;

/** Run one sequence in lockstep; the runner holds the trace and the failure, if any. @internal */
export function runSequence(o: Pick<CheckOptions, 'model' | 'impl' | 'mode' | 'cov'>, cfg: EngineConfig, cmds: Cmds): Lockstep {
  const r = new Lockstep(o.model, o.impl, cfg, o.cov ? { mode: o.mode, cov: o.cov } : { mode: o.mode });
  try {
    if (!r.failure) {
      r.prelude();
      fc.modelRun(() => ({ model: r, real: r }), cmds);
      r.finish();
    }
  } catch (e) {
    if (!(e instanceof LockstepFailure)) r.fail({ kind: 'model_bug', step: r.index, msg: `harness error: ${e instanceof Error ? e.message : String(e)}` });
  }
  return r;
}

/** Check the lockstep property; returns the shrunk counterexample if it fails. @public */
export function checkLockstep(o: CheckOptions): CheckOutcome {
  let sequences = 0;
  let commands = 0;
  const seq = sequenceArb({ profile: o.impl.profile, mode: o.mode, focus: o.focus, maxCommands: o.maxCommands ?? 60 });
  const prop = fc.property(configArb(o.impl.profile), seq, (cfg, cmds) => {
    sequences++;
    const r = runSequence(o, cfg, cmds);
    commands += r.commands;
    if (r.failure) throw new LockstepFailure(r.failure);
  });
  const params: fc.Parameters<[EngineConfig, Cmds]> = {
    seed: o.seed, numRuns: o.numRuns,
    ...(o.path !== undefined ? { path: o.path, endOnFailure: true } : {}),
    ...(o.timeMs !== undefined ? { interruptAfterTimeLimit: o.timeMs } : {}),
  };
  const d = fc.check(prop, params);
  const base = { sequences, commands, numRuns: d.numRuns, interrupted: d.interrupted };
  if (!d.failed || !d.counterexample) return base;
  const [cfg, cmds] = d.counterexample;
  // Re-run the shrunk sequence (deterministic) to collect its trace.
  const r = runSequence({ ...o, cov: undefined }, cfg, cmds);
  const verdict = r.failure ?? { kind: 'model_bug' as const, step: r.index, msg: `failure did not reproduce: ${String(d.errorInstance)}` };
  const path = d.counterexamplePath ?? '';
  return { ...base, replay: encodeReplay({ seed: d.seed, path }), counterexample: buildCounterexample(r, verdict, d.seed, path, cfg) };
}
