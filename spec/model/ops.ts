/**
 * The shape of one client-call handler: `judge` (client rules and the allowed return
 * set, before the engine acts), `enter` (state the engine's events are checked
 * against), `leave` (checks and effects once the return value is known).
 * @internal
 */
import type { ChanId, ClientCall, Ctx, Ret } from '../api/index.ts';
import type { Cx, Fail } from '../rules/require.ts';
import type { RetSpec } from '../rules/ret-spec.ts';
import type { CallFrame, ModelState } from './state.ts';

/** Outcome of one handler: the next state, and at most one broken rule (or a model bug). */
export interface Out {
  readonly s: ModelState;
  readonly fail?: Fail | undefined;
  /** Channel a client-UB verdict poisons. */
  readonly chan?: ChanId | undefined;
  readonly bug?: string | undefined;
}

/** What `judge` decided about a call before the engine ran it. */
export interface Judged {
  readonly chan: ChanId | undefined;
  /** Client UB detected at call time (the engine is no longer held to anything on `chan`). */
  readonly ub?: Fail | undefined;
  /** Client UB whose return value the kernel still defines: reported at ret, after checking it. */
  readonly deferred?: Fail | undefined;
  readonly spec?: RetSpec | undefined;
}

/** A client-call handler (see the file comment). @internal */
export interface OpHandler<C extends ClientCall> {
  judge(cx: Cx, s: ModelState, c: C, ctx: Ctx): Judged;
  enter?(s: ModelState, c: C, ctx: Ctx, fr: CallFrame): { readonly s: ModelState; readonly fr: CallFrame };
  /** Op-specific return checks that take precedence over the generic match. */
  pre?(cx: Cx, s: ModelState, c: C, r: Ret): Fail | undefined;
  leave(cx: Cx, s: ModelState, c: C, ctx: Ctx, r: Ret, fr: CallFrame): Out;
}
