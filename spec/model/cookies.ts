/**
 * Cookie arithmetic in sequence space. The model numbers the cookies a channel hands
 * out 1, 2, 3, ... (`seq`) and maps them to dma_cookie_t values with the kernel's
 * wrap from INT_MAX to DMA_MIN_COOKIE (CK-2), so ordering questions are integer
 * comparisons.
 * @internal
 */
import { INT_MAX } from '../api/index.ts';
import type { Cookie, DmaStatus } from '../api/index.ts';
import type { Cookies } from './state.ts';
import { withCookies } from './records.ts';

/** dma_cookie_t value of sequence number `seq` (seq 0 = the initial counter value). */
export function cookieOf(ck: Cookies, seq: number): Cookie {
  return ((((ck.b0 - 1 + seq) % INT_MAX) + INT_MAX) % INT_MAX) + 1;
}

/** Largest seq <= `upTo` whose cookie is `v`, or undefined (v < 1 or no such seq >= 0). */
function seqAtMost(ck: Cookies, v: Cookie, upTo: number): number | undefined {
  if (!Number.isInteger(v) || v < 1 || v > INT_MAX || upTo < 0) return undefined;
  const s0 = (((v - ck.b0) % INT_MAX) + INT_MAX) % INT_MAX;
  if (s0 > upTo) return undefined;
  return s0 + Math.floor((upTo - s0) / INT_MAX) * INT_MAX;
}

/** The seq of a cookie handed out in the current hold, or undefined (STAT-2). */
export function seqInHold(ck: Cookies, v: Cookie): number | undefined {
  const s = seqAtMost(ck, v, ck.n);
  return s !== undefined && s > ck.holdStart ? s : undefined;
}

/** Is `v` a possible completed_cookie value (seq in [lo, hi])? */
export function lastPossible(ck: Cookies, v: Cookie): number | undefined {
  const s = seqAtMost(ck, v, ck.hi);
  return s !== undefined && s >= ck.lo ? s : undefined;
}

/** dma_async_is_complete (include/linux/dmaengine.h), STAT-1. */
export function isComplete(cookie: Cookie, last: Cookie, used: Cookie): DmaStatus {
  if (last <= used) return cookie <= last || cookie > used ? 'DMA_COMPLETE' : 'DMA_IN_PROGRESS';
  return cookie <= last && cookie > used ? 'DMA_COMPLETE' : 'DMA_IN_PROGRESS';
}

/** Counters right after dma_cookie_init with `init` (CH-9). */
export function freshCookies(init: Cookie): Cookies {
  return { b0: init, n: 0, lo: 0, hi: 0, holdStart: 0, abortHi: 0, restartOpen: false };
}

/** The allowed values of the next submit's cookie: continue, or restart on a re-request (CH-9). */
export function nextCookies(ck: Cookies, init: Cookie): readonly Cookie[] {
  const cont = cookieOf(ck, ck.n + 1);
  if (!ck.restartOpen) return [cont];
  const restart = cookieOf(freshCookies(init), 1);
  return restart === cont ? [cont] : [cont, restart];
}

/** Counters after a successful submit that returned `v`. */
export function afterSubmit(ck: Cookies, v: Cookie, init: Cookie): Cookies {
  if (ck.restartOpen && v !== cookieOf(ck, ck.n + 1)) return withCookies(freshCookies(init), { n: 1 });
  return withCookies(ck, { n: ck.n + 1, restartOpen: false });
}
