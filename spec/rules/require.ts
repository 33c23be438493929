/**
 * One-line side conditions, as valid.ml's `require b at s`: each evaluation is
 * reported to the coverage sink; a failed condition yields a {@link Fail} whose
 * message starts with the rule id ("SYNC-3: issue_pending between ...").
 * @internal
 */
import type { CoverageSink, RuleId } from '../api/index.ts';

/** A broken rule: `undefined` = the client broke it (UB), `violation` = the engine did. */
export interface Fail {
  readonly kind: 'undefined' | 'violation';
  readonly rule: RuleId;
  readonly msg: string;
}

/** Evaluation context of the clauses: where coverage goes. */
export interface Cx { readonly cov: CoverageSink | undefined }

/** A client (C) rule: `ok` false means undefined behaviour. */
export function client(cx: Cx, ok: boolean, rule: RuleId, msg: string): Fail | undefined {
  cx.cov?.rule(rule);
  return ok ? undefined : { kind: 'undefined', rule, msg: `${rule}: ${msg}` };
}

/** An engine (E) rule: `ok` false means the implementation is non-conforming. */
export function engine(cx: Cx, ok: boolean, rule: RuleId, msg: string): Fail | undefined {
  cx.cov?.rule(rule);
  return ok ? undefined : { kind: 'violation', rule, msg: `${rule}: ${msg}` };
}
