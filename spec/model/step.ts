/**
 * The acceptor: one arm per trace-entry kind. Calls are judged at `call` (client
 * rules, allowed returns), the engine's events are checked as they arrive, and the
 * return value at `ret`. A client-UB verdict poisons its channel; the other channels
 * stay checked.
 *
 * Conventions: `s` state, `e` trace entry, `cx` coverage context, `fr` frame,
 * `ch` channel, `r` return value, `j` the judgement of a call.
 * Raises Undefined(*), Violation(*), ModelBug (malformed nesting).
 * @internal
 */
import type { AdvisoryVerdict, ClientCall, CoverageSink, Ctx, FailureVerdict, Ret, StepResult, TraceEntry } from '../api/index.ts';
import { iss4_emptyIssueNoop } from '../rules/issue.ts';
import { data8_bytes } from '../rules/data.ts';
import type { Advice, Cx, Fail } from '../rules/require.ts';
import { permissionRule } from '../rules/context.ts';
import { matchAlt, type RetSpec } from '../rules/ret-spec.ts';
import { prov8_lockBalanced } from '../rules/provider.ts';
import { sync1_noopWithoutOp } from '../rules/sync.ts';
import { onCb, onCbRet } from './callbacks.ts';
import { handlerOf } from './calls.ts';
import { onEnv, onEnvEnd } from './env.ts';
import { onEvent } from './events.ts';
import type { Out } from './ops.ts';
import { abstractKey, entryOp } from './keys.ts';
import type { CallFrame, Chan, ModelState } from './state.ts';
import { checkStatus } from './status.ts';
import { bufOf, pop, push, runningCb, setBuf, setChan, top } from './store.ts';
import { withBuf, withCall, withChan, withState } from './records.ts';

/** Client UB on channel `chan`: accept anything on it from now on; its buffers' contents become unknown. */
function poison(s: ModelState, chan: number): ModelState {
  const ch = s.chans[chan];
  if (ch === undefined || ch.poisoned) return s;
  let ns = setChan(s, withChan(ch, { poisoned: true }));
  for (const d of ch.descs) for (const g of d.segs) ns = taint(ns, g.buf);
  return ns;
}

function taint(s: ModelState, buf: number): ModelState {
  const b = bufOf(s, buf);
  return b === undefined || b.tainted ? s : setBuf(s, withBuf(b, { tainted: true }));
}

/** Buffers a prep on a poisoned channel names (DEV_TO_MEM there may write anything). */
function taintCall(s: ModelState, c: ClientCall): ModelState {
  switch (c.op) {
    case 'prep_slave_sg': return c.sgl.reduce((a, g) => taint(a, g.buf), s);
    case 'prep_dma_vec': return c.vecs.reduce((a, g) => taint(a, g.buf), s);
    case 'prep_cyclic': return taint(s, c.buf);
    case 'prep_interleaved': return taint(s, c.xt.buf);
    default: return s;
  }
}

/** A descriptor prepared on a poisoned channel: remembered only to route later calls to that channel. */
function ghost(s: ModelState, fr: CallFrame): ModelState {
  const c = fr.call;
  // Any answer (even NULL): anything goes there, so the id belongs to that channel from now on.
  if (fr.chan === undefined || (c.op !== 'prep_slave_sg' && c.op !== 'prep_dma_vec' && c.op !== 'prep_cyclic' && c.op !== 'prep_interleaved')) return s;
  return withState(s, { dead: { id: c.desc, chan: fr.chan, why: 'poisoned', syncCount: 0, next: s.dead } });
}

/** Every rule a return check evaluates: its own, the per-kind ones, the ones that chose the set. */
function coverSpec(cov: CoverageSink, spec: RetSpec): void {
  cov.rule(spec.rule);
  const bk = spec.byKind;
  if (bk !== undefined) for (const k in bk) { const x = bk[k as Ret['t']]; if (x !== undefined) cov.rule(x.rule); }
  if (spec.covers !== undefined) for (const id of spec.covers) cov.rule(id);
}

/** The generic return check: some alternative of the spec matches. `fr` names the call and its context. */
function checkRet(cx: Cx, fr: CallFrame, ch: Chan | undefined, r: Ret): Fail | undefined {
  const spec = fr.spec;
  if (spec === undefined) return undefined;
  const perm = permissionRule(fr.call.op, fr.ctx);
  if (cx.cov !== undefined) {
    coverSpec(cx.cov, spec);
    if (perm !== undefined) cx.cov.rule(perm);
  }
  if (r.t === 'status' && ch !== undefined) {
    const st = spec.alts.find((a) => a.t === 'status');
    if (st !== undefined && st.t === 'status') return checkStatus(cx, st, ch, r.st);
  }
  if (spec.alts.some((a) => matchAlt(a, r))) return undefined;
  // DESC-2 / STAT-7 / CB-3: refusing a call only because of its context breaks the permission,
  // unless the spec names its own rule for a NULL (DESC-17: the refusal is a leak whatever the context).
  const ownNull = r.t === 'null' ? spec.byKind?.null : undefined;
  const k = ownNull !== undefined ? ownNull : perm !== undefined && (r.t === 'null' || r.t === 'err')
    ? { rule: perm, msg: `${fr.call.op} refused from ${fr.ctx} context` }
    : spec.byKind?.[r.t] ?? { rule: spec.rule, msg: spec.msg };
  return { kind: 'violation', rule: k.rule, msg: `${k.rule}: ${k.msg}` };
}

/** Judging a call again at its return (the answer from after a nested step): no coverage twice. */
const REJUDGE: Cx = { cov: undefined };

/**
 * The return check of a call inside which env steps ran (1.1 nesting): the answer may
 * come from before them (the spec judged at call time, on the channel as it was then) or
 * after them (judged again now), e.g. tx_status of a cookie its interrupt completed.
 */
function eitherSide(cx: Cx, s: ModelState, fr: CallFrame, ch: Chan | undefined, r: Ret): Fail | undefined {
  if (fr.before === undefined) return checkRet(cx, fr, ch, r);
  const f = checkRet(cx, fr, fr.before, r);
  if (f === undefined) return undefined;
  const after = handlerOf(fr.call).judge(REJUDGE, s, fr.call, fr.ctx).spec;
  return after === undefined || checkRet(cx, withCall(fr, { spec: after }), ch, r) !== undefined ? f : undefined;
}

function onCall(cx: Cx, s: ModelState, c: ClientCall, ctx: Ctx): Out {
  if (ctx === 'callback' && runningCb(s) === undefined) return { s, bug: 'call with ctx callback outside a callback' };
  const h = handlerOf(c);
  // Advice is kept only for a call the model still judges (not on a poisoned channel).
  const advice: Advice[] = [];
  const j = h.judge({ cov: cx.cov, advice }, s, c, ctx);
  const fr: CallFrame = {
    k: 'call', call: c, ctx, chan: j.chan, loose: false, spec: j.spec, deferred: j.deferred, evs: 0,
    mustStart: false, taskletWasPending: false, descFreed: false, emptyIssue: false, nestedEvs: 0, before: undefined,
  };
  if (j.chan !== undefined && s.chans[j.chan]?.poisoned === true) return { s: push(taintCall(s, c), withCall(fr, { loose: true })) };
  cx.advice?.push(...advice);
  if (j.ub !== undefined) return { s: push(s, withCall(fr, { loose: true })), fail: j.ub, chan: j.chan };
  const en = h.enter === undefined ? { s, fr } : h.enter(s, c, ctx, fr);
  return { s: push(en.s, en.fr), chan: j.chan };
}

/** Checks every call owes at its return, beyond its own handler. */
function callEndChecks(cx: Cx, s: ModelState, fr: CallFrame): Fail | undefined {
  // PROV-8: a lock leaked by this call was reported by its `lock_splat` before this ret; reaching it clean passes.
  if (s.obs.locks && fr.chan !== undefined) prov8_lockBalanced(cx, true, undefined);
  switch (fr.call.op) {
    case 'issue_pending': return fr.emptyIssue ? iss4_emptyIssueNoop(cx, fr.evs === 0) : undefined;
    case 'synchronize': return s.cfg.caps.synchronize ? undefined : sync1_noopWithoutOp(cx, fr.evs === 0);
    case 'periph_teardown': return s.obs.fifo ? data8_bytes(cx, (s.chans[fr.call.chan]?.fifo.length ?? 0) === 0, 'teardown left data in the peripheral FIFO') : undefined;
    default: return undefined;
  }
}

function onRet(cx: Cx, s: ModelState, r: Ret): Out {
  const fr = top(s);
  if (fr === undefined || fr.k !== 'call') return { s, bug: 'ret without a call' };
  const ns = pop(s);
  if (fr.loose || (fr.chan !== undefined && ns.chans[fr.chan]?.poisoned === true)) return { s: ghost(ns, fr) };
  const h = handlerOf(fr.call);
  const ch = fr.chan === undefined ? undefined : ns.chans[fr.chan];
  const f1 = h.pre?.(cx, ns, fr.call, r) ?? eitherSide(cx, ns, fr, ch, r) ?? callEndChecks(cx, ns, fr);
  const o = h.leave(cx, ns, fr.call, fr.ctx, r, fr);
  const fail = f1 ?? o.fail ?? fr.deferred;
  return { s: o.s, fail, chan: fr.chan };
}

type EntryHandler<E extends TraceEntry> = (cx: Cx, s: ModelState, e: E) => Out;

/**
 * One arm per trace-entry kind. A mapped table rather than a ts-pattern match: it is
 * exhaustive the same way (a missing kind does not compile) and this dispatch runs
 * on every entry (a per-call `match` cost a quarter of the model's time in bench/model.ts).
 */
const ON_ENTRY: { readonly [K in TraceEntry['k']]: EntryHandler<Extract<TraceEntry, { k: K }>> } = {
  call: (cx, s, e) => onCall(cx, s, e.call, e.ctx),
  ret: (cx, s, e) => onRet(cx, s, e.ret),
  env: (cx, s, e) => onEnv(cx, s, e.step),
  env_end: (cx, s) => onEnvEnd(cx, s),
  ev: (cx, s, e) => onEvent(cx, s, e.ev),
  cb: (cx, s, e) => onCb(cx, s, e.cb),
  cb_ret: (_cx, s) => onCbRet(s),
};

/** The raw outcome of one entry (before poisoning and verdict formatting). */
export function dispatch(cx: Cx, s: ModelState, e: TraceEntry): Out {
  // Engine events are three entries in five: a direct call the compiler can inline.
  if (e.k === 'ev') return onEvent(cx, s, e.ev);
  return (ON_ENTRY[e.k] as EntryHandler<TraceEntry>)(cx, s, e);
}

/** An advisory breach as a verdict of kind `advisory` at entry `index` on `chan`. */
function advisoryVerdict(f: Advice, index: number, chan: number | undefined): AdvisoryVerdict {
  return chan === undefined
    ? { kind: 'advisory', rule: f.rule, step: index, msg: f.msg }
    : { kind: 'advisory', rule: f.rule, step: index, msg: f.msg, chan };
}

/**
 * Turn a handler outcome into a step result: the verdict, poisoning for client UB, and the
 * advisories collected while judging (`advice`). An advisory never poisons: the state is
 * the one of the call accepted.
 */
export function toResult(out: Out, index: number, advice: readonly Advice[] = []): StepResult<ModelState> {
  if (out.bug !== undefined) return { state: out.s, verdict: { kind: 'model_bug', step: index, msg: out.bug } };
  const f = out.fail;
  // The common case allocates nothing but the result.
  if (f === undefined && advice.length === 0) return { state: out.s };
  const advisories = advice.map((a) => advisoryVerdict(a, index, out.chan));
  if (f === undefined) return { state: out.s, advisories };
  const chan = out.chan;
  const verdict: FailureVerdict = chan === undefined
    ? { kind: f.kind, rule: f.rule, step: index, msg: f.msg }
    : { kind: f.kind, rule: f.rule, step: index, msg: f.msg, chan };
  const state = f.kind === 'undefined' && chan !== undefined ? poison(out.s, chan) : out.s;
  return advisories.length === 0 ? { state, verdict } : { state, verdict, advisories };
}

/**
 * The evaluation context of {@link step}, reused: a step never runs inside another (the
 * handlers judge nested questions with their own context), and toResult copies the advice
 * out, so one context serves every entry without two allocations each.
 */
const STEP_CX: { cov: CoverageSink | undefined; readonly advice: Advice[] } = { cov: undefined, advice: [] };

/** Accept trace entry number `index`. */
export function step(s: ModelState, e: TraceEntry, index: number, cov?: CoverageSink): StepResult<ModelState> {
  const cx = STEP_CX;
  cx.cov = cov;
  if (cx.advice.length !== 0) cx.advice.length = 0;
  if (cov !== undefined) cov.pair(abstractKey(s, e), entryOp(e));
  const r = toResult(dispatch(cx, s, e), index, cx.advice);
  cx.cov = undefined;
  return r;
}
