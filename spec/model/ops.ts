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

export interface OpHandler<C extends ClientCall> {
  judge(cx: Cx, s: ModelState, c: C, ctx: Ctx): Judged;
  enter?(s: ModelState, c: C, ctx: Ctx, fr: CallFrame): { readonly s: ModelState; readonly fr: CallFrame };
  /** Op-specific return checks that take precedence over the generic match. */
  pre?(cx: Cx, s: ModelState, c: C, r: Ret): Fail | undefined;
  leave(cx: Cx, s: ModelState, c: C, ctx: Ctx, r: Ret, fr: CallFrame): Out;
}

/** A handler bound to its call, so the dispatcher need not know the op's type. */
export interface Bound {
  judge(cx: Cx, s: ModelState, ctx: Ctx): Judged;
  enter(s: ModelState, ctx: Ctx, fr: CallFrame): { readonly s: ModelState; readonly fr: CallFrame };
  pre(cx: Cx, s: ModelState, r: Ret): Fail | undefined;
  leave(cx: Cx, s: ModelState, ctx: Ctx, r: Ret, fr: CallFrame): Out;
}

export function bind<C extends ClientCall>(h: OpHandler<C>, c: C): Bound {
  return {
    judge: (cx, s, ctx) => h.judge(cx, s, c, ctx),
    enter: (s, ctx, fr) => (h.enter === undefined ? { s, fr } : h.enter(s, c, ctx, fr)),
    pre: (cx, s, r) => h.pre?.(cx, s, c, r),
    leave: (cx, s, ctx, r, fr) => h.leave(cx, s, c, ctx, r, fr),
  };
}

/** The first failure of a list of lazily evaluated clauses. */
export function first(...fs: (() => Fail | undefined)[]): Fail | undefined {
  for (const f of fs) {
    const r = f();
    if (r !== undefined) return r;
  }
  return undefined;
}
