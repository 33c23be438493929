/**
 * The peripheral FIFO of a channel (MEM_TO_DEV bytes not yet delivered, DATA-4, DATA-8),
 * as a string of byte char codes: immutable, with O(1) append and drop (V8 ropes and
 * sliced strings), so a push or a drain copies no bytes already queued. Bytes of unknown
 * content are kept as {@link UNKNOWN_BYTE}.
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

/**
 * A byte whose value the model does not know: read from a buffer tainted by client UB
 * (a poisoned channel may have written it). Outside 0..255, so it never equals a real byte.
 * @internal
 */
export const UNKNOWN_BYTE = 0x100;

/**
 * Could the oldest `n` bytes (n <= length) have FNV-1a `sum`? Any sum when one of them is
 * unknown (DATA-8 then judges nothing for this drain).
 * @internal
 */
export function fifoMatches(f: Fifo, n: number, sum: number): boolean {
  let h = FNV_OFFSET;
  for (let i = 0; i < n; i++) {
    const c = f.charCodeAt(i);
    if (c === UNKNOWN_BYTE) return true;
    h = fnvStep(h, c);
  }
  return h === sum;
}

/** `f` without its oldest `n` bytes (all of them if n >= length). @internal */
export function fifoDrop(f: Fifo, n: number): Fifo {
  return n <= 0 ? f : f.slice(n);
}
