/**
 * One-line side conditions, as valid.ml's `require b at s`: each evaluation is
 * reported to the coverage sink; a failed condition yields a {@link Fail} whose
 * message starts with the rule id ("SYNC-3: issue_pending between ...").
 * A failed client rule of severity `advisory` (severity.ts) is not a failure: it goes to
 * the step's advice list and the clause answers "holds", so the call is judged as accepted.
 * @internal
 */
import type { CoverageSink, RuleId } from '../api/index.ts';
import { isAdvisory } from './severity.ts';

/** A broken rule: `undefined` = the client broke it (UB), `violation` = the engine did. */
export interface Fail {
  readonly kind: 'undefined' | 'violation';
  readonly rule: RuleId;
  readonly msg: string;
}

/** A broken advisory client rule: reported, never a failure of the entry. */
export interface Advice {
  readonly rule: RuleId;
  readonly msg: string;
}

/**
 * Evaluation context of the clauses: where coverage goes, and where broken advisory
 * rules are collected (undefined: advice is not wanted, e.g. when asking allowed returns).
 */
export interface Cx {
  readonly cov: CoverageSink | undefined;
  readonly advice?: Advice[] | undefined;
}

/** A client (C) rule: `ok` false means undefined behaviour, or advice for an advisory rule. */
export function client(cx: Cx, ok: boolean, rule: RuleId, msg: string): Fail | undefined {
  cx.cov?.rule(rule);
  if (ok) return undefined;
  if (!isAdvisory(rule)) return { kind: 'undefined', rule, msg: `${rule}: ${msg}` };
  cx.advice?.push({ rule, msg: `${rule}: ${msg}` });
  return undefined;
}

/** An engine (E) rule: `ok` false means the implementation is non-conforming. */
export function engine(cx: Cx, ok: boolean, rule: RuleId, msg: string): Fail | undefined {
  cx.cov?.rule(rule);
  return ok ? undefined : { kind: 'violation', rule, msg: `${rule}: ${msg}` };
}
