import { describe, expect, it } from 'vitest';
import { INT, ACK, LOAD_EOT, REPEAT, Rig, baseConfig, expectRet, fnv, memPattern } from './rig.ts';

describe('cyclic (audio-like loop)', () => {
  it('period callbacks, coalesced per tasklet run; terminate_async in the callback, synchronize from process', () => {
    const r = new Rig(baseConfig({ residueGranularity: 'segment' }));
    r.open('duplex', 2, 4, 32);
    expectRet(r.call({ op: 'prep_cyclic', chan: 2, desc: 1, buf: 4, bufLen: 32, periodLen: 8, dir: 'MEM_TO_DEV', flags: INT | ACK }), { t: 'ok' });
    r.call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } });
    const cookie = (r.call({ op: 'submit', desc: 1 }) as { v: number }).v;
    r.call({ op: 'issue_pending', chan: 2 });
    r.env({ op: 'advance', units: 2 }); // one period
    expect(r.events('irq_raised')).toHaveLength(1);
    r.service(2);
    expect(r.lines().filter((l) => l.startsWith('period') || l.startsWith('cb '))).toEqual(['period d1', 'cb d1 period']);
    r.env({ op: 'drain', chan: 2, bytes: 64 });
    r.env({ op: 'advance', units: 4 }); // two more periods before the IRQ runs
    r.service(2);
    expect(r.events('period')).toHaveLength(3);
    expect(r.callbacks()).toHaveLength(2); // CB-11: at most one per tasklet run
    expect(r.callbacks()[1]).toEqual({ chan: 2, desc: 1, fn: 'callback', period: true, ctx: 'tasklet', locksHeld: false });
    // CYC-4: never complete; residue relative to the whole buffer, whole periods only (segment)
    r.env({ op: 'advance', units: 1 }); // half a period into the 4th
    expectRet(r.call({ op: 'tx_status', chan: 2, cookie, withState: true }), {
      t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1, used: 2, residue: 8, inFlight: 0 },
    });
    // the wrap: offsets restart at 0 after bufLen
    r.env({ op: 'drain', chan: 2, bytes: 64 });
    r.env({ op: 'advance', units: 3 });
    const x = r.events('xfer');
    expect(x.slice(-2).map((e) => [e.offset, e.len])).toEqual([[28, 4], [0, 8]]);
    expect(x[x.length - 1]!.sum).toBe(fnv(memPattern(4, 0, 8)));
    // stop from inside the next period callback (CB-5, CYC-5)
    r.actions.set(1, (_inv, rig) => expectRet(rig.call({ op: 'terminate_async', chan: 2 }, 'callback'), { t: 'int', v: 0 }));
    r.service(2);
    expect(r.events('desc_freed')).toEqual([]); // parked until synchronize (TERM-9 engine default)
    r.env({ op: 'advance', units: 10 });
    r.service(2);
    const before = r.log.length;
    r.call({ op: 'synchronize', chan: 2 });
    expect(r.lines().slice(before)).toEqual(['desc_freed d1']);
    r.env({ op: 'advance', units: 10 });
    r.service(2);
    expect(r.log.length).toBe(before + 1); // SYNC-4: nothing moves or calls back afterwards
    expect(r.eng.splats).toEqual([]);
  });

  it('cyclic keeps running and later issued work waits (ISS-5); period not dividing the buffer is NULL', () => {
    const r = new Rig();
    r.open('rx', 1, 4, 64);
    expectRet(r.call({ op: 'prep_cyclic', chan: 1, desc: 1, buf: 4, bufLen: 30, periodLen: 8, dir: 'DEV_TO_MEM', flags: INT }), { t: 'null' });
    expectRet(r.call({ op: 'prep_cyclic', chan: 1, desc: 1, buf: 4, bufLen: 32, periodLen: 0, dir: 'DEV_TO_MEM', flags: INT }), { t: 'null' });
    expectRet(r.call({ op: 'prep_cyclic', chan: 1, desc: 1, buf: 4, bufLen: 32, periodLen: 16, dir: 'DEV_TO_MEM', flags: INT }), { t: 'ok' });
    r.call({ op: 'submit', desc: 1 });
    r.queue(1, 2, 4, 32, 8, 'DEV_TO_MEM');
    r.call({ op: 'issue_pending', chan: 1 });
    for (let i = 0; i < 5; i++) {
      r.env({ op: 'advance', units: 8 });
      r.service(1);
    }
    expect(r.events('hw_start').map((h) => h.desc)).toEqual([1]);
    expect(r.events('period')).toHaveLength(10);
    expect(r.events('complete')).toEqual([]);
  });
});

describe('interleaved with DMA_PREP_REPEAT replaced via LOAD_EOT (CYC-7)', () => {
  it('repeats until a LOAD_EOT descriptor is issued, which takes over at the end of the repetition', () => {
    const r = new Rig();
    r.open('tx', 0, 2, 64);
    const xt = { dir: 'MEM_TO_DEV' as const, buf: 2, offset: 0, numf: 2, chunks: [{ size: 4, icg: 4 }] };
    expectRet(r.call({ op: 'prep_interleaved', chan: 0, desc: 1, xt, flags: INT | REPEAT }), { t: 'ok' });
    r.call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } });
    r.call({ op: 'submit', desc: 1 });
    r.call({ op: 'issue_pending', chan: 0 });
    for (let i = 0; i < 3; i++) {
      r.env({ op: 'advance', units: 2 });
      r.env({ op: 'drain', chan: 0, bytes: 16 });
    }
    expect(r.events('xfer').map((x) => [x.offset, x.len])).toEqual([[0, 4], [4, 4], [0, 4], [4, 4], [0, 4], [4, 4]]);
    expect(r.events('xfer')[1]!.sum).toBe(fnv(memPattern(2, 8, 4))); // second chunk after the 4-byte gap
    expect(r.events('irq_raised')).toEqual([]);
    // a plain descriptor behind a repeating one is never processed (CYC-8)
    const xt2 = { ...xt, offset: 32 };
    expectRet(r.call({ op: 'prep_interleaved', chan: 0, desc: 2, xt: xt2, flags: INT | LOAD_EOT }), { t: 'ok' });
    r.call({ op: 'set_callback', desc: 2, fn: 'callback', action: { kind: 'none' } });
    r.call({ op: 'submit', desc: 2 });
    r.env({ op: 'advance', units: 1 }); // mid-repetition
    r.call({ op: 'issue_pending', chan: 0 });
    r.env({ op: 'advance', units: 3 }); // finishes the current repetition, then stops
    expect(r.events('irq_raised')).toHaveLength(1);
    r.env({ op: 'irq', chan: 0 });
    expect(r.lines().slice(-3)).toEqual(['complete d1', 'hw_start d2', 'tasklet_scheduled']);
    r.env({ op: 'drain', chan: 0, bytes: 64 });
    r.env({ op: 'advance', units: 2 });
    r.service(0);
    expect(r.callbacks().map((c) => c.desc)).toEqual([1, 2]);
  });

  it('REPEAT without DMA_REPEAT and LOAD_EOT without DMA_LOAD_EOT give NULL (CYC-6)', () => {
    const r = new Rig(baseConfig({}, { repeat: false, loadEot: false }));
    r.open('tx', 0, 2, 64);
    const xt = { dir: 'MEM_TO_DEV' as const, buf: 2, offset: 0, numf: 1, chunks: [{ size: 4, icg: 0 }] };
    expectRet(r.call({ op: 'prep_interleaved', chan: 0, desc: 1, xt, flags: REPEAT }), { t: 'null' });
    expectRet(r.call({ op: 'prep_interleaved', chan: 0, desc: 1, xt, flags: LOAD_EOT }), { t: 'null' });
    expectRet(r.call({ op: 'prep_interleaved', chan: 0, desc: 1, xt, flags: INT }), { t: 'ok' });
    // REPEAT on other types is ignored (CYC-9)
    expectRet(r.call({ op: 'prep_slave_sg', chan: 0, desc: 2, sgl: [{ buf: 2, offset: 0, len: 4 }], dir: 'MEM_TO_DEV', flags: REPEAT }), { t: 'ok' });
  });
});
