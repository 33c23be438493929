import { describe, expect, it } from 'vitest';
import { Rig, baseConfig, expectRet } from './rig.ts';

describe('pause / resume', () => {
  it('pause freezes the transfer and its residue; resume continues without loss (PAUSE-2, PAUSE-4)', () => {
    const r = new Rig();
    r.open('rx', 1, 1, 64);
    const cookie = r.queue(1, 1, 1, 0, 40, 'DEV_TO_MEM');
    r.call({ op: 'issue_pending', chan: 1 });
    r.env({ op: 'advance', units: 3 });
    expectRet(r.call({ op: 'pause', chan: 1 }), { t: 'int', v: 0 });
    const st = { t: 'status', st: { status: 'DMA_PAUSED', last: 1, used: 2, residue: 28, inFlight: 0 } } as const;
    expectRet(r.call({ op: 'tx_status', chan: 1, cookie, withState: true }), st);
    const moved = r.events('xfer').length;
    r.env({ op: 'advance', units: 50 });
    expect(r.events('xfer')).toHaveLength(moved);
    expectRet(r.call({ op: 'tx_status', chan: 1, cookie, withState: true }), st);
    expectRet(r.call({ op: 'resume', chan: 1 }), { t: 'int', v: 0 });
    expectRet(r.call({ op: 'resume', chan: 1 }), { t: 'err', e: 'EPERM' }); // PAUSE-3: not paused
    r.env({ op: 'advance', units: 50 });
    const xs = r.events('xfer');
    expect(xs.map((x) => x.offset + x.len)).toEqual([12, 40]);
    expect(xs[1]!.offset).toBe(12); // continued where it stopped
  });

  it('an interrupt while paused completes nothing; resume raises it again', () => {
    const r = new Rig();
    r.open('rx', 1, 1, 64);
    r.queue(1, 1, 1, 0, 8, 'DEV_TO_MEM');
    r.call({ op: 'issue_pending', chan: 1 });
    r.env({ op: 'advance', units: 2 });
    r.call({ op: 'pause', chan: 1 });
    r.service(1);
    expect(r.events('complete')).toEqual([]);
    r.call({ op: 'resume', chan: 1 });
    expect(r.events('irq_raised')).toHaveLength(2);
    r.service(1);
    expect(r.events('complete').map((c) => c.desc)).toEqual([1]);
  });

  it('pausing an idle channel returns 0 and holds back issued work until resume; terminate clears paused (TERM-11)', () => {
    const r = new Rig();
    r.open('rx', 1, 1, 64);
    expectRet(r.call({ op: 'pause', chan: 1 }), { t: 'int', v: 0 });
    r.queue(1, 1, 1, 0, 8, 'DEV_TO_MEM');
    r.call({ op: 'issue_pending', chan: 1 });
    expect(r.events('hw_start')).toEqual([]);
    r.call({ op: 'terminate_sync', chan: 1 });
    expectRet(r.call({ op: 'resume', chan: 1 }), { t: 'err', e: 'EPERM' });
    r.queue(1, 2, 1, 0, 8, 'DEV_TO_MEM');
    r.call({ op: 'issue_pending', chan: 1 });
    expect(r.events('hw_start').map((h) => h.desc)).toEqual([2]);
  });

  it('without the ops pause and resume return -ENOSYS (PAUSE-1) and caps say so (CAPS-2)', () => {
    const r = new Rig(baseConfig({}, { pause: false, resume: false }));
    r.call({ op: 'request_chan', name: 'rx' });
    expectRet(r.call({ op: 'pause', chan: 1 }), { t: 'err', e: 'ENOSYS' });
    expectRet(r.call({ op: 'resume', chan: 1 }), { t: 'err', e: 'ENOSYS' });
    const caps = r.call({ op: 'get_slave_caps', chan: 1 });
    expect(caps.t === 'caps' && [caps.caps.cmdPause, caps.caps.cmdResume, caps.caps.cmdTerminate]).toEqual([false, false, true]);
  });
});
