import { describe, expect, it } from 'vitest';
import { ACK, baseConfig, INT, Rig } from './rig.ts';

// dma_request_channel(DMA_MEMCPY) and dmaengine_prep_dma_memcpy on the built-in engine.
const cfg = baseConfig({ slaves: [
  { name: 'tx', directions: ['MEM_TO_DEV'], fifoDepth: 16 },
  { name: 'm2m-a', directions: ['MEM_TO_MEM'], fifoDepth: 0 },
  { name: 'm2m-b', directions: ['MEM_TO_MEM'], fifoDepth: 0 },
] });

describe('memcpy channels', () => {
  it('request_channel hands out the free memcpy channels in order, then NULL', () => {
    const r = new Rig(cfg);
    expect(r.call({ op: 'request_channel', mask: 'memcpy' })).toEqual({ t: 'ok' });
    expect(r.eng.call({ op: 'prep_memcpy', chan: 2, desc: 9, dst: { buf: 1, offset: 0 }, src: { buf: 1, offset: 0 }, len: 1, flags: INT }, 'process')).toEqual({ t: 'null' });
    expect(r.call({ op: 'request_channel', mask: 'memcpy' })).toEqual({ t: 'ok' });
    expect(r.call({ op: 'request_channel', mask: 'memcpy' })).toEqual({ t: 'null' });
    expect(r.call({ op: 'request_channel', mask: 'slave' })).toEqual({ t: 'ok' });
  });

  it('copies the source bytes into the destination and completes with an interrupt', () => {
    const r = new Rig(cfg);
    r.call({ op: 'request_channel', mask: 'memcpy' });
    for (const buf of [1, 2]) {
      r.call({ op: 'alloc_buf', buf, len: 100 });
      r.call({ op: 'map_buf', chan: 1, buf, dev: 'dma' });
    }
    expect(r.call({ op: 'prep_memcpy', chan: 1, desc: 1, dst: { buf: 2, offset: 10 }, src: { buf: 1, offset: 0 }, len: 64, flags: INT | ACK })).toEqual({ t: 'ok' });
    expect(r.call({ op: 'prep_memcpy', chan: 0, desc: 2, dst: { buf: 2, offset: 0 }, src: { buf: 1, offset: 0 }, len: 64, flags: INT | ACK })).toEqual({ t: 'null' });
    expect(r.call({ op: 'prep_memcpy', chan: 1, desc: 3, dst: { buf: 2, offset: 90 }, src: { buf: 1, offset: 0 }, len: 64, flags: INT | ACK })).toEqual({ t: 'null' });
    r.call({ op: 'submit', desc: 1 });
    r.call({ op: 'issue_pending', chan: 1 });
    r.env({ op: 'advance', units: 100 });
    const src = r.eng.readBuffer(1)!;
    const dst = r.eng.readBuffer(2)!;
    expect([...dst.slice(10, 74)]).toEqual([...src.slice(0, 64)]);
    expect(r.events('xfer').every((x) => x.width === 0)).toBe(true);
    expect(r.events('irq_raised')).toHaveLength(1);
  });
});
