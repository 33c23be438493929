/**
 * Buffer contents: the allocation pattern overlaid with DEV_TO_MEM writes of the
 * peripheral stream (spec/api/data.ts).
 * @internal
 */
import { memPatternByte, periphPatternByte } from '../api/index.ts';
import type { Buf, Write } from './state.ts';
import { withBuf } from './records.ts';

/** Byte `off` of buffer `b` as memory holds it now. */
export function bufByte(b: Buf, off: number): number {
  for (let i = b.writes.length - 1; i >= 0; i--) {
    const w = b.writes[i]!;
    if (off >= w.offset && off < w.offset + w.len) return periphPatternByte(w.chan, w.k + off - w.offset);
  }
  return memPatternByte(b.id, off);
}

/** `b` after a DEV_TO_MEM write; adjacent writes of one stream merge, covered ones drop. */
export function addWrite(b: Buf, w: Write): Buf {
  const last = b.writes[b.writes.length - 1];
  const joined = last !== undefined && last.chan === w.chan && last.offset + last.len === w.offset && last.k + last.len === w.k;
  const nw: Write = joined ? { offset: last.offset, len: last.len + w.len, chan: last.chan, k: last.k } : w;
  const n = joined ? b.writes.length - 1 : b.writes.length;
  const kept: Write[] = [];
  for (let i = 0; i < n; i++) {
    const o = b.writes[i]!;
    if (!(o.offset >= nw.offset && o.offset + o.len <= nw.offset + nw.len)) kept.push(o);
  }
  kept.push(nw);
  return withBuf(b, { writes: kept });
}
