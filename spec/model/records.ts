/**
 * Copy-with-changes of the model's records, written out field by field. V8 (Node 20)
 * copies `{ ...x, f: v }` some twenty times slower than an object literal naming every
 * field, and these copies happen several times per trace entry (bench/model.ts). Each
 * literal is typed with the full record type, so a field added to a record and missing
 * here does not compile. `p` holds the changed fields; a key present with the value
 * `undefined` sets the field to undefined.
 * @internal
 */
import type { Buf, CallFrame, Chan, Cookies, Desc, EnvFrame, Meta, ModelState } from './state.ts';

/** `d` with the fields of `p` changed. @internal */
export function withDesc(d: Desc, p: Partial<Desc>): Desc {
  const r: Desc = {
    id: 'id' in p ? p.id as Desc['id'] : d.id,
    chan: 'chan' in p ? p.chan as Desc['chan'] : d.chan,
    kind: 'kind' in p ? p.kind as Desc['kind'] : d.kind,
    dir: 'dir' in p ? p.dir as Desc['dir'] : d.dir,
    len: 'len' in p ? p.len as Desc['len'] : d.len,
    segs: 'segs' in p ? p.segs as Desc['segs'] : d.segs,
    periodLen: 'periodLen' in p ? p.periodLen as Desc['periodLen'] : d.periodLen,
    flags: 'flags' in p ? p.flags as Desc['flags'] : d.flags,
    width: 'width' in p ? p.width as Desc['width'] : d.width,
    cfgDir: 'cfgDir' in p ? p.cfgDir as Desc['cfgDir'] : d.cfgDir,
    cyclic: 'cyclic' in p ? p.cyclic as Desc['cyclic'] : d.cyclic,
    repeat: 'repeat' in p ? p.repeat as Desc['repeat'] : d.repeat,
    loadEot: 'loadEot' in p ? p.loadEot as Desc['loadEot'] : d.loadEot,
    eotSince: 'eotSince' in p ? p.eotSince as Desc['eotSince'] : d.eotSince,
    phase: 'phase' in p ? p.phase as Desc['phase'] : d.phase,
    seq: 'seq' in p ? p.seq as Desc['seq'] : d.seq,
    cookie: 'cookie' in p ? p.cookie as Desc['cookie'] : d.cookie,
    reuse: 'reuse' in p ? p.reuse as Desc['reuse'] : d.reuse,
    hasCallback: 'hasCallback' in p ? p.hasCallback as Desc['hasCallback'] : d.hasCallback,
    hasCallbackResult: 'hasCallbackResult' in p ? p.hasCallbackResult as Desc['hasCallbackResult'] : d.hasCallbackResult,
    action: 'action' in p ? p.action as Desc['action'] : d.action,
    meta: 'meta' in p ? p.meta as Desc['meta'] : d.meta,
    moved: 'moved' in p ? p.moved as Desc['moved'] : d.moved,
    periodEvents: 'periodEvents' in p ? p.periodEvents as Desc['periodEvents'] : d.periodEvents,
    periodCbPending: 'periodCbPending' in p ? p.periodCbPending as Desc['periodCbPending'] : d.periodCbPending,
    compOrder: 'compOrder' in p ? p.compOrder as Desc['compOrder'] : d.compOrder,
    abortedFrom: 'abortedFrom' in p ? p.abortedFrom as Desc['abortedFrom'] : d.abortedFrom,
    calledBack: 'calledBack' in p ? p.calledBack as Desc['calledBack'] : d.calledBack,
  };
  return r;
}

/** `ch` with the fields of `p` changed. @internal */
export function withChan(ch: Chan, p: Partial<Chan>): Chan {
  const r: Chan = {
    id: 'id' in p ? p.id as Chan['id'] : ch.id,
    held: 'held' in p ? p.held as Chan['held'] : ch.held,
    everHeld: 'everHeld' in p ? p.everHeld as Chan['everHeld'] : ch.everHeld,
    reheld: 'reheld' in p ? p.reheld as Chan['reheld'] : ch.reheld,
    preps: 'preps' in p ? p.preps as Chan['preps'] : ch.preps,
    poisoned: 'poisoned' in p ? p.poisoned as Chan['poisoned'] : ch.poisoned,
    cfg: 'cfg' in p ? p.cfg as Chan['cfg'] : ch.cfg,
    metaChecked: 'metaChecked' in p ? p.metaChecked as Chan['metaChecked'] : ch.metaChecked,
    paused: 'paused' in p ? p.paused as Chan['paused'] : ch.paused,
    pausedAtTerminate: 'pausedAtTerminate' in p ? p.pausedAtTerminate as Chan['pausedAtTerminate'] : ch.pausedAtTerminate,
    terminating: 'terminating' in p ? p.terminating as Chan['terminating'] : ch.terminating,
    issuedSinceTerminate: 'issuedSinceTerminate' in p ? p.issuedSinceTerminate as Chan['issuedSinceTerminate'] : ch.issuedSinceTerminate,
    syncCount: 'syncCount' in p ? p.syncCount as Chan['syncCount'] : ch.syncCount,
    startDeferred: 'startDeferred' in p ? p.startDeferred as Chan['startDeferred'] : ch.startDeferred,
    irqPending: 'irqPending' in p ? p.irqPending as Chan['irqPending'] : ch.irqPending,
    taskletPending: 'taskletPending' in p ? p.taskletPending as Chan['taskletPending'] : ch.taskletPending,
    active: 'active' in p ? p.active as Chan['active'] : ch.active,
    descs: 'descs' in p ? p.descs as Chan['descs'] : ch.descs,
    compCount: 'compCount' in p ? p.compCount as Chan['compCount'] : ch.compCount,
    ck: 'ck' in p ? p.ck as Chan['ck'] : ch.ck,
    rxPos: 'rxPos' in p ? p.rxPos as Chan['rxPos'] : ch.rxPos,
    fifo: 'fifo' in p ? p.fifo as Chan['fifo'] : ch.fifo,
    fifoOwed: 'fifoOwed' in p ? p.fifoOwed as Chan['fifoOwed'] : ch.fifoOwed,
    syncAfterPush: 'syncAfterPush' in p ? p.syncAfterPush as Chan['syncAfterPush'] : ch.syncAfterPush,
    termBufs: 'termBufs' in p ? p.termBufs as Chan['termBufs'] : ch.termBufs,
  };
  return r;
}

/** `s` with the fields of `p` changed. @internal */
export function withState(s: ModelState, p: Partial<ModelState>): ModelState {
  const r: ModelState = {
    cfg: 'cfg' in p ? p.cfg as ModelState['cfg'] : s.cfg,
    obs: 'obs' in p ? p.obs as ModelState['obs'] : s.obs,
    chans: 'chans' in p ? p.chans as ModelState['chans'] : s.chans,
    bufs: 'bufs' in p ? p.bufs as ModelState['bufs'] : s.bufs,
    dead: 'dead' in p ? p.dead as ModelState['dead'] : s.dead,
    stack: 'stack' in p ? p.stack as ModelState['stack'] : s.stack,
  };
  return r;
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
    id: 'id' in p ? p.id as Buf['id'] : b.id,
    len: 'len' in p ? p.len as Buf['len'] : b.len,
    mapped: 'mapped' in p ? p.mapped as Buf['mapped'] : b.mapped,
    freed: 'freed' in p ? p.freed as Buf['freed'] : b.freed,
    writes: 'writes' in p ? p.writes as Buf['writes'] : b.writes,
    tainted: 'tainted' in p ? p.tainted as Buf['tainted'] : b.tainted,
  };
  return r;
}

/** The call frame `fr` with the fields of `p` changed. @internal */
export function withCall(fr: CallFrame, p: Partial<CallFrame>): CallFrame {
  const r: CallFrame = {
    k: 'call',
    call: 'call' in p ? p.call as CallFrame['call'] : fr.call,
    ctx: 'ctx' in p ? p.ctx as CallFrame['ctx'] : fr.ctx,
    chan: 'chan' in p ? p.chan as CallFrame['chan'] : fr.chan,
    loose: 'loose' in p ? p.loose as CallFrame['loose'] : fr.loose,
    spec: 'spec' in p ? p.spec as CallFrame['spec'] : fr.spec,
    deferred: 'deferred' in p ? p.deferred as CallFrame['deferred'] : fr.deferred,
    evs: 'evs' in p ? p.evs as CallFrame['evs'] : fr.evs,
    mustStart: 'mustStart' in p ? p.mustStart as CallFrame['mustStart'] : fr.mustStart,
    taskletWasPending: 'taskletWasPending' in p ? p.taskletWasPending as CallFrame['taskletWasPending'] : fr.taskletWasPending,
    descFreed: 'descFreed' in p ? p.descFreed as CallFrame['descFreed'] : fr.descFreed,
    emptyIssue: 'emptyIssue' in p ? p.emptyIssue as CallFrame['emptyIssue'] : fr.emptyIssue,
    nestedEvs: 'nestedEvs' in p ? p.nestedEvs as CallFrame['nestedEvs'] : fr.nestedEvs,
    before: 'before' in p ? p.before as CallFrame['before'] : fr.before,
  };
  return r;
}

/** The environment frame `fr` with the fields of `p` changed. @internal */
export function withEnv(fr: EnvFrame, p: Partial<EnvFrame>): EnvFrame {
  const r: EnvFrame = {
    k: 'env',
    step: 'step' in p ? p.step as EnvFrame['step'] : fr.step,
    live: 'live' in p ? p.live as EnvFrame['live'] : fr.live,
    evs: 'evs' in p ? p.evs as EnvFrame['evs'] : fr.evs,
    periodPendingAtStart: 'periodPendingAtStart' in p ? p.periodPendingAtStart as EnvFrame['periodPendingAtStart'] : fr.periodPendingAtStart,
    periodCbDone: 'periodCbDone' in p ? p.periodCbDone as EnvFrame['periodCbDone'] : fr.periodCbDone,
    nonPeriodCbDone: 'nonPeriodCbDone' in p ? p.nonPeriodCbDone as EnvFrame['nonPeriodCbDone'] : fr.nonPeriodCbDone,
    fifoAtStart: 'fifoAtStart' in p ? p.fifoAtStart as EnvFrame['fifoAtStart'] : fr.fifoAtStart,
    delivered: 'delivered' in p ? p.delivered as EnvFrame['delivered'] : fr.delivered,
    compAtStart: 'compAtStart' in p ? p.compAtStart as EnvFrame['compAtStart'] : fr.compAtStart,
  };
  return r;
}

/**
 * `d` with new transfer progress: the copy of every `xfer` and `period` event, the two
 * most frequent entries of a lockstep trace (a fixed-shape literal, no patch look-ups).
 * @internal
 */
export function withProgress(d: Desc, moved: number, eotSince: number | undefined, periodEvents: number, periodCbPending: boolean): Desc {
  const r: Desc = {
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
    eotSince: eotSince,
    phase: d.phase,
    seq: d.seq,
    cookie: d.cookie,
    reuse: d.reuse,
    hasCallback: d.hasCallback,
    hasCallbackResult: d.hasCallbackResult,
    action: d.action,
    meta: d.meta,
    moved: moved,
    periodEvents: periodEvents,
    periodCbPending: periodCbPending,
    compOrder: d.compOrder,
    abortedFrom: d.abortedFrom,
    calledBack: d.calledBack,
  };
  return r;
}

/** `ch` with new descriptors and data-path fields (the channel copy of every `xfer` and `period` event). @internal */
export function withData(ch: Chan, descs: readonly Desc[], fifo: Chan['fifo'], fifoOwed: boolean, syncAfterPush: boolean, rxPos: number): Chan {
  const r: Chan = {
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
    descs: descs,
    compCount: ch.compCount,
    ck: ch.ck,
    rxPos: rxPos,
    fifo: fifo,
    fifoOwed: fifoOwed,
    syncAfterPush: syncAfterPush,
    termBufs: ch.termBufs,
  };
  return r;
}

/** `ck` with the fields of `p` changed. @internal */
export function withCookies(ck: Cookies, p: Partial<Cookies>): Cookies {
  const r: Cookies = {
    b0: 'b0' in p ? p.b0 as Cookies['b0'] : ck.b0,
    n: 'n' in p ? p.n as Cookies['n'] : ck.n,
    lo: 'lo' in p ? p.lo as Cookies['lo'] : ck.lo,
    hi: 'hi' in p ? p.hi as Cookies['hi'] : ck.hi,
    holdStart: 'holdStart' in p ? p.holdStart as Cookies['holdStart'] : ck.holdStart,
    abortHi: 'abortHi' in p ? p.abortHi as Cookies['abortHi'] : ck.abortHi,
    restartOpen: 'restartOpen' in p ? p.restartOpen as Cookies['restartOpen'] : ck.restartOpen,
  };
  return r;
}

/** `m` with the fields of `p` changed. @internal */
export function withMeta(m: Meta, p: Partial<Meta>): Meta {
  const r: Meta = {
    mode: 'mode' in p ? p.mode as Meta['mode'] : m.mode,
    ptr: 'ptr' in p ? p.ptr as Meta['ptr'] : m.ptr,
    copied: 'copied' in p ? p.copied as Meta['copied'] : m.copied,
  };
  return r;
}
