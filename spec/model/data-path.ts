/**
 * Data integrity of one `xfer` (DATA-8, CFG-4): the bytes read from memory for
 * MEM_TO_DEV (pushed into the peripheral FIFO), or the peripheral stream written to
 * memory for DEV_TO_MEM. The DMA must fault rather than touch an unmapped buffer.
 * Hot path: no per-byte objects; the result is a patch the caller applies in one copy.
 * @internal
 */
import { FNV_OFFSET, fnvStep, memPatternByte, periphPatternByte } from '../api/index.ts';
import type { BufId, EngineEvent } from '../api/index.ts';
import { cfg4_prepDirection } from '../rules/config.ts';
import { data8_bytes } from '../rules/data.ts';
import type { Cx, Fail } from '../rules/require.ts';
import { addWrite, bufByte } from './bytes.ts';
import { fifoPush, UNKNOWN_BYTE, type Fifo } from './fifo.ts';
import type { Buf, Chan, Desc, ModelState } from './state.ts';
import { withBuf } from './records.ts';
import { bufOf } from './store.ts';

type Xfer = Extract<EngineEvent, { ev: 'xfer' }>;

/** A run of `len` bytes of buffer `buf` from `off`. */
interface Extent { readonly buf: BufId; readonly off: number; readonly len: number }

/** What one xfer changes besides the descriptor: the FIFO or the stream position, and the buffers written. */
export interface DataPatch {
  readonly fail: Fail | undefined;
  readonly fifo?: Fifo;
  readonly rxPos?: number;
  readonly bufs?: readonly Buf[];
}

const NOTHING: DataPatch = { fail: undefined };

/**
 * The extents of the xfer being judged, reused from one xfer to the next: an xfer is judged
 * once, never inside another, and every reader below consumes them at once (a Write copies
 * the numbers). Saves an array and an object per extent on the model's most frequent entry.
 */
const SCRATCH: { buf: BufId; off: number; len: number }[] = [];

/**
 * Memory extents of bytes [offset, offset+len) of `d`, in order, wrapping at its length.
 * The array and its entries are {@link SCRATCH}: valid until the next call.
 * @internal
 */
export function extents(d: Desc, offset: number, len: number): readonly Extent[] | undefined {
  if (d.len <= 0 || d.segs.length === 0) return undefined;
  const segs = d.segs;
  let n = 0;
  let p = offset % d.len;
  let i = 0;
  let base = 0;
  while (p >= base + segs[i]!.len) { base += segs[i]!.len; i++; if (i === segs.length) return undefined; }
  for (let left = len; left > 0;) {
    if (i === segs.length) { i = 0; base = 0; p = 0; }
    const sg = segs[i]!;
    const m = Math.min(left, base + sg.len - p);
    if (m > 0) {
      const e = SCRATCH[n] ?? (SCRATCH[n] = { buf: 0, off: 0, len: 0 });
      e.buf = sg.buf; e.off = sg.offset + p - base; e.len = m;
      n++;
    }
    left -= m; p += m; base += sg.len; i++;
  }
  if (SCRATCH.length !== n) SCRATCH.length = n;
  return SCRATCH;
}

/**
 * The bytes memory holds at `exts` now (buffers already looked up in `bufs`, same order);
 * UNKNOWN_BYTE for those of a tainted buffer (client UB may have written anything there).
 */
function memBytes(exts: readonly Extent[], bufs: readonly Buf[], total: number): number[] {
  const out = new Array<number>(total);
  let k = 0;
  for (let j = 0; j < exts.length; j++) {
    const e = exts[j]!;
    const b = bufs[j]!;
    if (b.tainted) for (let i = 0; i < e.len; i++) out[k++] = UNKNOWN_BYTE;
    else if (b.writes.length === 0) for (let i = 0; i < e.len; i++) out[k++] = memPatternByte(b.id, e.off + i);
    else for (let i = 0; i < e.len; i++) out[k++] = bufByte(b, e.off + i);
  }
  return out;
}

function fnv(bytes: readonly number[]): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < bytes.length; i++) h = fnvStep(h, bytes[i]!);
  return h;
}

/** FNV-1a of bytes k0 .. k0+len-1 of channel `chan`'s peripheral stream. */
function streamHash(chan: number, k0: number, len: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < len; i++) h = fnvStep(h, periphPatternByte(chan, k0 + i));
  return h;
}

/**
 * An xfer whose bytes the trace does not show (observe.data false): no sums compared; the
 * FIFO (when tracked) gets bytes of unknown value; a DEV_TO_MEM write leaves the buffers'
 * bytes unknown (tainted, so later data checks on them are skipped).
 */
function unseenBytes(cx: Cx, s: ModelState, ch: Chan, d: Desc, ev: Xfer, exts: readonly Extent[]): DataPatch {
  if (d.dir === 'MEM_TO_DEV') {
    if (!s.obs.fifo) return NOTHING;
    const fail = data8_bytes(cx, ch.fifo.length + ev.len <= (s.cfg.slaves[ch.id]?.fifoDepth ?? 0), 'peripheral FIFO overflow');
    return { fail, fifo: fifoPush(ch.fifo, new Array<number>(ev.len).fill(UNKNOWN_BYTE)) };
  }
  return { fail: undefined, bufs: s.bufs.map((b) => (exts.some((e) => e.buf === b.id) && !b.tainted ? withBuf(b, { tainted: true }) : b)) };
}

/** The buffers after a DEV_TO_MEM write of the channel's stream at `exts` (adjacent writes merge in addWrite). */
function written(s: ModelState, ch: Chan, exts: readonly Extent[]): Buf[] {
  const out = s.bufs.slice();
  let k = ch.rxPos;
  for (const e of exts) {
    let i = 0;
    while (i < out.length && out[i]!.id !== e.buf) i++;
    if (i < out.length) out[i] = addWrite(out[i]!, { offset: e.off, len: e.len, chan: ch.id, k });
    k += e.len;
  }
  return out;
}

/** The buffers of the xfer's extents, entry j for extent j, reused like {@link SCRATCH} (read at once by memBytes). */
const BUFS: Buf[] = [];

/** Check the bytes of one xfer; the FIFO / stream / buffer changes it makes. @internal */
export function moveData(cx: Cx, s: ModelState, ch: Chan, d: Desc, ev: Xfer): DataPatch {
  if (d.kind === 'memcpy') return copyData(cx, s, d);
  if (d.dir !== 'MEM_TO_DEV' && d.dir !== 'DEV_TO_MEM') return NOTHING;
  const exts = extents(d, ev.offset, ev.len);
  if (exts === undefined) return NOTHING;
  const bufs = BUFS;
  let okBufs = true;
  let tainted = false;
  for (let j = 0; j < exts.length; j++) {
    const e = exts[j]!;
    const b = bufOf(s, e.buf);
    // A buffer mapped with the client's device (DATA-11, advisory) may be reached or fault: it is tainted.
    if (b === undefined || b.freed || b.mapped === 'no') { okBufs = false; break; }
    tainted ||= b.tainted;
    bufs[j] = b;
  }
  const f0 = data8_bytes(cx, okBufs, 'DMA touched an unmapped or freed buffer');
  if (f0 !== undefined) return { fail: f0 };
  if (!s.obs.data) return unseenBytes(cx, s, ch, d, ev, exts);
  if (d.dir === 'MEM_TO_DEV') {
    const bytes = memBytes(exts, bufs, ev.len);
    const same = tainted || fnv(bytes) === ev.sum;
    // CFG-4 is evaluated on every xfer: did the engine move data in slave_config.direction instead?
    const fail = cfg4_prepDirection(cx, !same && d.cfgDir === 'DEV_TO_MEM' && streamHash(ch.id, ch.rxPos, ev.len) === ev.sum)
      ?? data8_bytes(cx, same, 'xfer bytes differ from the prepared data')
      ?? (s.obs.fifo ? data8_bytes(cx, ch.fifo.length + ev.len <= (s.cfg.slaves[ch.id]?.fifoDepth ?? 0), 'peripheral FIFO overflow') : undefined);
    // Without periph_rx / drain observed the FIFO is not tracked (its draining is unseen).
    return s.obs.fifo ? { fail, fifo: fifoPush(ch.fifo, bytes) } : { fail };
  }
  const same = streamHash(ch.id, ch.rxPos, ev.len) === ev.sum;
  const fail = cfg4_prepDirection(cx, !same && d.cfgDir === 'MEM_TO_DEV' && !tainted && fnv(memBytes(exts, bufs, ev.len)) === ev.sum)
    ?? data8_bytes(cx, same, 'xfer bytes differ from the peripheral stream');
  return { fail, rxPos: ch.rxPos + ev.len, bufs: written(s, ch, exts) };
}

/**
 * One xfer of a memcpy (segs = source, destination): both buffers must be mapped. The
 * copied bytes are not tracked: the destination's contents become unknown (tainted), so
 * later data checks on it are skipped rather than wrong.
 */
function copyData(cx: Cx, s: ModelState, d: Desc): DataPatch {
  const bufs = d.segs.map((g) => bufOf(s, g.buf));
  const fail = data8_bytes(cx, bufs.every((b) => b !== undefined && !b.freed && b.mapped !== 'no'), 'DMA touched an unmapped or freed buffer');
  const dst = d.segs[1]?.buf;
  return { fail, bufs: s.bufs.map((b) => (b.id === dst ? withBuf(b, { tainted: true }) : b)) };
}
