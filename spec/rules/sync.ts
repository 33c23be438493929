/**
 * Synchronize rules (SYNC). Fact sheet §2.12.
 * @public
 */
import type { Ctx } from '../api/index.ts';
import { client, engine, type Cx, type Fail } from './require.ts';

/**
 * SYNC-1: without device_synchronize, synchronize does nothing.
 * Source: DH (dmaengine_synchronize).
 */
export const sync1_noopWithoutOp = (cx: Cx, quiet: boolean): Fail | undefined =>
  engine(cx, quiet, 'SYNC-1', 'synchronize without device_synchronize did something');

/**
 * SYNC-2: call synchronize only from non-atomic context.
 * Source: CR §"Further APIs 5"; DH.
 */
export const sync2_notAtomic = (cx: Cx, ctx: Ctx): Fail | undefined =>
  client(cx, ctx !== 'atomic' && ctx !== 'hardirq', 'SYNC-2', 'synchronize from atomic context');

/**
 * SYNC-3: issue_pending between terminate_async and synchronize makes synchronize undefined.
 * Source: CR §"Further APIs 5"; DH.
 */
export const sync3_noIssueBetween = (cx: Cx, issued: boolean): Fail | undefined =>
  client(cx, !issued, 'SYNC-3', 'issue_pending between terminate_async and synchronize');

/**
 * SYNC-4: after synchronize the controller no longer touches earlier descriptors.
 * Source: DH; PR (device_synchronize).
 */
export const sync4_quietAfterSync = (cx: Cx, late: boolean): Fail | undefined =>
  engine(cx, !late, 'SYNC-4', 'activity of an earlier descriptor after synchronize');

/**
 * SYNC-5: [vchan] synchronize waits for a scheduled tasklet: its callbacks have run when it returns.
 * Source: VH (vchan_synchronize).
 */
export const sync5_taskletFlushed = (cx: Cx, flushed: boolean): Fail | undefined =>
  engine(cx, flushed, 'SYNC-5', 'synchronize returned with callbacks still pending');

/**
 * SYNC-6: synchronize does not wait for the peripheral FIFO; tearing it down then loses data.
 * Source: PR (device_synchronize) [derived]; seed 000.
 */
export const sync6_peripheralNotDrained = (cx: Cx, holdsData: boolean): Fail | undefined =>
  client(cx, !holdsData, 'SYNC-6', 'peripheral torn down after synchronize while it still holds data');

/**
 * SYNC-7: after terminate_async (or terminate_all) no new work starts on the channel until
 * synchronize or terminate_sync has returned. The breach is the issue_pending that starts
 * newly submitted descriptors: the call the dmaengine_synchronize kernel-doc makes undefined
 * and the one that hands the new work to a controller whose termination may still be in
 * progress (imx-sdma frees it from its deferred terminate worker). It fires at that call, so
 * a later terminate cannot launder it (the ALSA XRUN path, fixed by e8343410ddf0).
 * Source: DH (dmaengine_terminate_async, dmaengine_synchronize); imx-sdma.c; pcm_dmaengine.c.
 */
export const sync7_noNewWorkBeforeSync = (cx: Cx, newWorkWhileTerminating: boolean): Fail | undefined =>
  client(cx, !newWorkWhileTerminating, 'SYNC-7', 'new work issued after terminate_async before synchronize');
