/**
 * `cb` and `cb_ret` entries: the engine invoking a client callback (fact sheet §3).
 * Raises Violation(CB-1, CB-2, CB-7..CB-14, CB-16, PROV-5, PROV-6, SYNC-4).
 * @internal
 */
import type { CallbackInvocation } from '../api/index.ts';
import { cb10_cyclicFirst, cb11_periodsCoalesced, cb12_noneForAborted, cb13_droppedByTerminate, cb14_noneAfterSync, cb16_callbackBeforeFree, cb1_fromTasklet, cb2_locksDropped, cb7_whichPointer, cb8_afterComplete, cb9_completionOrder } from '../rules/callback.ts';
import { prov5_noCallbackInTerminate, prov6_deferredNeedsSync } from '../rules/provider.ts';
import type { Cx, Fail } from '../rules/require.ts';
import { inCall } from './frames.ts';
import type { Out } from './ops.ts';
import type { Chan, Desc, EnvFrame, ModelState } from './state.ts';
import { descIn, findDead, findDesc, owner, pop, push, putDesc, setChan, setFrame, top } from './store.ts';
import { withDesc, withEnv, withMeta } from './records.ts';

/**
 * No callback of work that died before a later synchronize: CB-14, or PROV-6 on an engine
 * without device_synchronize (evaluated on every callback; `d` when the descriptor is live).
 */
function afterSync(cx: Cx, s: ModelState, ch: Chan, desc: number, d: Desc | undefined): Fail | undefined {
  const dead = d === undefined ? findDead(s, desc) : undefined;
  const late = dead !== undefined && ch.syncCount > dead.syncCount;
  return s.cfg.caps.synchronize ? cb14_noneAfterSync(cx, late) : prov6_deferredNeedsSync(cx, late);
}

/** A callback for a descriptor that is no longer live (and did not die before a synchronize). */
function lateCallback(cx: Cx, s: ModelState, desc: number): Fail | undefined {
  const dead = findDead(s, desc);
  if (dead?.why === 'aborted') return cb12_noneForAborted(cx, true);
  if (dead?.why === 'dropped') return cb13_droppedByTerminate(cx, true);
  return cb16_callbackBeforeFree(cx, false, 'callback after the descriptor was freed');
}

function descChecks(cx: Cx, s: ModelState, ch: Chan, d: Desc, inv: CallbackInvocation, tf: EnvFrame | undefined): Fail | undefined {
  const fn = d.hasCallbackResult ? 'callback_result' : d.hasCallback ? 'callback' : undefined;
  const f = cb7_whichPointer(cx, fn === inv.fn) ?? cb12_noneForAborted(cx, inv.result === 'DMA_TRANS_ABORTED');
  if (f !== undefined) return f;
  if (inv.period) {
    return cb13_droppedByTerminate(cx, d.phase === 'terminated')
      // Without `period` observed, a period may have elapsed unseen.
      ?? cb11_periodsCoalesced(cx, d.cyclic && d.phase === 'active' && (d.periodCbPending || !s.obs.period))
      ?? cb10_cyclicFirst(cx, !(tf?.nonPeriodCbDone ?? false));
  }
  const oldest = ch.descs.filter((x) => x.phase === 'completed').reduce((m, x) => (m === undefined || x.compOrder < m.compOrder ? x : m), undefined as Desc | undefined);
  return (d.phase === 'terminated' ? (d.abortedFrom === 'completed' ? cb13_droppedByTerminate(cx, true) : cb12_noneForAborted(cx, true)) : undefined)
    ?? cb8_afterComplete(cx, d.phase === 'completed' && !d.cyclic)
    ?? cb9_completionOrder(cx, oldest?.id === d.id);
}

/** A `cb` entry: the engine invokes a client callback. @internal */
export function onCb(cx: Cx, s: ModelState, inv: CallbackInvocation): Out {
  const ch = s.chans[inv.chan];
  const own = owner(s);
  if (ch === undefined || ch.poisoned || own === undefined) return { s: push(s, { k: 'cb', inv, loose: true }) };
  const fr = own.fr;
  const tf = fr.k === 'env' && fr.step.op === 'tasklet' ? fr : undefined;
  const fromTasklet = (tf !== undefined && tf.live && tf.step.op === 'tasklet' && tf.step.chan === ch.id)
    || (fr.k === 'call' && fr.chan === ch.id && (fr.call.op === 'synchronize' || fr.call.op === 'terminate_sync' || fr.call.op === 'release_channel') && fr.taskletWasPending);
  const d = descIn(ch, inv.desc);
  // A callback of a descriptor that never existed (no prep created it, on any channel)
  // completed nothing: CB-8 names it whatever the context (issue 13, item 10), not CB-1.
  const phantom = d === undefined && findDesc(s, inv.desc) === undefined && findDead(s, inv.desc) === undefined;
  const fail = prov5_noCallbackInTerminate(cx, inCall(fr, ch.id, 'terminate_async', 'terminate_all'))
    ?? (phantom ? cb8_afterComplete(cx, false) : undefined)
    ?? cb1_fromTasklet(cx, fromTasklet && inv.ctx === 'tasklet')
    ?? cb2_locksDropped(cx, inv.locksHeld)
    ?? afterSync(cx, s, ch, inv.desc, d)
    ?? (d === undefined ? lateCallback(cx, s, inv.desc) : descChecks(cx, s, ch, d, inv, tf));
  let ns = s;
  if (d !== undefined) {
    const nd: Desc = inv.period ? withDesc(d, { periodCbPending: false }) : d.phase === 'completed' ? withDesc(d, { phase: 'callback', calledBack: true }) : d;
    ns = setChan(ns, putDesc(ch, nd));
  }
  if (tf !== undefined) {
    ns = setFrame(ns, own.i, withEnv(tf, { periodCbDone: tf.periodCbDone || inv.period, nonPeriodCbDone: tf.nonPeriodCbDone || !inv.period }));
  }
  return { s: push(ns, { k: 'cb', inv, loose: false }), fail };
}

/** A `cb_ret` entry: the client callback returned (the ENGINE metadata pointer dies, META-9). @internal */
export function onCbRet(s: ModelState): Out {
  const fr = top(s);
  if (fr === undefined || fr.k !== 'cb') return { s, bug: 'cb_ret without a running callback' };
  const ns = pop(s);
  const ch = ns.chans[fr.inv.chan];
  const d = ch === undefined ? undefined : descIn(ch, fr.inv.desc);
  if (fr.loose || ch === undefined || d === undefined || fr.inv.period || d.phase !== 'callback') return { s: ns };
  const meta = d.meta.ptr === 'valid' ? withMeta(d.meta, { ptr: 'invalid' }) : d.meta;
  return { s: setChan(ns, putDesc(ch, withDesc(d, { phase: 'done', meta }))) };
}
