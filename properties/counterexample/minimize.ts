/**
 * A last shrinking pass over fast-check's shrunk counterexample, on its concrete steps.
 * fast-check drops only contiguous runs of commands and re-resolves the symbolic ones
 * after a drop, so a step with a partner elsewhere (a prep and its submit, a descriptor
 * and the callback set on another) survives although both could go; and it cannot turn
 * two steps into the one equivalent call. Here every single step, then every pair of
 * steps, is dropped while the run still fails the same way (same verdict kind and rule),
 * and `terminate_async` directly followed by `synchronize` of the same channel becomes
 * one `terminate_sync` (TERM-5: the same thing). The probe prelude is kept. Deterministic,
 * so replaying the seed/path line gives the same counterexample.
 * @public
 */
import type { EngineConfig, Implementation, Model, FailureVerdict } from '../../spec/api/index.ts';
import { Lockstep } from '../lockstep/runner.ts';
import { LockstepFailure, type Mode, type Step } from '../lockstep/step.ts';

/** Two failures are "the same" when this is equal. @internal */
export function failureSignature(v: FailureVerdict): string {
  switch (v.kind) {
    case 'undefined': case 'violation': return `${v.kind}:${v.rule}`;
    case 'impl_error': return `impl_error:${v.what}`;
    case 'model_bug': return 'model_bug';
  }
}

/** @public */
export interface MinimizeInput {
  readonly model: Model<unknown>;
  readonly impl: Implementation;
  readonly config: EngineConfig;
  readonly mode: Mode;
  /** The failing run (prelude included, `preludeLength` set). */
  readonly run: Lockstep;
  /** Replays allowed (each is one short lockstep run). */
  readonly maxAttempts?: number;
  /** Passed to every replay (a trace recorder's `finish`, see RunnerOptions.quiescent). */
  readonly quiescent?: (() => void) | undefined;
}

/** Longest generated part for which every pair is tried (n² / 2 replays). */
const PAIRS_UP_TO = 16;

/** The shortest run found that fails like `o.run` (the input run itself when none is shorter). @public */
export function minimizeRun(o: MinimizeInput): Lockstep {
  const want = o.run.failure ? failureSignature(o.run.failure) : undefined;
  if (want === undefined) return o.run;
  const prelude = o.run.steps.slice(0, o.run.preludeLength);
  let attempts = o.maxAttempts ?? 400;
  let best = o.run;
  let lastIsBest = true;
  const replay = (gen: readonly Step[]): Lockstep => {
    const r = new Lockstep(o.model, o.impl, o.config, { mode: o.mode, quiescent: o.quiescent });
    try {
      for (const s of [...prelude, ...gen]) r.exec(s);
      r.finish();
    } catch (e) {
      if (!(e instanceof LockstepFailure)) throw e;
    }
    r.preludeLength = prelude.length;
    return r;
  };
  const tryGen = (gen: readonly Step[]): boolean => {
    if (attempts <= 0) return false;
    attempts--;
    const r = replay(gen);
    lastIsBest = r.failure !== undefined && failureSignature(r.failure) === want;
    if (lastIsBest) best = r;
    return lastIsBest;
  };
  let gen = o.run.steps.slice(o.run.preludeLength);
  // The replay must reproduce the failure before any step is dropped.
  if (!tryGen(gen)) return o.run;
  for (let changed = true; changed && attempts > 0;) {
    changed = false;
    for (const cand of candidates(gen)) {
      if (tryGen(cand)) { gen = cand; changed = true; break; }
    }
  }
  // The counterexample's run is the last one the implementation saw (certify --record keeps it).
  return lastIsBest ? best : replay(best.steps.slice(prelude.length));
}

/** Shorter variants of `gen`, simplest first: merged terminates, single drops (from the end), pair drops. */
function* candidates(gen: readonly Step[]): Generator<Step[]> {
  for (let i = 0; i + 1 < gen.length; i++) {
    const a = gen[i]!;
    const b = gen[i + 1]!;
    if (a.k === 'call' && a.call.op === 'terminate_async' && a.misuse === undefined
      && b.k === 'call' && b.call.op === 'synchronize' && b.call.chan === a.call.chan) {
      yield [...gen.slice(0, i), { k: 'call', call: { op: 'terminate_sync', chan: a.call.chan }, ctx: 'process' }, ...gen.slice(i + 2)];
    }
  }
  for (let i = gen.length - 1; i >= 0; i--) yield gen.filter((_, k) => k !== i);
  if (gen.length > PAIRS_UP_TO) return;
  for (let i = 0; i < gen.length; i++) {
    for (let j = i + 1; j < gen.length; j++) yield gen.filter((_, k) => k !== i && k !== j);
  }
}
