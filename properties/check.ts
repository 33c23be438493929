/**
 * The lockstep property over an implementation: fast-check generates a configuration and
 * a command sequence, runs it against the model in lockstep, and on failure shrinks it
 * and returns the counterexample. Used by the property tests and `dmacheck certify`.
 * @public
 */
import fc from 'fast-check';
import type { AdvisoryVerdict, CoverageSink, EngineConfig, FailureVerdict, Implementation, Model } from '../spec/api/index.ts';
import type { ImplError } from '../adapters/errors.ts';
import type { Counterexample } from '../reports/result.ts';
import { buildCounterexample } from './counterexample/build.ts';
import { minimizeRun } from './counterexample/minimize.ts';
import { encodeReplay } from './counterexample/replay-codec.ts';
import { configArb } from './gen/config.ts';
import { sequenceArb } from './gen/sequence.ts';
import { boundedRun } from './lockstep/bounded-run.ts';
import { Lockstep, type RunnerOptions } from './lockstep/runner.ts';
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
  /** Called when a run reached quiescence (see {@link RunnerOptions.quiescent}). */
  readonly quiescent?: (() => void) | undefined;
  /** Receives the advisory verdicts of every run (see {@link RunnerOptions.onAdvisory}). */
  readonly onAdvisory?: ((v: AdvisoryVerdict) => void) | undefined;
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
  /**
   * The adapter failed (the process hung, crashed or broke the protocol): the run stopped
   * at once, unshrunk, and `counterexample` is the sequence so far.
   */
  readonly adapterError?: ImplError;
  /** The verdict of the counterexample's run. */
  readonly verdict?: FailureVerdict;
}

type Cmds = Iterable<fc.Command<Lockstep, Lockstep>>;

/**
 * Run one sequence of symbolic commands in lockstep (probe, commands whose precondition
 * holds, quiescing, end-of-run obligations); never throws for implementation or model
 * failures: the returned runner holds the trace and the failure, if any. The fuzzer's
 * shrinker re-runs candidate command lists through it.
 * @public
 */
export function runSequence(o: Pick<CheckOptions, 'model' | 'impl' | 'mode' | 'cov' | 'quiescent' | 'onAdvisory'>, cfg: EngineConfig, cmds: Cmds): Lockstep {
  const opts: RunnerOptions = { mode: o.mode, quiescent: o.quiescent, onAdvisory: o.onAdvisory, ...(o.cov ? { cov: o.cov } : {}) };
  return boundedRun(o.impl, () => new Lockstep(o.model, o.impl, cfg, opts), (r) => {
    try {
      if (!r.failure) {
        r.prelude();
        fc.modelRun(() => ({ model: r, real: r }), cmds);
        r.finish();
      }
    } catch (e) {
      if (!(e instanceof LockstepFailure)) r.fail({ kind: 'model_bug', step: r.index, msg: `harness error: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
}

/** Thrown into fast-check by the run that saw the stop request: ends the check (see {@link checkLockstepAsync}). */
class Stopped extends Error {
  override readonly name = 'Stopped';
}

/** The property's run counting and abort handling, shared by the sync and async checks. */
function propertyRun(o: CheckOptions) {
  const st = { sequences: 0, commands: 0, stopped: false, failed: false, aborted: undefined as { readonly r: Lockstep; readonly cfg: EngineConfig } | undefined };
  const run = (cfg: EngineConfig, cmds: Cmds): void => {
    // The first run the adapter gave up on (or the stop request): later runs (fast-check's
    // shrink attempts) are skipped as passing, so fast-check keeps that run as its counterexample.
    if (st.aborted || st.stopped) return;
    st.sequences++;
    const r = runSequence(o, cfg, cmds);
    st.commands += r.commands;
    if (r.adapterError) st.aborted = { r, cfg };
    if (r.failure) {
      st.failed = true;
      throw new LockstepFailure(r.failure);
    }
  };
  const params: fc.Parameters<[EngineConfig, Cmds]> = {
    seed: o.seed, numRuns: o.numRuns,
    ...(o.path !== undefined ? { path: o.path, endOnFailure: true } : {}),
    ...(o.timeMs !== undefined ? { interruptAfterTimeLimit: o.timeMs } : {}),
  };
  const arbs = [configArb(o.impl.profile), sequenceArb({ profile: o.impl.profile, mode: o.mode, focus: o.focus, maxCommands: o.maxCommands ?? 60 })] as const;
  return { st, run, params, arbs };
}

/** Check the lockstep property; returns the shrunk counterexample if it fails. @public */
export function checkLockstep(o: CheckOptions): CheckOutcome {
  const { st, run, params, arbs } = propertyRun(o);
  return outcome(o, st, fc.check(fc.property(...arbs, run), params));
}

/**
 * {@link checkLockstep} that yields to the event loop before every sequence, so that a
 * SIGINT handler runs; once `stop()` is true the check ends after the current sequence
 * (`stopped: true`, no counterexample). A stop request while a failure is being shrunk
 * waits for the shrinking, so a found counterexample is never lost. Same seed, same runs.
 * @public
 */
export async function checkLockstepAsync(o: CheckOptions & { readonly stop: () => boolean }): Promise<CheckOutcome & { readonly stopped: boolean }> {
  const { st, run, params, arbs } = propertyRun(o);
  const prop = fc.asyncProperty(...arbs, async (cfg, cmds) => {
    if (st.aborted || st.stopped) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    // Once a run failed, fast-check is shrinking it: finish that, so the counterexample is kept.
    if (!st.failed && o.stop()) {
      st.stopped = true;
      throw new Stopped('stop requested');
    }
    run(cfg, cmds);
  });
  const d = await fc.check(prop, params);
  // The stop request ended the check as a "failure" of the run it interrupted: not one.
  if (st.stopped) return { sequences: st.sequences, commands: st.commands, numRuns: d.numRuns, interrupted: true, stopped: true };
  return { ...outcome(o, st, d), stopped: false };
}

type RunState = ReturnType<typeof propertyRun>['st'];

/** The check's outcome from fast-check's details: the shrunk (and minimized) counterexample, if any. */
function outcome(o: CheckOptions, st: RunState, d: fc.RunDetails<[EngineConfig, Cmds]>): CheckOutcome {
  const { sequences, commands, aborted } = st;
  const base = { sequences, commands, numRuns: d.numRuns, interrupted: d.interrupted };
  if (!d.failed || !d.counterexample) return base;
  const path = d.counterexamplePath ?? '';
  if (aborted) {
    const { r, cfg } = aborted;
    const verdict = r.failure!;
    const cx = buildCounterexample(r, verdict, d.seed, path, cfg);
    return { ...base, replay: encodeReplay({ seed: d.seed, path }), counterexample: cx, verdict, adapterError: r.adapterError! };
  }
  const [cfg, cmds] = d.counterexample;
  // Re-run the shrunk sequence (deterministic) to collect its trace, then drop what
  // fast-check's shrinker could not (counterexample/minimize.ts).
  const r0 = runSequence({ ...o, cov: undefined, onAdvisory: undefined }, cfg, cmds);
  const r = minimizeRun({ model: o.model, impl: o.impl, config: cfg, mode: o.mode, run: r0, quiescent: o.quiescent });
  const verdict = r.failure ?? { kind: 'model_bug' as const, step: r.index, msg: `failure did not reproduce: ${String(d.errorInstance)}` };
  return { ...base, replay: encodeReplay({ seed: d.seed, path }), counterexample: buildCounterexample(r, verdict, d.seed, path, r.config), verdict };
}
