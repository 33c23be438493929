/**
 * Callback rules (CB). Fact sheet §3.
 * @public
 */
import type { Ctx } from '../api/index.ts';
import { client, engine, type Cx, type Fail } from './require.ts';

/**
 * CB-1: callbacks run from the engine's tasklet (softirq), never from hard IRQ or the caller's context.
 * Source: CR §3 note; AT §4.1.
 */
export const cb1_fromTasklet = (cx: Cx, ok: boolean): Fail | undefined =>
  engine(cx, ok, 'CB-1', 'callback outside tasklet context');

/**
 * CB-2: the engine releases its locks before invoking a callback.
 * Source: CR §3 note; VC (vchan_complete).
 */
export const cb2_locksDropped = (cx: Cx, locksHeld: boolean): Fail | undefined =>
  engine(cx, !locksHeld, 'CB-2', 'callback invoked with engine locks held');

/**
 * CB-6: a callback must not sleep: no synchronize, terminate_sync, release or request.
 * Source: CR §"Further APIs 1, 5"; DH [derived].
 */
export const cb6_noSleepInCallback = (cx: Cx, ctx: Ctx): Fail | undefined =>
  client(cx, ctx !== 'callback', 'CB-6', 'sleeping call from a callback');

/**
 * CB-7: if callback_result is set only it is called; else callback; never a callback that is not set.
 * Source: DE (dmaengine_desc_callback_invoke).
 */
export const cb7_whichPointer = (cx: Cx, ok: boolean): Fail | undefined =>
  engine(cx, ok, 'CB-7', 'wrong callback pointer invoked');

/**
 * CB-8: a descriptor's callback runs only after its cookie was marked complete, once.
 * Source: VH (vchan_cookie_complete); VC (vchan_complete).
 */
export const cb8_afterComplete = (cx: Cx, ok: boolean): Fail | undefined =>
  engine(cx, ok, 'CB-8', 'callback before completion');

/**
 * CB-9: callbacks of one channel are serialized and follow completion order.
 * Source: VC (vchan_complete) [derived].
 */
export const cb9_completionOrder = (cx: Cx, ok: boolean): Fail | undefined =>
  engine(cx, ok, 'CB-9', 'callbacks out of completion order');

/**
 * CB-10: [vchan] in one tasklet run the cyclic period callback comes before completed descriptors' callbacks.
 * Source: VC (vchan_complete).
 */
export const cb10_cyclicFirst = (cx: Cx, ok: boolean): Fail | undefined =>
  engine(cx, ok, 'CB-10', 'period callback after a completion callback in one tasklet run');

/**
 * CB-11: period callbacks may be coalesced but never exceed the periods signalled.
 * Source: VH (vchan_cyclic_callback); pcm_dmaengine.c [derived].
 */
export const cb11_periodsCoalesced = (cx: Cx, ok: boolean): Fail | undefined =>
  engine(cx, ok, 'CB-11', 'period callback without an elapsed period');

/**
 * CB-12: no callback is invoked for a transfer aborted by terminate.
 * Source: CR §"Further APIs 1"; PR (device_terminate_all).
 */
export const cb12_noneForAborted = (cx: Cx, aborted: boolean): Fail | undefined =>
  engine(cx, !aborted, 'CB-12', 'callback for an aborted transfer');

/**
 * CB-13: terminate drops callbacks not yet taken by the tasklet and cancels a pending period callback.
 * Source: VH (vchan_get_all_descriptors, vchan_terminate_vdesc); VC [derived].
 */
export const cb13_droppedByTerminate = (cx: Cx, dropped: boolean): Fail | undefined =>
  engine(cx, !dropped, 'CB-13', 'callback that terminate dropped still ran');

/**
 * CB-14: after synchronize returns no callback of an earlier descriptor runs.
 * Source: CR §"Further APIs 1, 5"; DH; PR (device_synchronize).
 */
export const cb14_noneAfterSync = (cx: Cx, late: boolean): Fail | undefined =>
  engine(cx, !late, 'CB-14', 'callback after synchronize');

/**
 * CB-15: keep everything a callback touches alive until synchronize / terminate_sync returned.
 * Source: CR §"Further APIs 1, 5".
 */
export const cb15_callbackResourcesAlive = (cx: Cx, stillNeeded: boolean): Fail | undefined =>
  client(cx, !stillNeeded, 'CB-15', 'freed a buffer a pending callback uses');

/**
 * CB-16: [vchan] the callback of a descriptor runs before it is freed or recycled.
 * Source: VC (vchan_complete, recent).
 */
export const cb16_callbackBeforeFree = (cx: Cx, ok: boolean, what: string): Fail | undefined =>
  engine(cx, ok, 'CB-16', what);
