/**
 * The data a descriptor moves: its byte sequence (segments concatenated in order,
 * wrapping for cyclic / repeated transfers), buffer contents (the allocation pattern
 * overlaid with DEV_TO_MEM writes) and the peripheral stream (spec/api/data.ts).
 * @internal
 */
import { FNV_OFFSET, fnvStep, memPatternByte, periphPatternByte } from '../api/index.ts';
import type { BufId, ChanId } from '../api/index.ts';
import type { Buf, Desc, Write } from './state.ts';

/** Byte `off` of buffer `b` as memory holds it now. */
export function bufByte(b: Buf, off: number): number {
  for (let i = b.writes.length - 1; i >= 0; i--) {
    const w = b.writes[i]!;
    if (off >= w.offset && off < w.offset + w.len) return periphPatternByte(w.chan, w.k + off - w.offset);
  }
  return memPatternByte(b.id, off);
}

/** Memory location of byte `p` (0 <= p < d.len) of descriptor `d`. */
function locate(d: Desc, p: number): { readonly buf: BufId; readonly off: number } | undefined {
  let base = 0;
  for (const sg of d.segs) {
    if (p < base + sg.len) return { buf: sg.buf, off: sg.offset + p - base };
    base += sg.len;
  }
  return undefined;
}

/** The memory locations of bytes [offset, offset+len) of `d` (wrapping for looping descriptors). */
export function span(d: Desc, offset: number, len: number): readonly { readonly buf: BufId; readonly off: number }[] | undefined {
  const out: { buf: BufId; off: number }[] = [];
  for (let i = 0; i < len; i++) {
    const at = locate(d, (offset + i) % d.len);
    if (at === undefined) return undefined;
    out.push(at);
  }
  return out;
}

/** Bytes k0 .. k0+len-1 of channel `chan`'s peripheral stream. */
export function periphBytes(chan: ChanId, k0: number, len: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < len; i++) out.push(periphPatternByte(chan, k0 + i));
  return out;
}

/** FNV-1a of a byte list. */
export function hash(bytes: readonly number[]): number {
  let h = FNV_OFFSET;
  for (const x of bytes) h = fnvStep(h, x);
  return h;
}

/** `b` after a DEV_TO_MEM write; adjacent writes of one stream merge, covered ones drop. */
export function addWrite(b: Buf, w: Write): Buf {
  const last = b.writes[b.writes.length - 1];
  const joined = last !== undefined && last.chan === w.chan && last.offset + last.len === w.offset && last.k + last.len === w.k;
  const nw: Write = joined ? { ...last, len: last.len + w.len } : w;
  const older = joined ? b.writes.slice(0, -1) : b.writes;
  const kept = older.filter((o) => !(o.offset >= nw.offset && o.offset + o.len <= nw.offset + nw.len));
  kept.push(nw);
  return { ...b, writes: kept };
}
