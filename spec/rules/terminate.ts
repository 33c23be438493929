/**
 * Terminate rules (TERM). Fact sheet §2.11, §3.5.
 * @public
 */
import type { Ctx } from '../api/index.ts';
import { client, engine, type Cx, type Fail } from './require.ts';
import type { RetSpec } from './ret-spec.ts';

/**
 * TERM-1/2/3/4, CB-5: terminate returns -EINVAL (async, sync) or -ENOSYS (deprecated all) without the op, else 0 — from any context.
 * Source: DH (dmaengine_terminate_*); CR §"Further APIs 1", §3 note.
 */
export function term1_terminateRets(op: 'terminate_async' | 'terminate_sync' | 'terminate_all', capTerminate: boolean, ctx: Ctx): RetSpec {
  const rule = op === 'terminate_sync' ? 'TERM-3' : op === 'terminate_all' ? 'TERM-2'
    : ctx === 'callback' ? 'CB-5' : ctx === 'process' ? 'TERM-1' : 'TERM-4';
  if (!capTerminate) {
    const e = op === 'terminate_all' ? 'ENOSYS' : 'EINVAL';
    return { rule: op === 'terminate_all' ? 'TERM-2' : op === 'terminate_sync' ? 'TERM-3' : 'TERM-1', msg: `terminate without device_terminate_all must return ${e}`, alts: [{ t: 'err', e: [e] }] };
  }
  return { rule, msg: 'terminate must return 0', alts: [{ t: 'int', v: 0 }] };
}

/**
 * TERM-5: terminate_sync only in non-atomic context.
 * Source: CR §"Further APIs 1"; DH.
 */
export const term5_syncNotAtomic = (cx: Cx, ctx: Ctx): Fail | undefined =>
  client(cx, ctx !== 'atomic' && ctx !== 'hardirq', 'TERM-5', 'terminate_sync from atomic context');

/**
 * TERM-6: do not use the deprecated dmaengine_terminate_all.
 * Source: CR §"Further APIs 1"; DH.
 */
export const term6_noTerminateAll = (cx: Cx): Fail | undefined =>
  client(cx, false, 'TERM-6', 'deprecated terminate_all');

/**
 * TERM-7: terminate stops the active transfer at once and discards pending ones.
 * Source: CR §"Further APIs 1"; PR (device_terminate_all).
 */
export const term7_stopped = (cx: Cx, stillRunning: boolean): Fail | undefined =>
  engine(cx, !stillRunning, 'TERM-7', 'aborted descriptor still active');

/**
 * TERM-8: after terminate_async, synchronize before freeing/unmapping memory of earlier descriptors.
 * Source: CR §"Further APIs 1, 5"; DH.
 */
export const term8_keepUntilSync = (cx: Cx, terminating: boolean): Fail | undefined =>
  client(cx, !terminating, 'TERM-8', 'buffer released between terminate_async and synchronize');

/**
 * TERM-9: non-active descriptors are released during terminate; the active one at terminate or synchronize.
 * Source: VH (vchan_terminate_vdesc, vchan_get_all_descriptors, vchan_synchronize).
 */
export const term9_released = (cx: Cx, ok: boolean, what: string): Fail | undefined =>
  engine(cx, ok, 'TERM-9', what);

/**
 * TERM-10: after terminate (+ synchronize) the channel is reusable and cookies continue.
 * Source: [derived] DE (dma_cookie_assign).
 */
export const term10_counterRule = (afterTerminate: boolean): 'TERM-10' | undefined =>
  afterTerminate ? 'TERM-10' : undefined;

/**
 * TERM-11: terminating a paused channel leaves it not paused.
 * Source: pcm_dmaengine.c; stm32-dma.c [derived].
 */
export const term11_unpaused = (cx: Cx, ok: boolean): Fail | undefined =>
  engine(cx, ok, 'TERM-11', 'channel still paused after terminate');
