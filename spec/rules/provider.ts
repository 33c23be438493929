/**
 * Provider conformance rules (PROV) that a trace can show. Fact sheet §4.
 * @public
 */
import { engine, type Cx, type Fail } from './require.ts';

/**
 * PROV-4: tx_submit only queues; nothing moves during submit.
 * Source: PR (tx_submit); CR §4.
 */
export const prov4_submitOnlyQueues = (cx: Cx, quiet: boolean): Fail | undefined =>
  engine(cx, quiet, 'PROV-4', 'engine activity during submit');

/**
 * PROV-5: terminate works from callbacks without deadlock: it never calls back itself.
 * Source: PR (device_terminate_all); CR §3.
 */
export const prov5_noCallbackInTerminate = (cx: Cx, inTerminate: boolean): Fail | undefined =>
  engine(cx, !inTerminate, 'PROV-5', 'callback invoked from inside terminate');

/**
 * PROV-6: an engine that defers callbacks needs device_synchronize; without it callbacks after synchronize break clients.
 * Source: DH; PR [derived].
 */
export const prov6_deferredNeedsSync = (cx: Cx, late: boolean): Fail | undefined =>
  engine(cx, !late, 'PROV-6', 'callback after synchronize on an engine without device_synchronize');

/**
 * PROV-8: an engine op returns with its channel lock released and never takes a lock it
 * already holds (a recursive spin_lock deadlocks the CPU). Seen through `lock_splat`, the
 * engine's lock debugging (the kernel's spinlock debug / lockdep report).
 * Source: PR (locking in device ops); VH (vc.lock); coh901318 "Fix a double lock bug in dma_tc_handle()".
 */
export const prov8_lockBalanced = (cx: Cx, ok: boolean, why: 'recursion' | 'held_at_return' | undefined): Fail | undefined =>
  engine(cx, ok, 'PROV-8', why === 'recursion' ? 'engine took the channel lock it already held (spinlock recursion)' : 'engine call returned with the channel lock held');
