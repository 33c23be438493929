/**
 * Shrinking a failing fuzz sequence to a short one that fails the same way (same verdict
 * kind and rule). Delta debugging (Zeller's ddmin, chunks halving down to single
 * commands) first over the symbolic commands — removing one re-resolves the rest against
 * the new state, so later commands stay legal — then over the concrete steps (and every
 * pair of steps, for short sequences), then each `advance` is cut to the fewest units
 * that still fail, then the configuration is simplified; last the whole run, probe
 * included, goes through properties' concrete pass (counterexample/minimize.ts: unused
 * channels, buffers and descriptors with every step naming them, set-up steps, callback
 * actions, slaves of the configuration).
 * Bounded by a deadline and the campaign's stop flag: it returns the best so far.
 * @public
 */
import { runSequence as runSymbolic } from '../properties/check.ts';
import type { DmaCommand } from '../properties/commands/index.ts';
import type { Lockstep } from '../properties/lockstep/runner.ts';
import { CONFIG_EDITS } from '../properties/counterexample/config-edits.ts';
import { minimizeRun } from '../properties/counterexample/minimize.ts';
import { preludeSteps } from '../properties/lockstep/prelude.ts';
import { replaySteps } from '../properties/lockstep/replay.ts';
import type { Mode, Step } from '../properties/lockstep/step.ts';
import type { EngineConfig, Implementation, Model, FailureVerdict } from '../spec/api/index.ts';

/** Two failures are "the same" when this is equal. @public */
export function signature(v: FailureVerdict): string {
  switch (v.kind) {
    case 'undefined': case 'violation': return `${v.kind}:${v.rule}`;
    case 'impl_error': return `impl_error:${v.what}`;
    case 'model_bug': return 'model_bug';
  }
}

/** The corpus bucket of a signature: `violation:CB-1` → `CB-1`, `impl_error:throw` → `impl_error`. @public */
export function ruleOfSignature(sig: string): string {
  const [kind, rest] = sig.split(':') as [string, string | undefined];
  return kind === 'violation' || kind === 'undefined' ? (rest ?? kind) : kind;
}

/** @public */
export interface ShrinkInput {
  readonly model: Model<unknown>;
  readonly impl: Implementation;
  readonly config: EngineConfig;
  readonly mode: Mode;
  /** The failing symbolic commands, up to the one during which it failed. */
  readonly cmds: readonly DmaCommand[];
  readonly verdict: FailureVerdict;
  /** Date.now() after which shrinking stops. */
  readonly deadline: number;
  readonly stop: () => boolean;
}

/** @public */
export interface ShrinkOutput {
  /** Replay of the shrunk steps (prelude included; `preludeLength` set). */
  readonly runner: Lockstep;
  /** The configuration, simplified where the failure does not depend on it. */
  readonly config: EngineConfig;
  readonly attempts: number;
}

/** ddmin over a list: the shortest sublist found for which `fails` holds. @internal */
export function ddmin<T>(xs: readonly T[], fails: (ys: readonly T[]) => boolean, out: () => boolean): T[] {
  let cur = [...xs];
  let size = Math.max(1, cur.length >> 1);
  while (!out()) {
    let changed = false;
    for (let i = cur.length - size; i >= 0 && !out(); i -= size) {
      const cand = cur.slice(0, i).concat(cur.slice(i + size));
      if (fails(cand)) { cur = cand; changed = true; }
    }
    if (!changed) {
      if (size === 1) break;
      size = Math.max(1, size >> 1);
    }
    size = Math.min(size, Math.max(1, cur.length));
  }
  return cur;
}

/** Shrink; the result still fails with `signature(input.verdict)` (else the input's own replay is returned). @public */
export function shrink(o: ShrinkInput): ShrinkOutput {
  const want = signature(o.verdict);
  let attempts = 0;
  const out = () => o.stop() || Date.now() > o.deadline;
  const same = (r: Lockstep) => { attempts++; return r.failure !== undefined && signature(r.failure) === want; };
  const symbolic = ddmin(o.cmds, (cs) => same(runSymbolic({ model: o.model, impl: o.impl, mode: o.mode }, o.config, cs)), out);
  const first = runSymbolic({ model: o.model, impl: o.impl, mode: o.mode }, o.config, symbolic);
  const prelude = preludeSteps(o.config);
  const replay = (gen: readonly Step[]) => replaySteps(o.model, o.impl, o.config, o.mode, [...prelude, ...gen]);
  let gen: Step[] = first.steps.slice(first.preludeLength);
  if (same(replay(gen))) {
    gen = ddmin(gen, (g) => same(replay(g)), out);
    gen = dropPairs(gen, (g) => same(replay(g)), out);
    gen = shrinkAdvances(gen, (g) => same(replay(g)), out);
  } else {
    gen = first.steps.slice(first.preludeLength);
  }
  const config = simplifyConfig(o.config, (c) => same(replaySteps(o.model, o.impl, c, o.mode, [...prelude, ...gen])), out);
  const run = replaySteps(o.model, o.impl, config, o.mode, [...prelude, ...gen]);
  run.preludeLength = prelude.length;
  const runner = minimizeRun({ model: o.model, impl: o.impl, config, mode: o.mode, run, out });
  return { runner, config: runner.config, attempts };
}

/**
 * Move the configuration towards the plain one, one field at a time, where the failure
 * does not depend on it (a CB-1 failure needs no cookie counter near INT_MAX). Fields the
 * probe depends on (slaves, widths, bursts) stay. @internal
 */
function simplifyConfig(cfg: EngineConfig, fails: (c: EngineConfig) => boolean, out: () => boolean): EngineConfig {
  let cur = cfg;
  for (const edit of CONFIG_EDITS) {
    if (out()) break;
    const cand = edit(cur);
    if (JSON.stringify(cand) !== JSON.stringify(cur) && fails(cand)) cur = cand;
  }
  return cur;
}

/**
 * ddmin removes aligned chunks; a step and the one that depends on it (a prep and its
 * submit) can sit anywhere. For short sequences try every pair. @internal
 */
function dropPairs(gen: Step[], fails: (g: readonly Step[]) => boolean, out: () => boolean): Step[] {
  let cur = gen;
  if (cur.length > 16) return cur;
  for (let i = 0; i < cur.length && !out(); i++) {
    for (let j = i + 1; j < cur.length && !out(); j++) {
      const cand = cur.filter((_, k) => k !== i && k !== j);
      if (fails(cand)) { cur = cand; i = -1; break; }
    }
  }
  return cur;
}

/** Merge adjacent advances, then cut each to the fewest units that still fail. @internal */
function shrinkAdvances(gen: Step[], fails: (g: readonly Step[]) => boolean, out: () => boolean): Step[] {
  let cur = gen;
  for (let i = 0; i + 1 < cur.length && !out(); i++) {
    const a = cur[i]!;
    const b = cur[i + 1]!;
    if (a.k === 'env' && a.step.op === 'advance' && b.k === 'env' && b.step.op === 'advance') {
      const merged: Step = { k: 'env', step: { op: 'advance', units: a.step.units + b.step.units } };
      const cand = [...cur.slice(0, i), merged, ...cur.slice(i + 2)];
      if (fails(cand)) { cur = cand; i--; }
    }
  }
  for (let i = 0; i < cur.length && !out(); i++) {
    const s = cur[i]!;
    if (s.k !== 'env' || s.step.op !== 'advance' || s.step.units <= 1) continue;
    const u = s.step.units;
    for (const v of [1, Math.ceil(u / 8), Math.ceil(u / 4), Math.ceil(u / 2)]) {
      if (v >= u) continue;
      const cand = [...cur.slice(0, i), { k: 'env' as const, step: { op: 'advance' as const, units: v } }, ...cur.slice(i + 1)];
      if (fails(cand)) { cur = cand; break; }
    }
  }
  return cur;
}
