import { describe, expect, it } from 'vitest';
import { INT, ACK, Rig, expectRet, fnv, memPattern, streamPattern } from './rig.ts';

describe('slave flow (client guide: request, config, map, prep, submit, issue, irq, tasklet, unmap)', () => {
  it('MEM_TO_DEV moves the buffer bytes into the peripheral and calls back from the tasklet', () => {
    const r = new Rig();
    r.open('tx', 0, 7, 32);
    const cookie = r.queue(0, 1, 7, 0, 12, 'MEM_TO_DEV');
    expect(cookie).toBe(2); // first cookie after dma_cookie_init is 2 (CK-2)
    expect(r.events('hw_start')).toEqual([]); // SUB-1: submit never starts
    r.call({ op: 'issue_pending', chan: 0 });
    expect(r.lines()).toEqual(['hw_start d1']);
    r.env({ op: 'advance', units: 2 }); // 8 bytes
    r.env({ op: 'advance', units: 1 }); // 4 more: done
    const xfers = r.events('xfer');
    expect(xfers.map((x) => [x.offset, x.len])).toEqual([[0, 8], [8, 4]]);
    expect(xfers[0]!.sum).toBe(fnv(memPattern(7, 0, 8)));
    expect(xfers[1]!.sum).toBe(fnv(memPattern(7, 8, 4)));
    expect(xfers[0]!.width).toBe(4);
    expect(r.events('irq_raised')).toHaveLength(1);
    expect(r.events('complete')).toEqual([]); // completion waits for the IRQ handler
    r.env({ op: 'irq', chan: 0 });
    expect(r.events('complete')).toEqual([{ ev: 'complete', chan: 0, desc: 1, cookie: 2 }]);
    expect(r.callbacks()).toEqual([]); // CB-1: never from the hard IRQ
    expectRet(r.call({ op: 'tx_status', chan: 0, cookie, withState: true }), {
      t: 'status', st: { status: 'DMA_COMPLETE', last: 2, used: 2, residue: 0, inFlight: 0 },
    });
    r.env({ op: 'tasklet', chan: 0 });
    expect(r.callbacks()).toEqual([{ chan: 0, desc: 1, fn: 'callback', period: false, ctx: 'tasklet', locksHeld: false }]);
    expect(r.lines().slice(-3)).toEqual(['cb d1', 'cb_ret', 'desc_freed d1']); // CB-16: callback before free
    r.env({ op: 'drain', chan: 0, bytes: 100 });
    expect(r.events('periph_rx')).toEqual([{ ev: 'periph_rx', chan: 0, len: 12, sum: fnv(memPattern(7, 0, 12)) }]);
    expectRet(r.call({ op: 'unmap_buf', buf: 7 }), { t: 'void' });
    expect(r.eng.splats).toEqual([]);
  });

  it('DEV_TO_MEM writes the peripheral stream into memory, byte for byte', () => {
    const r = new Rig();
    r.open('rx', 1, 3, 20);
    r.queue(1, 1, 3, 4, 10, 'DEV_TO_MEM');
    r.call({ op: 'issue_pending', chan: 1 });
    r.env({ op: 'advance', units: 10 });
    const x = r.events('xfer');
    expect(x).toEqual([{ ev: 'xfer', chan: 1, desc: 1, offset: 0, len: 10, sum: fnv(streamPattern(1, 0, 10)), width: 4 }]);
    const bytes = Array.from(r.eng.readBuffer(3)!);
    expect(bytes.slice(4, 14)).toEqual(streamPattern(1, 0, 10));
    expect(bytes.slice(0, 4)).toEqual(memPattern(3, 0, 4)); // untouched around the segment
    expect(bytes.slice(14)).toEqual(memPattern(3, 14, 6));
  });

  it('queues run in issue order, each completion starting the next from the IRQ handler (ISS-3)', () => {
    const r = new Rig();
    r.open('rx', 1, 3, 64);
    const c1 = r.queue(1, 1, 3, 0, 8, 'DEV_TO_MEM');
    const c2 = r.queue(1, 2, 3, 8, 8, 'DEV_TO_MEM');
    r.call({ op: 'issue_pending', chan: 1 });
    r.env({ op: 'advance', units: 100 }); // the channel idles after d1 until the IRQ is handled
    expect(r.events('xfer').map((x) => x.desc)).toEqual([1]);
    expectRet(r.call({ op: 'tx_status', chan: 1, cookie: c2, withState: true }), {
      t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1, used: 3, residue: 8, inFlight: 0 },
    });
    r.env({ op: 'irq', chan: 1 });
    expect(r.lines().slice(-3)).toEqual(['complete d1', 'hw_start d2', 'tasklet_scheduled']);
    r.env({ op: 'advance', units: 2 });
    r.service(1);
    expect(r.callbacks().map((c) => c.desc)).toEqual([1, 2]);
    expect(c1).toBe(2);
    expect(r.events('xfer').map((x) => x.sum)).toEqual([fnv(streamPattern(1, 0, 8)), fnv(streamPattern(1, 8, 8))]);
  });

  it('a callback that preps, submits and issues the next transfer (CB-3)', () => {
    const r = new Rig();
    r.open('tx', 0, 5, 64);
    r.queue(0, 1, 5, 0, 8, 'MEM_TO_DEV');
    r.actions.set(1, (_inv, rig) => {
      expectRet(rig.call({ op: 'prep_slave_sg', chan: 0, desc: 2, sgl: [{ buf: 5, offset: 8, len: 8 }], dir: 'MEM_TO_DEV', flags: INT | ACK }, 'callback'), { t: 'ok' });
      expectRet(rig.call({ op: 'set_callback', desc: 2, fn: 'callback', action: { kind: 'none' } }, 'callback'), { t: 'void' });
      expectRet(rig.call({ op: 'submit', desc: 2 }, 'callback'), { t: 'cookie', v: 3 });
      expectRet(rig.call({ op: 'issue_pending', chan: 0 }, 'callback'), { t: 'void' });
    });
    r.call({ op: 'issue_pending', chan: 0 });
    r.env({ op: 'advance', units: 2 });
    r.service(0);
    expect(r.lines().slice(-4)).toEqual(['cb d1', 'hw_start d2', 'cb_ret', 'desc_freed d1']);
    r.env({ op: 'drain', chan: 0, bytes: 16 });
    r.env({ op: 'advance', units: 2 });
    r.service(0);
    expect(r.callbacks().map((c) => [c.desc, c.locksHeld])).toEqual([[1, false], [2, false]]);
    expect(r.eng.splats).toEqual([]);
  });

  it('seed 000: the MEM_TO_DEV callback runs while the peripheral still holds the last bytes', () => {
    const r = new Rig();
    r.open('tx', 0, 9, 16);
    r.queue(0, 1, 9, 0, 16, 'MEM_TO_DEV');
    r.call({ op: 'issue_pending', chan: 0 });
    r.env({ op: 'advance', units: 4 }); // 16 bytes fill the 16-byte FIFO exactly
    r.service(0);
    expect(r.callbacks().map((c) => c.desc)).toEqual([1]);
    expect(r.events('periph_rx')).toEqual([]); // DATA-4: nothing delivered yet
    r.env({ op: 'drain', chan: 0, bytes: 10 });
    r.env({ op: 'drain', chan: 0, bytes: 10 });
    expect(r.events('periph_rx').map((p) => p.len)).toEqual([10, 6]);
    expect(r.events('periph_rx')[1]!.sum).toBe(fnv(memPattern(9, 10, 6)));
  });

  it('a full peripheral FIFO stalls the channel until drained', () => {
    const r = new Rig();
    r.open('tx', 0, 9, 40);
    r.queue(0, 1, 9, 0, 40, 'MEM_TO_DEV');
    r.call({ op: 'issue_pending', chan: 0 });
    r.env({ op: 'advance', units: 100 });
    expect(r.events('xfer').reduce((n, x) => n + x.len, 0)).toBe(16);
    expect(r.events('irq_raised')).toEqual([]);
    r.env({ op: 'drain', chan: 0, bytes: 16 });
    r.env({ op: 'advance', units: 100 });
    r.env({ op: 'drain', chan: 0, bytes: 16 });
    r.env({ op: 'advance', units: 100 });
    expect(r.events('xfer').reduce((n, x) => n + x.len, 0)).toBe(40);
    expect(r.events('irq_raised')).toHaveLength(1);
    r.call({ op: 'periph_teardown', chan: 0 });
    expect(r.events('periph_lost')).toEqual([{ ev: 'periph_lost', chan: 0, len: 8 }]);
  });

  it('DMA to an unmapped, wrongly mapped or freed buffer is a dma_fault, not a crash', () => {
    const r = new Rig();
    r.open('rx', 1, 1, 8);
    r.call({ op: 'alloc_buf', buf: 2, len: 8 });
    r.call({ op: 'alloc_buf', buf: 3, len: 8 });
    r.call({ op: 'map_buf', chan: 1, buf: 3, dev: 'client' });
    r.queue(1, 1, 1, 0, 8, 'DEV_TO_MEM');
    r.queue(1, 2, 2, 0, 8, 'DEV_TO_MEM');
    r.queue(1, 3, 3, 0, 8, 'DEV_TO_MEM');
    r.call({ op: 'unmap_buf', buf: 1 });
    r.call({ op: 'free_buf', buf: 1 });
    r.call({ op: 'issue_pending', chan: 1 });
    for (let i = 0; i < 3; i++) {
      r.env({ op: 'advance', units: 2 });
      r.env({ op: 'irq', chan: 1 });
    }
    expect(r.events('dma_fault').map((f) => [f.desc, f.buf, f.why])).toEqual([[1, 1, 'freed'], [2, 2, 'unmapped'], [3, 3, 'wrong_device']]);
    expect(Array.from(r.eng.readBuffer(2)!)).toEqual(memPattern(2, 0, 8)); // not written
  });
});
