/**
 * Ask the model for the allowed outcome of a call before making it: whether it is
 * client UB (and which rule), and the allowed return set. The acceptor checks `ret`
 * entries against exactly this set, so the two agree by construction.
 * @public
 */
import type { ClientCall, Ctx } from '../api/index.ts';
import type { Allowed } from '../rules/ret-spec.ts';
import { handlerOf } from './calls.ts';
import type { ModelState } from './state.ts';

/** The allowed outcome of `call` from `ctx` in state `s`: its client-UB rule, if any, and the return set. @public */
export function allowedRets(s: ModelState, call: ClientCall, ctx: Ctx): Allowed {
  const j = handlerOf(call).judge({ cov: undefined }, s, call, ctx);
  if (j.chan !== undefined && s.chans[j.chan]?.poisoned === true) return { ub: undefined, spec: undefined };
  const ub = j.ub ?? j.deferred;
  return { ub: ub === undefined ? undefined : { rule: ub.rule, msg: ub.msg }, spec: j.spec };
}
