/**
 * One top-level step of a generated sequence, with concrete arguments: the "harness
 * encoding" stored in counterexample files and replayed by `dmacheck replay`.
 * @public
 */
import type { ClientCall, Ctx, EnvStep, FailureVerdict, RuleId, Verdict } from '../../spec/api/index.ts';
import { ruleMessage } from '../../spec/api/message.ts';

export type Step =
  | { readonly k: 'call'; readonly call: ClientCall; readonly ctx: Ctx; readonly misuse?: Misuse }
  | { readonly k: 'env'; readonly step: EnvStep };

/**
 * Client misuse a step commits on purpose (misuse mode): the rules the model may name in
 * its Undefined verdict, and whether the call itself is the misuse (verdict at once).
 */
export interface Misuse {
  readonly rules: readonly RuleId[];
  readonly immediate: boolean;
}

/**
 * `legal`: only client-legal sequences; any verdict fails the run.
 * `misuse`: the client may break C rules; `undefined` verdicts are expected (and must name
 * one of the rules the misuse commands that ran said they break), other verdicts fail.
 */
export type Mode = 'legal' | 'misuse';

/** Thrown by the runner after a step whose trace the model rejected. @public */
export class LockstepFailure extends Error {
  override readonly name = 'LockstepFailure';
  constructor(readonly verdict: FailureVerdict) {
    super(verdictLine(verdict));
  }
}

/** One short line for a verdict, e.g. `violation CB-1 at entry 12: callback in hardirq`. @public */
export function verdictLine(v: Verdict): string {
  switch (v.kind) {
    case 'undefined':
    case 'violation':
    case 'advisory':
      return `${v.kind} ${v.rule} at entry ${v.step}: ${ruleMessage(v.rule, v.msg)}`;
    case 'model_bug':
      return `model_bug at entry ${v.step}: ${v.msg}`;
    case 'impl_error':
      return `impl_error ${v.what} at entry ${v.step}: ${v.msg}`;
  }
}

/** The rule a verdict names, if any. @public */
export function verdictRule(v: Verdict): RuleId | null {
  return v.kind === 'undefined' || v.kind === 'violation' || v.kind === 'advisory' ? v.rule : null;
}
