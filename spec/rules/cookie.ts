/**
 * Cookie rules (CK). Fact sheet §1.4.
 * @public
 */
import type { Cookie, Ret, RuleId } from '../api/index.ts';
import { client, engine, type Cx, type Fail } from './require.ts';
import type { RetAlt, RetSpec } from './ret-spec.ts';

/**
 * CK-1: dma_cookie_t is s32; a successful submit returns a cookie >= 1, an error is negative.
 * Source: DH (dma_cookie_t, dma_submit_error).
 */
export const ck1_cookieSign = (cx: Cx, r: Ret): Fail | undefined =>
  engine(cx, r.t !== 'cookie' || r.v >= 1, 'CK-1', 'submit returned a cookie < 1');

/**
 * CK-2/SUB-3: next cookie = previous + 1, wrapping INT_MAX -> 1; submit cannot fail except EBUSY behind a queued cyclic.
 * Source: DE (dma_cookie_assign); VC (vchan_tx_submit); xilinx_dma.c.
 */
export function ck2_submitRets(next: readonly Cookie[], busyOk: boolean, cookieRule: RuleId): RetSpec {
  const alts: RetAlt[] = [{ t: 'cookie', v: next }];
  if (busyOk) alts.push({ t: 'err', e: ['EBUSY'] });
  return { rule: 'SUB-3', msg: 'submit failed although it cannot', alts, byKind: { cookie: { rule: cookieRule, msg: 'submit returned the wrong cookie' } } };
}

/**
 * CK-3: the cookie completed is the one submit returned.
 * Source: DE (dma_cookie_assign); VC (vchan_tx_submit).
 */
export const ck3_completeCookie = (cx: Cx, got: Cookie, want: Cookie): Fail | undefined =>
  engine(cx, got === want, 'CK-3', 'complete reports a cookie other than the one submit returned');

/**
 * CK-4: a descriptor is completed once (dma_cookie_complete BUGs on a second completion).
 * Source: DE (dma_cookie_complete).
 */
export const ck4_completeOnce = (cx: Cx, once: boolean): Fail | undefined =>
  engine(cx, once, 'CK-4', 'descriptor completed twice');

/**
 * CK-5: cookies complete in submission order unless DMA_COMPLETION_NO_ORDER.
 * Source: PR (DMA_COMPLETION_NO_ORDER); DE [derived].
 */
export const ck5_inOrder = (cx: Cx, inOrder: boolean): Fail | undefined =>
  engine(cx, inOrder, 'CK-5', 'cookie completed out of submission order');

/**
 * CK-6: with DMA_COMPLETION_NO_ORDER the cookie/status API is invalid.
 * Source: PR (DMA_COMPLETION_NO_ORDER).
 */
export const ck6_noCookieApiWithoutOrder = (cx: Cx, noOrder: boolean): Fail | undefined =>
  client(cx, !noOrder, 'CK-6', 'cookie status API used with DMA_COMPLETION_NO_ORDER');
