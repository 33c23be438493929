/**
 * Cookie arithmetic (drivers/dma/dmaengine.h, include/linux/dmaengine.h): assignment
 * with the INT_MAX → DMA_MIN_COOKIE wrap (CK-2) and dma_async_is_complete (STAT-1).
 * @internal
 */
import type { Cookie, DmaStatus } from '../../spec/api/index.ts';
import { DMA_MIN_COOKIE, INT_MAX } from '../lib/kernel-constants.ts';

/** The cookie after `prev` (dma_cookie_assign): s32 overflow lands below DMA_MIN_COOKIE → 1. */
export function nextCookie(prev: Cookie, wrapBug: boolean): Cookie {
  if (wrapBug) return (prev + 1) | 0;
  return prev >= INT_MAX ? DMA_MIN_COOKIE : prev + 1;
}

/** dma_async_is_complete(cookie, last_complete, last_used): COMPLETE or IN_PROGRESS only. */
export function isComplete(cookie: Cookie, last: Cookie, used: Cookie): DmaStatus {
  if (last <= used) {
    if (cookie <= last || cookie > used) return 'DMA_COMPLETE';
  } else if (cookie <= last && cookie > used) return 'DMA_COMPLETE';
  return 'DMA_IN_PROGRESS';
}
