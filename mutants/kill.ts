/**
 * Kills one mutant the way `dmacheck certify` would: the same phase plan (mixed
 * generation, one phase weighted towards each rule group, then client misuse), the same
 * per-phase seeds, stopping at the first counterexample that names one of the mutant's
 * declared rules. A mutant counts as killed only then.
 * @public
 */
import type { Implementation, Model, RuleId } from '../spec/api/index.ts';
import type { MutantSpec } from '../impl/mutants/index.ts';
import { CERTIFY_MAX_COMMANDS, phaseRuns, phases } from '../properties/certify/certify.ts';
import { checkLockstep } from '../properties/check.ts';
import type { Counterexample } from '../reports/result.ts';
import { detecting } from './timing.ts';

/** Per-mutant budget and seed. @public */
export interface KillBudget {
  readonly seed: number;
  /** Sequences across all phases (as `certify --runs`). */
  readonly runs: number;
  /** Wall-clock cap per mutant (ms), split over the phases as certify does. */
  readonly timeMs: number;
}

/** One harness's result against one mutant. @public */
export interface KillResult {
  readonly killed: boolean;
  /** The rule of the killing counterexample, else of the first one found (null: none or no rule). */
  readonly rule: RuleId | null;
  readonly kind: Counterexample['kind'] | null;
  /** Detection time of the first run failing with a declared rule (ms since the mutant's start). */
  readonly timeToFailureMs: number | null;
  /** Total time spent on the mutant, shrinking included. */
  readonly totalMs: number;
  /** Generated steps in the shrunk counterexample (after the probe prelude). */
  readonly shrunkLength: number | null;
  readonly sequences: number;
  /** The killing counterexample's shrunk steps, as text lines. */
  readonly counterexample?: string;
}

/** Run certification against `impl` (the mutant of `spec`) until a declared rule is named or the budget ends. @public */
export function killWithCertify(spec: MutantSpec, impl: Implementation, model: Model<unknown>, b: KillBudget): KillResult {
  const start = Date.now();
  const det = detecting(model, spec.rules, start);
  let first: Counterexample | undefined;
  let sequences = 0;
  const byRuns = phaseRuns(b.runs);
  for (const [i, p] of phases().entries()) {
    const left = b.timeMs - (Date.now() - start);
    if (left <= 0) break;
    if (byRuns[i] === 0) continue;
    const out = checkLockstep({
      model: det.model, impl, mode: p.mode, focus: p.focus, maxCommands: CERTIFY_MAX_COMMANDS,
      numRuns: byRuns[i]!, seed: (b.seed + i * 7919) | 0,
      timeMs: Math.max(1, Math.min(left, b.timeMs * p.share)),
    });
    sequences += out.sequences;
    const cx = out.counterexample;
    if (cx === undefined) continue;
    first ??= cx;
    if (cx.rule !== null && spec.rules.includes(cx.rule)) return result(true, cx, det.firstMs(), start, sequences);
  }
  return result(false, first, undefined, start, sequences);
}

/** @internal */
export function result(killed: boolean, cx: Counterexample | undefined, firstMs: number | undefined, start: number, sequences: number): KillResult {
  return {
    killed,
    rule: cx?.rule ?? null,
    kind: cx?.kind ?? null,
    timeToFailureMs: killed ? (firstMs ?? Date.now() - start) : null,
    totalMs: Date.now() - start,
    shrunkLength: cx?.length ?? null,
    sequences,
    ...(cx !== undefined ? { counterexample: cx.text } : {}),
  };
}
