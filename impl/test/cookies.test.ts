import { describe, expect, it } from 'vitest';
import { Rig, baseConfig, expectRet } from './rig.ts';

const INT_MAX = 0x7fffffff;

describe('cookies', () => {
  it('wrap from INT_MAX to 1 and dma_async_is_complete across the wrap (CK-2, STAT-1)', () => {
    const r = new Rig(baseConfig({ cookieInit: INT_MAX - 1 }));
    r.open('rx', 1, 1, 64);
    const c = [1, 2, 3].map((d) => r.queue(1, d, 1, (d - 1) * 8, 8, 'DEV_TO_MEM'));
    expect(c).toEqual([INT_MAX, 1, 2]);
    r.call({ op: 'issue_pending', chan: 1 });
    r.env({ op: 'advance', units: 2 });
    r.service(1);
    // last = INT_MAX, used = 2: the wrapped branch
    expectRet(r.call({ op: 'is_tx_complete', chan: 1, cookie: INT_MAX }), { t: 'status', st: { status: 'DMA_COMPLETE', last: INT_MAX, used: 2 } });
    expectRet(r.call({ op: 'is_tx_complete', chan: 1, cookie: 1 }), { t: 'status', st: { status: 'DMA_IN_PROGRESS', last: INT_MAX, used: 2 } });
    r.env({ op: 'advance', units: 2 });
    r.service(1);
    expectRet(r.call({ op: 'tx_status', chan: 1, cookie: 1, withState: false }), { t: 'status', st: { status: 'DMA_COMPLETE' } });
    expectRet(r.call({ op: 'tx_status', chan: 1, cookie: 2, withState: true }), {
      t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1, used: 2, residue: 8, inFlight: 0 }, // active, nothing moved yet
    });
  });

  it('never-issued, zero and negative cookies read COMPLETE (STAT-2); submitted-not-issued residue is 0 (STAT-12)', () => {
    const r = new Rig();
    r.open('rx', 1, 1, 64);
    const c = r.queue(1, 1, 1, 0, 8, 'DEV_TO_MEM');
    for (const k of [0, -5, c + 10]) expect(r.call({ op: 'tx_status', chan: 1, cookie: k, withState: false })).toEqual({ t: 'status', st: { status: 'DMA_COMPLETE' } });
    expectRet(r.call({ op: 'tx_status', chan: 1, cookie: c, withState: true }), {
      t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1, used: 2, residue: 0, inFlight: 0 },
    });
  });

  it('aborted cookies stay IN_PROGRESS after terminate (Q1 bcm2835 style) and counting continues (TERM-10)', () => {
    const r = new Rig();
    r.open('rx', 1, 1, 64);
    const c = r.queue(1, 1, 1, 0, 40, 'DEV_TO_MEM');
    r.call({ op: 'issue_pending', chan: 1 });
    r.env({ op: 'advance', units: 1 });
    expectRet(r.call({ op: 'terminate_sync', chan: 1 }), { t: 'int', v: 0 });
    expect(r.call({ op: 'tx_status', chan: 1, cookie: c, withState: false })).toEqual({ t: 'status', st: { status: 'DMA_IN_PROGRESS' } });
    expect(r.queue(1, 2, 1, 0, 8, 'DEV_TO_MEM')).toBe(c + 1);
  });

  it('cookies continue across release and re-request (CH-9, vchan_init at probe)', () => {
    const r = new Rig();
    r.open('rx', 1, 1, 64);
    r.queue(1, 1, 1, 0, 8, 'DEV_TO_MEM');
    r.call({ op: 'release_channel', chan: 1 });
    expect(r.events('desc_freed').map((d) => d.desc)).toEqual([1]);
    expectRet(r.call({ op: 'request_chan', name: 'rx' }), { t: 'ok' });
    expect(r.queue(1, 2, 1, 0, 8, 'DEV_TO_MEM')).toBe(3);
  });

  it('NO_ORDER engines report DMA_OUT_OF_ORDER (CK-6, idxd style)', () => {
    const r = new Rig(baseConfig({}, { completionNoOrder: true }));
    r.open('rx', 1, 1, 64);
    const c = r.queue(1, 1, 1, 0, 8, 'DEV_TO_MEM');
    expect(r.call({ op: 'tx_status', chan: 1, cookie: c, withState: false })).toEqual({ t: 'status', st: { status: 'DMA_OUT_OF_ORDER' } });
  });
});
