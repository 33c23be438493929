/**
 * Data integrity of one `xfer` (DATA-8, CFG-4): the bytes read from memory for
 * MEM_TO_DEV (pushed into the peripheral FIFO), or the peripheral stream written to
 * memory for DEV_TO_MEM. The DMA must fault rather than touch an unmapped buffer.
 * @internal
 */
import type { EngineEvent } from '../api/index.ts';
import { cfg4_prepDirection } from '../rules/config.ts';
import { data8_bytes } from '../rules/data.ts';
import type { Cx } from '../rules/require.ts';
import { addWrite, bufByte, hash, periphBytes, span } from './bytes.ts';
import type { Out } from './ops.ts';
import type { Buf, Chan, Desc, ModelState } from './state.ts';
import { bufOf, setBuf, setChan } from './store.ts';

type Xfer = Extract<EngineEvent, { ev: 'xfer' }>;

/** Check the bytes of one xfer and apply them to the FIFO / buffers. @internal */
export function moveData(cx: Cx, s: ModelState, ch: Chan, d: Desc, ev: Xfer): Out {
  if (d.dir !== 'MEM_TO_DEV' && d.dir !== 'DEV_TO_MEM') return { s };
  const locs = span(d, ev.offset, ev.len);
  if (locs === undefined) return { s };
  const bufs: Buf[] = [];
  let okBufs = true;
  for (const l of locs) {
    if (bufs.some((b) => b.id === l.buf)) continue;
    const b = bufOf(s, l.buf);
    if (b === undefined || b.freed || b.mapped !== 'dma') okBufs = false;
    else bufs.push(b);
  }
  const f0 = data8_bytes(cx, okBufs, 'DMA touched an unmapped or freed buffer');
  if (f0 !== undefined) return { s, fail: f0 };
  const tainted = bufs.some((b) => b.tainted);
  const mem = (): number[] => locs.map((l) => bufByte(bufs.find((b) => b.id === l.buf)!, l.off));
  const dev = periphBytes(ch.id, ch.rxPos, ev.len);
  if (d.dir === 'MEM_TO_DEV') {
    const bytes = mem();
    const same = tainted || hash(bytes) === ev.sum;
    // CFG-4 is evaluated on every xfer: did the engine move data in slave_config.direction instead?
    const fail = cfg4_prepDirection(cx, !same && d.cfgDir === 'DEV_TO_MEM' && hash(dev) === ev.sum)
      ?? data8_bytes(cx, same, 'xfer bytes differ from the prepared data');
    const depth = s.cfg.slaves[ch.id]?.fifoDepth ?? 0;
    const over = data8_bytes(cx, ch.fifo.length + ev.len <= depth, 'peripheral FIFO overflow');
    const nch: Chan = { ...ch, fifo: [...ch.fifo, ...bytes], fifoOwed: true, syncAfterPush: false };
    return { s: setChan(s, nch), fail: fail ?? over };
  }
  const same = hash(dev) === ev.sum;
  const fail = cfg4_prepDirection(cx, !same && d.cfgDir === 'MEM_TO_DEV' && !tainted && hash(mem()) === ev.sum)
    ?? data8_bytes(cx, same, 'xfer bytes differ from the peripheral stream');
  let ns = setChan(s, { ...ch, rxPos: ch.rxPos + ev.len });
  let i = 0;
  while (i < locs.length) {
    const start = locs[i]!;
    let n = 1;
    while (i + n < locs.length && locs[i + n]!.buf === start.buf && locs[i + n]!.off === start.off + n) n++;
    const b = bufOf(ns, start.buf);
    if (b !== undefined) ns = setBuf(ns, addWrite(b, { offset: start.off, len: n, chan: ch.id, k: ch.rxPos + i }));
    i += n;
  }
  return { s: ns, fail };
}
