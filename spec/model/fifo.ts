/**
 * The peripheral FIFO of a channel (MEM_TO_DEV bytes not yet delivered, DATA-4, DATA-8),
 * as a string of byte char codes: immutable, with O(1) append and drop (V8 ropes and
 * sliced strings), so a push or a drain copies no bytes already queued.
 * @internal
 */
import { FNV_OFFSET, fnvStep } from '../api/index.ts';

/** The FIFO contents, oldest byte first; each char code is one byte. */
export type Fifo = string;

/** The empty FIFO. @internal */
export const EMPTY_FIFO: Fifo = '';

/** `f` with `bytes` appended. @internal */
export function fifoPush(f: Fifo, bytes: readonly number[]): Fifo {
  let add = '';
  for (let i = 0; i < bytes.length; i += 4096) add += String.fromCharCode(...bytes.slice(i, i + 4096));
  return f + add;
}

/** FNV-1a of the oldest `n` bytes (n <= length). @internal */
export function fifoHash(f: Fifo, n: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < n; i++) h = fnvStep(h, f.charCodeAt(i));
  return h;
}

/** `f` without its oldest `n` bytes (all of them if n >= length). @internal */
export function fifoDrop(f: Fifo, n: number): Fifo {
  return n <= 0 ? f : f.slice(n);
}
