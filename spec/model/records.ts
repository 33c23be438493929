/**
 * Copy-with-changes of the model's records, written out field by field. V8 (Node 20)
 * copies `{ ...x, f: v }` some twenty times slower than an object literal naming every
 * field, and these copies happen several times per trace entry (bench/model.ts). Each
 * literal is typed with the full record type, so a field added to a record and missing
 * here does not compile. `p` holds the changed fields (an object literal at every call, so
 * no other keys); a key present with the value `undefined` sets the field to undefined.
 * The copy is then patched with `Object.assign`: the model passes dozens of patch shapes,
 * and a `'f' in p` test per field was megamorphic at every field (withChan alone was the
 * model's most expensive function, 8% self in bench/model.ts).
 * @internal
 */
import type { Buf, CallFrame, Chan, Cookies, Desc, EnvFrame, Meta, ModelState } from './state.ts';

/** A record's copy before it is handed out (fields set once, then readonly). */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A fresh copy of `d` (one fixed-shape literal; the callers below change fields of the copy). */
function copyDesc(d: Desc): Mutable<Desc> {
  return {
    id: d.id,
    chan: d.chan,
    kind: d.kind,
    dir: d.dir,
    len: d.len,
    segs: d.segs,
    periodLen: d.periodLen,
    flags: d.flags,
    width: d.width,
    cfgDir: d.cfgDir,
    cyclic: d.cyclic,
    repeat: d.repeat,
    loadEot: d.loadEot,
    eotSince: d.eotSince,
    phase: d.phase,
    seq: d.seq,
    cookie: d.cookie,
    reuse: d.reuse,
    hasCallback: d.hasCallback,
    hasCallbackResult: d.hasCallbackResult,
    action: d.action,
    meta: d.meta,
    moved: d.moved,
    periodEvents: d.periodEvents,
    periodCbPending: d.periodCbPending,
    compOrder: d.compOrder,
    abortedFrom: d.abortedFrom,
    calledBack: d.calledBack,
  };
}

/** `d` with the fields of `p` changed. @internal */
export function withDesc(d: Desc, p: Partial<Desc>): Desc {
  return Object.assign(copyDesc(d), p);
}

/** A fresh copy of `ch` (one fixed-shape literal). */
function copyChan(ch: Chan): Mutable<Chan> {
  return {
    id: ch.id,
    held: ch.held,
    everHeld: ch.everHeld,
    reheld: ch.reheld,
    preps: ch.preps,
    poisoned: ch.poisoned,
    cfg: ch.cfg,
    metaChecked: ch.metaChecked,
    paused: ch.paused,
    pausedAtTerminate: ch.pausedAtTerminate,
    terminating: ch.terminating,
    issuedSinceTerminate: ch.issuedSinceTerminate,
    syncCount: ch.syncCount,
    startDeferred: ch.startDeferred,
    irqPending: ch.irqPending,
    taskletPending: ch.taskletPending,
    active: ch.active,
    descs: ch.descs,
    compCount: ch.compCount,
    ck: ch.ck,
    rxPos: ch.rxPos,
    fifo: ch.fifo,
    fifoOwed: ch.fifoOwed,
    syncAfterPush: ch.syncAfterPush,
    termBufs: ch.termBufs,
  };
}

/** `ch` with the fields of `p` changed. @internal */
export function withChan(ch: Chan, p: Partial<Chan>): Chan {
  return Object.assign(copyChan(ch), p);
}

/** `s` with the fields of `p` changed. @internal */
export function withState(s: ModelState, p: Partial<ModelState>): ModelState {
  const r: ModelState = {
    cfg: s.cfg,
    obs: s.obs,
    chans: s.chans,
    bufs: s.bufs,
    dead: s.dead,
    stack: s.stack,
  };
  return Object.assign(r, p);
}

/**
 * `s` with its four changing parts given: the copy of every step, one literal with no patch
 * look-ups (a `withState` patch of varying shape made those look-ups megamorphic).
 * @internal
 */
export function nextState(s: ModelState, chans: ModelState['chans'], bufs: ModelState['bufs'], dead: ModelState['dead'], stack: ModelState['stack']): ModelState {
  const r: ModelState = { cfg: s.cfg, obs: s.obs, chans, bufs, dead, stack };
  return r;
}

/** `b` with the fields of `p` changed. @internal */
export function withBuf(b: Buf, p: Partial<Buf>): Buf {
  const r: Buf = {
    id: b.id,
    len: b.len,
    mapped: b.mapped,
    freed: b.freed,
    writes: b.writes,
    tainted: b.tainted,
  };
  return Object.assign(r, p);
}

/** The call frame `fr` with the fields of `p` changed. @internal */
export function withCall(fr: CallFrame, p: Partial<CallFrame>): CallFrame {
  const r: CallFrame = {
    k: 'call',
    call: fr.call,
    ctx: fr.ctx,
    chan: fr.chan,
    loose: fr.loose,
    spec: fr.spec,
    deferred: fr.deferred,
    evs: fr.evs,
    mustStart: fr.mustStart,
    taskletWasPending: fr.taskletWasPending,
    descFreed: fr.descFreed,
    emptyIssue: fr.emptyIssue,
    nestedEvs: fr.nestedEvs,
    before: fr.before,
  };
  return Object.assign(r, p);
}

/** The environment frame `fr` with the fields of `p` changed. @internal */
export function withEnv(fr: EnvFrame, p: Partial<EnvFrame>): EnvFrame {
  const r: EnvFrame = {
    k: 'env',
    step: fr.step,
    live: fr.live,
    evs: fr.evs,
    periodPendingAtStart: fr.periodPendingAtStart,
    periodCbDone: fr.periodCbDone,
    nonPeriodCbDone: fr.nonPeriodCbDone,
    fifoAtStart: fr.fifoAtStart,
    delivered: fr.delivered,
    compAtStart: fr.compAtStart,
  };
  return Object.assign(r, p);
}

/**
 * `d` with new transfer progress: the copy of every `xfer` and `period` event, the two
 * most frequent entries of a lockstep trace (the fixed-shape copy with its fields set directly, no patch look-ups).
 * @internal
 */
export function withProgress(d: Desc, moved: number, eotSince: number | undefined, periodEvents: number, periodCbPending: boolean): Desc {
  const r = copyDesc(d);
  r.moved = moved;
  r.eotSince = eotSince;
  r.periodEvents = periodEvents;
  r.periodCbPending = periodCbPending;
  return r;
}

/** `ch` with new descriptors and data-path fields (the channel copy of every `xfer` and `period` event). @internal */
export function withData(ch: Chan, descs: readonly Desc[], fifo: Chan['fifo'], fifoOwed: boolean, syncAfterPush: boolean, rxPos: number): Chan {
  const r = copyChan(ch);
  r.descs = descs;
  r.fifo = fifo;
  r.fifoOwed = fifoOwed;
  r.syncAfterPush = syncAfterPush;
  r.rxPos = rxPos;
  return r;
}

/** `ck` with the fields of `p` changed. @internal */
export function withCookies(ck: Cookies, p: Partial<Cookies>): Cookies {
  const r: Cookies = {
    b0: ck.b0,
    n: ck.n,
    lo: ck.lo,
    hi: ck.hi,
    holdStart: ck.holdStart,
    abortHi: ck.abortHi,
    restartOpen: ck.restartOpen,
  };
  return Object.assign(r, p);
}

/** `m` with the fields of `p` changed. @internal */
export function withMeta(m: Meta, p: Partial<Meta>): Meta {
  const r: Meta = {
    mode: m.mode,
    ptr: m.ptr,
    copied: m.copied,
  };
  return Object.assign(r, p);
}
