/**
 * The data contract: buffer contents and the hash carried by `xfer` / `periph_rx`
 * events. Implementations compute the same functions themselves (impl/ must not
 * import values from spec/); docs/PROTOCOL.md §Data states them for foreign engines.
 * @public
 */
import type { BufId, ChanId } from './vocabulary.ts';

/** Byte `i` of a freshly allocated client buffer `buf`. */
export function memPatternByte(buf: BufId, i: number): number {
  return (buf * 131 + i * 7 + 1) & 0xff;
}

/** Byte `k` of the stream the peripheral of channel `chan` produces (DEV_TO_MEM source). */
export function periphPatternByte(chan: ChanId, k: number): number {
  return (chan * 53 + k * 13 + 3) & 0xff;
}

export const FNV_OFFSET = 0x811c9dc5;

/** One FNV-1a 32-bit step: fold `byte` into `h`. */
export function fnvStep(h: number, byte: number): number {
  return Math.imul(h ^ byte, 0x01000193) >>> 0;
}

/** FNV-1a 32-bit hash of `bytes`. */
export function fnv1a(bytes: ArrayLike<number>): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < bytes.length; i++) h = fnvStep(h, bytes[i]!);
  return h;
}

/** Kernel prep flag bits (enum dma_ctrl_flags). */
export const DMA_PREP_INTERRUPT = 1 << 0;
export const DMA_CTRL_ACK = 1 << 1;
export const DMA_CTRL_REUSE = 1 << 6;
export const DMA_PREP_REPEAT = 1 << 8;
export const DMA_PREP_LOAD_EOT = 1 << 9;

/** INT_MAX: the cookie counter wraps from here to DMA_MIN_COOKIE (CK-2). */
export const INT_MAX = 0x7fffffff;
export const DMA_MIN_COOKIE = 1;
