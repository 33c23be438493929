/**
 * The data contract, computed independently of spec/api/data.ts (docs/SEMANTICS.md §Data):
 * buffer and peripheral-stream patterns and the FNV-1a 32-bit hash carried by `xfer`.
 * @internal
 */
import type { BufId, ChanId } from '../../spec/api/index.ts';

/** Byte `i` of a freshly allocated buffer `buf`. */
export function memByte(buf: BufId, i: number): number {
  return (buf * 131 + i * 7 + 1) & 0xff;
}

/** Byte `k` of the DEV_TO_MEM stream of channel `chan`'s peripheral. */
export function periphByte(chan: ChanId, k: number): number {
  return (chan * 53 + k * 13 + 3) & 0xff;
}

/** FNV-1a 32-bit offset basis. */
export const FNV_BASIS = 0x811c9dc5;

/** FNV-1a over `bytes[from, to)`. */
export function fnvRange(bytes: Uint8Array, from: number, to: number, h: number = FNV_BASIS): number {
  let x = h;
  for (let i = from; i < to; i++) x = Math.imul(x ^ bytes[i]!, 0x01000193) >>> 0;
  return x;
}

/** FNV-1a of a whole byte array. */
export function fnv(bytes: Uint8Array): number {
  return fnvRange(bytes, 0, bytes.length);
}
