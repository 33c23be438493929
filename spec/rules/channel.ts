/**
 * Channel rules (CH): request, exclusivity, release. Fact sheet §1.1, §2.1, §2.2.
 * @public
 */
import type { Ctx } from '../api/index.ts';
import { client, engine, type Cx, type Fail } from './require.ts';
import type { RetSpec } from './ret-spec.ts';

const BUSY_ERRS = ['ENODEV', 'EPROBE_DEFER'] as const;
const NULL_CHAN = { rule: 'CH-1', msg: 'dma_request_chan returned NULL' } as const;

/**
 * CH-1/CH-2/CH-4: dma_request_chan returns a channel or ERR_PTR (never NULL); a held channel is never handed out again; failures are ENODEV/EPROBE_DEFER.
 * Source: DC (dma_request_chan, find_candidate, private_candidate); OF.
 */
export function ch4_requestRets(known: boolean, held: boolean): RetSpec {
  if (!known) return { rule: 'CH-4', msg: 'unknown channel name must fail with ENODEV or EPROBE_DEFER', alts: [{ t: 'err', e: BUSY_ERRS }], byKind: { null: NULL_CHAN } };
  if (held) return { rule: 'CH-2', msg: 'a held channel was handed out again', alts: [{ t: 'err', e: BUSY_ERRS }], byKind: { null: NULL_CHAN, err: { rule: 'CH-4', msg: 'a busy channel must fail with ENODEV or EPROBE_DEFER' } } };
  return FREE_CHAN;
}

const FREE_CHAN: RetSpec = {
  rule: 'CH-4', msg: 'request of a free channel returns a channel or ENODEV/EPROBE_DEFER/ENOMEM',
  alts: [{ t: 'ok' }, { t: 'err', e: [...BUSY_ERRS, 'ENOMEM'] }], byKind: { null: NULL_CHAN }, covers: ['CH-2'],
}

/**
 * CH-3: request and release only in process context.
 * Source: DC (dma_request_chan, dma_release_channel); PR (device_alloc_chan_resources).
 */
export const ch3_processContext = (cx: Cx, ctx: Ctx): Fail | undefined =>
  client(cx, ctx !== 'atomic' && ctx !== 'hardirq', 'CH-3', 'request/release outside process context');

/**
 * CH-5: release exactly once, with the single reference held.
 * Source: DC (dma_release_channel).
 */
export const ch5_releaseOnce = (cx: Cx, held: boolean, everHeld: boolean): Fail | undefined =>
  client(cx, held || !everHeld, 'CH-5', 'channel released twice');

/**
 * CH-6: the last release synchronizes and frees the channel; afterwards the engine does nothing on it.
 * Source: DC (dma_chan_put).
 */
export const ch6_quietAfterRelease = (cx: Cx, held: boolean): Fail | undefined =>
  engine(cx, held, 'CH-6', 'engine activity on a channel that is not held');

/**
 * CH-6: the last release runs dmaengine_synchronize, so a completed descriptor's owed callback runs before release frees it.
 * Source: DC (dma_chan_put); VH (vchan_synchronize).
 */
export const ch6_releaseSynchronizes = (cx: Cx, callbackRan: boolean): Fail | undefined =>
  engine(cx, callbackRan, 'CH-6', 'release freed a completed descriptor before its owed callback ran');

/**
 * CH-7: stop all transfers before releasing the channel.
 * Source: [derived] DC (dma_chan_put); DH (dmaengine_synchronize).
 */
export const ch7_idleAtRelease = (cx: Cx, busy: boolean): Fail | undefined =>
  client(cx, !busy, 'CH-7', 'release with transfers outstanding');

/**
 * CH-8: after release, the channel, its descriptors and cookies must not be used.
 * Source: [derived] CR §1.
 */
export const ch8_heldForUse = (cx: Cx, held: boolean): Fail | undefined =>
  client(cx, held, 'CH-8', 'channel used while not held');

/**
 * CH-9: cookie counters start at cookieInit; on a re-request they may restart or continue.
 * Source: DE (dma_cookie_init); VC (vchan_init); pl330.c.
 */
export const ch9_firstCookieRule = (firstHold: boolean, n: number): 'CH-9' | undefined =>
  firstHold && n === 0 ? 'CH-9' : undefined;

/**
 * CH-10: a re-requested channel carries none of the previous holder's state; a prep made
 * without a slave config gets the driver's defaults (width UNDEFINED, reported 0).
 * Source: DC (dma_chan_put → device_free_chan_resources); stm32-dma 5d4d4dfbda18 [derived].
 */
export const ch10_freshAfterRerequest = (cx: Cx, widthOk: boolean): Fail | undefined =>
  engine(cx, widthOk, 'CH-10', 'unconfigured prep on a re-requested channel moved data with a width it did not configure (an earlier holder\'s config survived release)');
