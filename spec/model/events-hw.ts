/**
 * Engine events of the hardware path: hw_start, xfer, complete, period, meta_copied, dma_fault.
 * Raises Violation(SUB-1, PROV-4, ISS-1, ISS-3, ISS-5, PAUSE-2, PAUSE-4, PAUSE-5, TERM-7, SYNC-4,
 * CFG-2, CFG-4, DATA-8, CYC-1, CYC-4, CYC-7, CYC-8, CYC-9, CK-3, CK-4, CK-5, META-6).
 * @internal
 */
import { DMA_PREP_INTERRUPT, DMA_PREP_REPEAT } from '../api/index.ts';
import type { EngineEvent } from '../api/index.ts';
import { ch10_freshAfterRerequest } from '../rules/channel.ts';
import { cfg2_widthFromPrep } from '../rules/config.ts';
import { ck3_completeCookie, ck4_completeOnce, ck5_inOrder } from '../rules/cookie.ts';
import { cyc1_periods, cyc4_neverComplete, cyc7_loadEotAtEnd, cyc8_blockedBehindRepeat, cyc9_repeatIgnored } from '../rules/cyclic.ts';
import { data8_bytes } from '../rules/data.ts';
import { iss1_onlyIssuedStart, iss3_order, iss5_cyclicBlocksQueue, sub1_noStartOnSubmit } from '../rules/issue.ts';
import { meta6_copiedBeforeComplete } from '../rules/metadata.ts';
import { pause2_noMovementWhilePaused, pause4_noCompleteWhilePaused, pause5_channelWide } from '../rules/pause.ts';
import { prov4_submitOnlyQueues } from '../rules/provider.ts';
import type { Cx, Fail } from '../rules/require.ts';
import { sync4_quietAfterSync } from '../rules/sync.ts';
import { term7_stopped } from '../rules/terminate.ts';
import { moveData } from './data-path.ts';
import { inCall, inEnv, SYNCS, TERMINATES } from './frames.ts';
import type { Out } from './ops.ts';
import type { Chan, Desc, Frame, ModelState } from './state.ts';
import { descIn, findDead, issuedHead, putDesc, replaceDesc, setChan, setChanBufs } from './store.ts';
import { withChan, withCookies, withData, withDesc, withMeta, withProgress } from './records.ts';

type Ev<K extends EngineEvent['ev']> = Extract<EngineEvent, { ev: K }>;

/**
 * Activity for descriptor `desc` (`d` when live): none for work that died before a later
 * synchronize (SYNC-4, evaluated on every activity); none for aborted work (TERM-7); else ISS-1.
 */
function lateActivity(cx: Cx, s: ModelState, ch: Chan, desc: number, d: Desc | undefined, what: string): Fail | undefined {
  const dead = d === undefined ? findDead(s, desc) : undefined;
  const f = sync4_quietAfterSync(cx, dead !== undefined && ch.syncCount > dead.syncCount);
  if (f !== undefined || d !== undefined) return f;
  if (dead?.why === 'aborted' || dead?.why === 'dropped') return term7_stopped(cx, true);
  return iss1_onlyIssuedStart(cx, false, what);
}

/**
 * CYC-7: bytes of a repeated transfer after which a LOAD_EOT transfer first seen at `since` must
 * have taken over: the end of the repetition then running, or of the next one when it was seen
 * exactly at a boundary (the hardware may already have looped). Infinity: no LOAD_EOT seen.
 * @internal
 */
export function eotDeadline(len: number, since: number | undefined): number {
  if (since === undefined) return Number.POSITIVE_INFINITY;
  return since > 0 && since % len === 0 ? since + len : (Math.floor(since / len) + 1) * len;
}

/**
 * CYC-7/CYC-8: the transfer directly behind a running repeated one has LOAD_EOT, so it must
 * replace it. LOAD_EOT further back is never reached: the queue blocks at the first transfer
 * without it (dmaengine.h, DMA_PREP_LOAD_EOT).
 * @internal
 */
export const eotBehind = (ch: Chan): boolean => issuedHead(ch)?.loadEot === true;

/** `hw_start`: only the issued head, only in issue/resume/completion paths. @internal */
export function hwStart(cx: Cx, s: ModelState, ch: Chan, ev: Ev<'hw_start'>, fr: Frame): Out {
  const d = descIn(ch, ev.desc);
  const f0 = sub1_noStartOnSubmit(cx, inCall(fr, ch.id, 'submit')) ?? lateActivity(cx, s, ch, ev.desc, d, 'started a freed descriptor');
  if (f0 !== undefined || d === undefined) return { s, fail: f0 };
  const a = ch.active === undefined ? undefined : descIn(ch, ch.active);
  const replacing = a !== undefined && a.repeat && d.loadEot;
  const where = inCall(fr, ch.id, 'issue_pending', 'resume') || inEnv(fr, 'irq') || inEnv(fr, 'tasklet') || (inEnv(fr, 'advance') && replacing);
  const head = issuedHead(ch);
  const fail = iss1_onlyIssuedStart(cx, where, 'hardware started outside issue_pending or the completion path')
    ?? term7_stopped(cx, d.phase === 'terminated')
    ?? iss1_onlyIssuedStart(cx, d.phase === 'issued', 'started a descriptor that was not issued')
    ?? pause5_channelWide(cx, ch.paused)
    ?? iss5_cyclicBlocksQueue(cx, a?.cyclic === true)
    // CYC-8: only the LOAD_EOT transfer directly behind the repeated one may take over.
    ?? cyc8_blockedBehindRepeat(cx, a?.repeat === true && (!d.loadEot || head?.id !== d.id))
    ?? (a === undefined ? undefined
      : a.repeat ? cyc7_loadEotAtEnd(cx, a.moved > 0 && a.moved % a.len === 0, 'LOAD_EOT transfer started before the end of a repetition')
        : iss3_order(cx, false, 'descriptor started while another is active'))
    ?? (s.cfg.caps.completionNoOrder ? undefined : iss3_order(cx, head?.id === d.id, 'descriptor started out of issue order'));
  const nd = withDesc(d, { phase: 'active' as const, moved: 0, periodEvents: 0, periodCbPending: false, eotSince: undefined });
  return { s: setChan(s, withChan(ch, { descs: replaceDesc(ch.descs, nd), active: d.id, startDeferred: false })), fail };
}

/** An xfer event (4-byte width by default). @internal */
export function xfer(cx: Cx, s: ModelState, ch: Chan, ev: Ev<'xfer'>, fr: Frame): Out {
  const where = inEnv(fr, 'advance');
  if (!where) {
    const f = inCall(fr, ch.id, 'submit') ? prov4_submitOnlyQueues(cx, false)
      : inCall(fr, ch.id, ...TERMINATES) ? term7_stopped(cx, true)
        : inCall(fr, ch.id, ...SYNCS) ? sync4_quietAfterSync(cx, true)
          : iss1_onlyIssuedStart(cx, false, 'data moved outside an advance step');
    return { s, fail: f };
  }
  const d = descIn(ch, ev.desc);
  const late = lateActivity(cx, s, ch, ev.desc, d, 'data moved for a freed descriptor');
  if (late !== undefined || d === undefined) return { s, fail: late };
  const loop = d.cyclic || d.repeat;
  const pos = loop ? d.moved % d.len : d.moved;
  const eotWaiting = d.repeat && eotBehind(ch);
  const eotSince = eotWaiting ? d.eotSince ?? d.moved : d.eotSince;
  const fail = term7_stopped(cx, d.phase === 'terminated')
    ?? iss1_onlyIssuedStart(cx, d.phase === 'active', 'data moved for a descriptor not started')
    ?? iss3_order(cx, ch.active === d.id, 'data moved for a descriptor that is not the running one')
    ?? pause2_noMovementWhilePaused(cx, ch.paused)
    // An unconfigured prep on a re-requested channel: a width there is the earlier holder's config (CH-10).
    ?? (d.width === 0 && ch.reheld && d.kind !== 'memcpy' ? ch10_freshAfterRerequest(cx, ev.width === 0) : cfg2_widthFromPrep(cx, ev.width, d.width))
    ?? data8_bytes(cx, Number.isInteger(ev.len) && ev.len >= 1, 'xfer of no bytes')
    // CYC-9 (Q15): REPEAT outside interleaved is ignored; any byte past the end (run on or wrapped) is looping.
    ?? (!loop && (d.flags & DMA_PREP_REPEAT) !== 0 ? cyc9_repeatIgnored(cx, d.moved + ev.len > d.len) : undefined)
    ?? data8_bytes(cx, ev.offset === pos, 'xfer not contiguous')
    ?? (loop
      ? cyc7_loadEotAtEnd(cx, !eotWaiting || pos + ev.len <= d.len, 'repeated transfer ran past its end with a LOAD_EOT transfer issued')
        ?? cyc7_loadEotAtEnd(cx, !eotWaiting || d.moved < eotDeadline(d.len, eotSince), 'repeated transfer started another repetition although a LOAD_EOT transfer was issued')
        ?? data8_bytes(cx, ev.len <= d.len, 'xfer longer than the cyclic buffer')
      : data8_bytes(cx, ev.offset + ev.len <= d.len, 'xfer beyond the descriptor length'));
  if (fail !== undefined) return { s, fail };
  const p = moveData(cx, s, ch, d, ev);
  const nd = withProgress(d, d.moved + ev.len, eotSince, d.periodEvents, d.periodCbPending);
  const nch = withData(ch, replaceDesc(ch.descs, nd), p.fifo ?? ch.fifo, p.fifo !== undefined || ch.fifoOwed,
    p.fifo === undefined && ch.syncAfterPush, p.rxPos ?? ch.rxPos);
  return { s: p.bufs === undefined ? setChan(s, nch) : setChanBufs(s, nch, p.bufs), fail: p.fail };
}

/** `complete`: the running descriptor after its last byte, in cookie order. @internal */
export function complete(cx: Cx, s: ModelState, ch: Chan, ev: Ev<'complete'>, fr: Frame): Out {
  if (inCall(fr, ch.id, 'submit')) return { s, fail: prov4_submitOnlyQueues(cx, false) };
  const d = descIn(ch, ev.desc);
  if (d === undefined) {
    const dead = findDead(s, ev.desc);
    return { s, fail: dead?.why === 'completed' ? ck4_completeOnce(cx, false) : lateActivity(cx, s, ch, ev.desc, undefined, 'completed a freed descriptor') };
  }
  const done = d.phase === 'completed' || d.phase === 'callback' || d.phase === 'done';
  if (inCall(fr, ch.id, ...TERMINATES)) {
    // Q1: an engine may cookie-complete aborted descriptors while terminating (pl330, stm32).
    const fail = ck4_completeOnce(cx, !done) ?? iss1_onlyIssuedStart(cx, d.phase === 'terminated', 'completed a descriptor terminate did not abort')
      ?? ck3_completeCookie(cx, ev.cookie, d.cookie);
    const lo = Math.max(ch.ck.lo, d.seq);
    return { s: setChan(s, withChan(ch, { ck: withCookies(ch.ck, { lo, hi: Math.max(ch.ck.hi, lo) }) })), fail };
  }
  const where = inEnv(fr, 'irq') || inEnv(fr, 'advance');
  // CYC-7: a repetition ended and a LOAD_EOT transfer replaced it (already started, or queued to start now).
  const eotQueued = ch.active !== d.id || eotBehind(ch);
  // Without xfer observed the bytes are assumed moved as far as the completion needs.
  const repeatDone = d.repeat && eotQueued && (!s.obs.xfer || (d.moved > 0 && d.moved % d.len === 0));
  const fail = iss1_onlyIssuedStart(cx, where, 'completion outside the interrupt path')
    ?? ck4_completeOnce(cx, !done)
    ?? term7_stopped(cx, d.phase === 'terminated')
    ?? (s.cfg.caps.completionNoOrder ? undefined : ck5_inOrder(cx, !ch.descs.some((x) => x.seq > 0 && x.seq < d.seq && (x.phase === 'submitted' || x.phase === 'issued' || x.phase === 'active'))))
    ?? iss1_onlyIssuedStart(cx, d.phase === 'active', 'completed a descriptor that never started')
    ?? pause4_noCompleteWhilePaused(cx, ch.paused)
    ?? cyc4_neverComplete(cx, d.cyclic)
    ?? (d.repeat ? cyc7_loadEotAtEnd(cx, repeatDone, 'repeated transfer completed without a LOAD_EOT replacement')
      : s.obs.xfer ? data8_bytes(cx, d.moved === d.len, 'completed before all bytes moved') : undefined)
    ?? ck3_completeCookie(cx, ev.cookie, d.cookie)
    ?? (d.meta.mode === 'client' && d.dir === 'DEV_TO_MEM' && s.obs.metaCopied ? meta6_copiedBeforeComplete(cx, d.meta.copied, 'completed before client metadata was copied') : undefined);
  const compOrder = ch.compCount + 1;
  const lo = s.cfg.caps.completionNoOrder ? Math.max(ch.ck.lo, d.seq) : d.seq;
  const nch = withChan(ch, {
    descs: replaceDesc(ch.descs, withDesc(d, { phase: 'completed', compOrder })), compCount: compOrder,
    active: ch.active === d.id ? undefined : ch.active, ck: withCookies(ch.ck, { lo, hi: Math.max(lo, ch.ck.hi === ch.ck.lo ? lo : ch.ck.hi) }),
  });
  return { s: setChan(s, nch), fail };
}

/** `period`: a cyclic period elapsed (never more than the bytes allow). @internal */
export function period(cx: Cx, s: ModelState, ch: Chan, ev: Ev<'period'>, fr: Frame): Out {
  const d = descIn(ch, ev.desc);
  const fail = iss1_onlyIssuedStart(cx, inEnv(fr, 'irq') || inEnv(fr, 'advance'), 'period signalled outside the interrupt path')
    ?? cyc1_periods(cx, d !== undefined && d.cyclic && d.phase === 'active', 'period event for a descriptor that is not a running cyclic one')
    ?? (d === undefined || !s.obs.xfer ? undefined : cyc1_periods(cx, d.periodEvents < Math.floor(d.moved / d.periodLen), 'period signalled before period_len bytes moved'));
  if (d === undefined) return { s, fail };
  const nd = withProgress(d, d.moved, d.eotSince, d.periodEvents + 1, true);
  return { s: setChan(s, withData(ch, replaceDesc(ch.descs, nd), ch.fifo, ch.fifoOwed, ch.syncAfterPush, ch.rxPos)), fail };
}

/** `meta_copied`: CLIENT DEV_TO_MEM metadata written before completion. @internal */
export function metaCopied(cx: Cx, s: ModelState, ch: Chan, ev: Ev<'meta_copied'>): Out {
  const d = descIn(ch, ev.desc);
  const fail = meta6_copiedBeforeComplete(cx, d !== undefined && d.meta.mode === 'client' && d.dir === 'DEV_TO_MEM', 'meta_copied without client DEV_TO_MEM metadata')
    ?? meta6_copiedBeforeComplete(cx, d?.phase === 'active', 'metadata written after completion');
  if (d === undefined) return { s, fail };
  return { s: setChan(s, putDesc(ch, withDesc(d, { meta: withMeta(d.meta, { copied: true }) }))), fail };
}

/** `dma_fault`: only for a buffer that really is unmapped or freed. @internal */
export function dmaFault(cx: Cx, s: ModelState, ch: Chan, ev: Ev<'dma_fault'>): Out {
  const d = descIn(ch, ev.desc);
  if (d === undefined || d.phase !== 'active') return { s, fail: lateActivity(cx, s, ch, ev.desc, undefined, 'DMA fault for a descriptor not running') ?? iss1_onlyIssuedStart(cx, false, 'DMA fault for a descriptor not running') };
  const b = s.bufs.find((x) => x.id === ev.buf);
  return { s, fail: data8_bytes(cx, b === undefined || b.freed || b.mapped !== 'dma', 'DMA fault on a buffer mapped for it') };
}

/** With DMA_PREP_INTERRUPT and a callback, the engine owes a (period) callback (DESC-8, CYC-3). */
export const owesCallback = (d: { readonly flags: number; readonly hasCallback: boolean; readonly hasCallbackResult: boolean }): boolean =>
  (d.flags & DMA_PREP_INTERRUPT) !== 0 && (d.hasCallback || d.hasCallbackResult);
