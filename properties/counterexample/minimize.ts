/**
 * The last shrinking pass over a failing run, on its concrete steps, the probe (set-up)
 * included. fast-check drops only contiguous runs of generated commands and never
 * touches the probe, so a shrunk counterexample still requests every channel and maps
 * every buffer. Here, while the run fails the same way (same verdict kind and rule):
 * slaves no step names leave the configuration; whole channels, buffers and descriptors
 * go with every step that names them (objects.ts); single steps, set-up included, then
 * pairs of generated steps are dropped; a cyclic, vector or interleaved prep becomes a
 * one-shot `prep_slave_sg` and transfers get shorter; `terminate_async` directly followed by
 * `synchronize` of the same channel becomes one `terminate_sync` (TERM-5: the same
 * thing); callback actions become simpler; configuration fields move to the plain value.
 * Deterministic, so replaying the seed/path line gives the same counterexample.
 * @public
 */
import type { EngineConfig, Implementation, Model, FailureVerdict } from '../../spec/api/index.ts';
import { boundedRun } from '../lockstep/bounded-run.ts';
import { Lockstep } from '../lockstep/runner.ts';
import { LockstepFailure, type Mode, type Step } from '../lockstep/step.ts';
import { CONFIG_EDITS } from './config-edits.ts';
import { dropClosure, dropSlave, namedObjects, simplerActions, simplerCalls } from './objects.ts';
import { printedEntryCount } from './text.ts';

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
  /** Stop early (a deadline, an interrupted campaign): the best run so far is returned. */
  readonly out?: () => boolean;
}

/** Longest generated part for which every pair is tried (n² / 2 replays). */
const PAIRS_UP_TO = 16;

/** A candidate: the configuration and the steps, each marked set-up (probe) or generated. */
interface Cand {
  readonly config: EngineConfig;
  readonly steps: readonly Step[];
  /** How many of `steps` are set-up; they always come first. */
  readonly setup: number;
}

/**
 * The shortest run found that fails like `o.run` (the input run itself when none is
 * shorter); its `config` may be simpler than `o.config` and its `preludeLength` counts
 * the set-up steps kept. @public
 */
export function minimizeRun(o: MinimizeInput): Lockstep {
  const want = o.run.failure ? failureSignature(o.run.failure) : undefined;
  if (want === undefined) return o.run;
  let attempts = o.maxAttempts ?? 800;
  const out = () => attempts <= 0 || (o.out?.() ?? false);
  let best = o.run;
  let lastIsBest = true;
  const replay = (c: Cand): Lockstep => {
    const r = boundedRun(o.impl, () => new Lockstep(o.model, o.impl, c.config, { mode: o.mode, quiescent: o.quiescent }), (l) => {
      try {
        for (const s of c.steps) l.exec(s);
        l.finish();
      } catch (e) {
        if (!(e instanceof LockstepFailure)) throw e;
      }
    });
    r.preludeLength = Math.min(c.setup, r.steps.length);
    return r;
  };
  // A candidate with as many steps must not print more (a 1-byte cyclic period is simpler
  // to state but makes the quiescing print thousands of periods).
  let curSteps = Infinity;
  let curEntries = Infinity;
  const tryCand = (c: Cand): boolean => {
    if (out()) return false;
    attempts--;
    const r = replay(c);
    const entries = r.failure ? printedEntryCount(r.trace, r.failure.step) : Infinity;
    lastIsBest = r.failure !== undefined && failureSignature(r.failure) === want && (c.steps.length < curSteps || entries <= curEntries);
    if (lastIsBest) { best = r; curSteps = c.steps.length; curEntries = entries; }
    return lastIsBest;
  };
  let cur: Cand = { config: o.config, steps: o.run.steps, setup: o.run.preludeLength };
  // The replay must reproduce the failure before anything is dropped.
  if (!tryCand(cur)) return o.run;
  for (let changed = true; changed && !out();) {
    changed = false;
    for (const cand of candidates(cur, o.impl.profile.slaveSg)) {
      if (tryCand(cand)) { cur = cand; changed = true; break; }
      if (out()) break;
    }
  }
  // The counterexample's run is the last one the implementation saw (certify --record keeps it).
  return lastIsBest ? best : replay(cur);
}

/** `c` without the steps at `gone`. */
function without(c: Cand, gone: ReadonlySet<number>): Cand {
  let setup = c.setup;
  for (const i of gone) if (i < c.setup) setup--;
  return { ...c, steps: c.steps.filter((_, i) => !gone.has(i)), setup };
}

/** Shorter or simpler variants of `c`, biggest cuts first. */
function* candidates(c: Cand, slaveSg: boolean): Generator<Cand> {
  const { steps } = c;
  for (let k = c.config.slaves.length - 1; k >= 0; k--) {
    const d = dropSlave(c.config, steps, k);
    if (d) yield { ...c, ...d };
  }
  const objs = namedObjects(steps, c.config);
  const drops = [...objs.chans.map((ch) => ({ chans: [ch] })), ...objs.bufs.map((b) => ({ bufs: [b] })), ...objs.descs.map((d) => ({ descs: [d] }))];
  for (const drop of drops.reverse()) {
    const gone = dropClosure(steps, c.config, drop);
    if (gone.size > 1 && gone.size < steps.length) yield without(c, gone);
  }
  for (let i = 0; i + 1 < steps.length; i++) {
    const a = steps[i]!;
    const b = steps[i + 1]!;
    if (a.k === 'call' && a.call.op === 'terminate_async' && a.misuse === undefined
      && b.k === 'call' && b.call.op === 'synchronize' && b.call.chan === a.call.chan) {
      const merged: Step = { k: 'call', call: { op: 'terminate_sync', chan: a.call.chan }, ctx: 'process' };
      yield { ...without(c, new Set([i + 1])), steps: [...steps.slice(0, i), merged, ...steps.slice(i + 2)] };
    }
  }
  for (let i = steps.length - 1; i >= 0; i--) yield without(c, new Set([i]));
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.k !== 'call' || s.call.op !== 'set_callback') continue;
    for (const action of simplerActions(s.call.action)) {
      yield { ...c, steps: steps.map((x, j) => (j === i ? { ...s, call: { ...s.call, action } } : x)) };
    }
  }
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.k !== 'call' || s.misuse !== undefined) continue;
    for (const call of simplerCalls(s.call)) {
      // A drawn configuration may have device_prep_slave_sg off: the one-shot form needs it on (where the engine has it).
      const config = call.op === 'prep_slave_sg' && !c.config.caps.slaveSg && slaveSg ? { ...c.config, caps: { ...c.config.caps, slaveSg: true } } : c.config;
      yield { ...c, config, steps: steps.map((x, j) => (j === i ? { ...s, call } : x)) };
    }
  }
  for (const edit of CONFIG_EDITS) {
    const config = edit(c.config);
    if (JSON.stringify(config) !== JSON.stringify(c.config)) yield { ...c, config };
  }
  const gen = steps.length - c.setup;
  if (gen > PAIRS_UP_TO) return;
  for (let i = c.setup; i < steps.length; i++) {
    for (let j = i + 1; j < steps.length; j++) yield without(c, new Set([i, j]));
  }
}
