/**
 * Engine events: irq_raised, tasklet_scheduled, periph_rx, periph_lost, desc_freed, meta_fault.
 * Raises Violation(PROV-4, DATA-8, DESC-13, TERM-9, CB-16, CH-6, META-10).
 * @internal
 */
import { DMA_PREP_INTERRUPT } from '../api/index.ts';
import type { EngineEvent } from '../api/index.ts';
import { cb16_callbackBeforeFree } from '../rules/callback.ts';
import { ch6_releaseSynchronizes } from '../rules/channel.ts';
import { data8_bytes } from '../rules/data.ts';
import { desc13_reuseRecycled } from '../rules/desc.ts';
import { meta10_keptUntilCallback } from '../rules/metadata.ts';
import { prov4_submitOnlyQueues } from '../rules/provider.ts';
import type { Cx, Fail } from '../rules/require.ts';
import { term9_released } from '../rules/terminate.ts';
import { EMPTY_FIFO, fifoDrop, fifoMatches } from './fifo.ts';
import { callDesc, inCall, inEnv, SYNCS, TERMINATES } from './frames.ts';
import type { Out } from './ops.ts';
import type { Chan, DeathCause, Desc, Frame, ModelState } from './state.ts';
import { descIn, killDesc, putDesc, setChan } from './store.ts';
import { withChan, withDesc } from './records.ts';

type Ev<K extends EngineEvent['ev']> = Extract<EngineEvent, { ev: K }>;

/** `irq_raised`: the channel interrupt becomes pending. @internal */
export function irqRaised(cx: Cx, s: ModelState, ch: Chan, fr: Frame): Out {
  return { s: setChan(s, withChan(ch, { irqPending: true })), fail: prov4_submitOnlyQueues(cx, !inCall(fr, ch.id, 'submit')) };
}

/** `tasklet_scheduled`: the completion tasklet becomes pending. @internal */
export function taskletScheduled(cx: Cx, s: ModelState, ch: Chan, fr: Frame): Out {
  return { s: setChan(s, withChan(ch, { taskletPending: true })), fail: prov4_submitOnlyQueues(cx, !inCall(fr, ch.id, 'submit')) };
}

/** `periph_rx`: the peripheral drains FIFO bytes, in order. @internal */
export function periphRx(cx: Cx, s: ModelState, ch: Chan, ev: Ev<'periph_rx'>, fr: Frame): Out {
  const fail = data8_bytes(cx, inEnv(fr, 'drain'), 'peripheral received data outside a drain step')
    ?? data8_bytes(cx, ev.len >= 0 && ev.len <= ch.fifo.length && fifoMatches(ch.fifo, ev.len, ev.sum), 'peripheral received bytes other than those the DMA sent');
  return { s: setChan(s, withChan(ch, { fifo: fifoDrop(ch.fifo, ev.len) })), fail };
}

/** `periph_lost`: teardown discards exactly the FIFO contents. @internal */
export function periphLost(cx: Cx, s: ModelState, ch: Chan, ev: Ev<'periph_lost'>, fr: Frame): Out {
  const fail = data8_bytes(cx, inCall(fr, ch.id, 'periph_teardown'), 'peripheral data discarded outside teardown')
    ?? data8_bytes(cx, ev.len === ch.fifo.length, 'periph_lost differs from the FIFO contents');
  return { s: setChan(s, withChan(ch, { fifo: EMPTY_FIFO, fifoOwed: false })), fail };
}

/** `meta_fault`: the engine freed metadata the client may still use. @internal */
export function metaFault(cx: Cx, s: ModelState): Out {
  return { s, fail: meta10_keptUntilCallback(cx, false) };
}

/** Where a descriptor of each phase may be freed, how it dies, and whether it was freed before its owed callback. */
interface FreeCheck { readonly fail: Fail | undefined; readonly why: DeathCause; readonly early?: string }

function freeCheck(cx: Cx, s: ModelState, d: Desc, fr: Frame, ch: Chan): FreeCheck {
  const term = inCall(fr, ch.id, ...TERMINATES);
  const rel = inCall(fr, ch.id, 'release_channel');
  const own = fr.k === 'call' && callDesc(fr) === d.id && (fr.call.op === 'submit' || fr.call.op === 'desc_free');
  const tasklet = inEnv(fr, 'tasklet') || inEnv(fr, 'irq') || inCall(fr, ch.id, ...SYNCS);
  const owed = (d.flags & DMA_PREP_INTERRUPT) !== 0 && (d.hasCallback || d.hasCallbackResult);
  switch (d.phase) {
    case 'prepared':
      return { fail: term9_released(cx, term || rel || own, 'descriptor freed while the client owns it'), why: term ? 'prepared_freed' : own ? 'submit_failed' : 'released' };
    case 'reusable':
      return { fail: term9_released(cx, term || rel || own, 'descriptor freed while the client owns it'), why: 'client_free' };
    case 'submitted': case 'issued': case 'active':
      return { fail: term9_released(cx, rel, 'descriptor freed while in flight'), why: 'released' };
    case 'completed': {
      const fail = term9_released(cx, tasklet || rel || term, 'completed descriptor freed outside the tasklet')
        // The last release synchronizes first (vchan_synchronize runs the scheduled callbacks).
        ?? (rel && s.cfg.caps.synchronize ? ch6_releaseSynchronizes(cx, !owed) : undefined);
      return owed && !rel ? { fail, why: 'completed', early: 'descriptor freed before its callback' } : { fail, why: 'completed' };
    }
    case 'callback':
      return { fail: undefined, why: 'completed', early: 'descriptor freed while its callback runs' };
    case 'done':
      return { fail: term9_released(cx, tasklet || rel || term, 'descriptor freed outside the tasklet'), why: 'completed' };
    case 'terminated':
      return { fail: term9_released(cx, term || rel || inCall(fr, ch.id, ...SYNCS), 'aborted descriptor freed outside terminate/synchronize'), why: d.abortedFrom === 'completed' ? 'dropped' : 'aborted' };
    case 'freed':
      return { fail: cb16_callbackBeforeFree(cx, false, 'descriptor freed twice'), why: 'completed' };
  }
}

/** Freed before its callback: META-10 for ENGINE metadata (evaluated on every such free), else CB-16. */
function earlyFree(cx: Cx, d: Desc, fc: FreeCheck): Fail | undefined {
  if (d.meta.mode === 'engine') return meta10_keptUntilCallback(cx, fc.early === undefined);
  return fc.early === undefined ? undefined : cb16_callbackBeforeFree(cx, false, fc.early);
}

/** `desc_freed`: release or recycling of a descriptor, where its phase allows it. @internal */
export function descFreed(cx: Cx, s: ModelState, ch: Chan, ev: Ev<'desc_freed'>, fr: Frame): Out & { readonly own: boolean } {
  const d = descIn(ch, ev.desc);
  if (d === undefined) return { s, fail: cb16_callbackBeforeFree(cx, false, 'descriptor freed twice'), own: false };
  const own = fr.k === 'call' && callDesc(fr) === d.id && (fr.call.op === 'submit' || fr.call.op === 'desc_free');
  const realFree = inCall(fr, ch.id, 'release_channel') || (own && fr.k === 'call' && fr.call.op === 'desc_free');
  const fc = freeCheck(cx, s, d, fr, ch);
  // Release synchronizes first: the tasklet finishing a completed REUSE descriptor recycles it
  // (vchan_vdesc_fini), then vchan_free_chan_resources frees it for real. Either is allowed there.
  const finished = d.phase === 'completed' || d.phase === 'callback' || d.phase === 'done';
  const recycleAtRelease = ev.recycled && d.reuse && finished && inCall(fr, ch.id, 'release_channel');
  const recycles = d.reuse && (!realFree || recycleAtRelease);
  const fail = desc13_reuseRecycled(cx, recycles, ev.recycled) ?? fc.fail ?? earlyFree(cx, d, fc);
  if (ev.recycled && recycles) {
    return { s: setChan(s, putDesc(ch, withDesc(d, { phase: 'reusable', cookie: 0, abortedFrom: undefined }))), fail, own };
  }
  return { s: killDesc(s, d, fc.why), fail, own };
}
