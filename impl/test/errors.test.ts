import { describe, expect, it } from 'vitest';
import { INT, REUSE, Rig, baseConfig, expectRet } from './rig.ts';

const SG = [{ buf: 1, offset: 0, len: 8 }];

describe('every error branch of the fact sheet is reachable', () => {
  it('channels: ERR_PTR(-EPROBE_DEFER) for unknown or busy names, never NULL (CH-1, CH-2, CH-4)', () => {
    const r = new Rig();
    expectRet(r.call({ op: 'request_chan', name: 'nope' }), { t: 'err', e: 'EPROBE_DEFER' });
    expectRet(r.call({ op: 'request_chan', name: 'tx' }), { t: 'ok' });
    expectRet(r.call({ op: 'request_chan', name: 'tx' }), { t: 'err', e: 'EPROBE_DEFER' });
    r.call({ op: 'release_channel', chan: 0 });
    expectRet(r.call({ op: 'request_chan', name: 'tx' }), { t: 'ok' });
  });

  it('caps: -ENXIO without slave directions or without DMA_SLAVE/DMA_CYCLIC, -EINVAL for a channel not held (CAPS-1)', () => {
    const r = new Rig(baseConfig({ slaves: [{ name: 'mute', directions: [], fifoDepth: 8 }] }));
    expectRet(r.call({ op: 'get_slave_caps', chan: 0 }), { t: 'err', e: 'EINVAL' });
    r.call({ op: 'request_chan', name: 'mute' });
    expectRet(r.call({ op: 'get_slave_caps', chan: 0 }), { t: 'err', e: 'ENXIO' });
    const n = new Rig(baseConfig({}, { slaveSg: false, dmaVec: false, cyclic: false }));
    n.call({ op: 'request_chan', name: 'tx' });
    expectRet(n.call({ op: 'get_slave_caps', chan: 0 }), { t: 'err', e: 'ENXIO' });
    n.call({ op: 'alloc_buf', buf: 1, len: 8 });
    expectRet(n.call({ op: 'prep_interleaved', chan: 0, desc: 1, xt: { dir: 'MEM_TO_DEV', buf: 1, offset: 0, numf: 1, chunks: [{ size: 8, icg: 0 }] }, flags: 0 }), { t: 'ok' });
    expectRet(n.call({ op: 'set_reuse', desc: 1 }), { t: 'err', e: 'ENXIO' }); // DESC-10: the caps error
  });

  it('missing ops: config -ENOSYS, terminate_async/sync -EINVAL, terminate_all -ENOSYS, synchronize no-op, preps NULL', () => {
    const off = { config: false, terminate: false, synchronize: false, slaveSg: false, dmaVec: false, cyclic: false, interleave: false };
    const r = new Rig(baseConfig({}, off));
    r.call({ op: 'request_chan', name: 'tx' });
    r.call({ op: 'alloc_buf', buf: 1, len: 8 });
    expectRet(r.call({ op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 1, dstMaxburst: 1 } }), { t: 'err', e: 'ENOSYS' });
    expectRet(r.call({ op: 'terminate_async', chan: 0 }), { t: 'err', e: 'EINVAL' });
    expectRet(r.call({ op: 'terminate_sync', chan: 0 }), { t: 'err', e: 'EINVAL' });
    expectRet(r.call({ op: 'terminate_all', chan: 0 }), { t: 'err', e: 'ENOSYS' });
    expectRet(r.call({ op: 'synchronize', chan: 0 }), { t: 'void' });
    expectRet(r.call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: SG, dir: 'MEM_TO_DEV', flags: INT }), { t: 'null' });
    expectRet(r.call({ op: 'prep_dma_vec', chan: 0, desc: 1, vecs: SG, dir: 'MEM_TO_DEV', flags: INT }), { t: 'null' });
    expectRet(r.call({ op: 'prep_cyclic', chan: 0, desc: 1, buf: 1, bufLen: 8, periodLen: 4, dir: 'MEM_TO_DEV', flags: INT }), { t: 'null' });
    expectRet(r.call({ op: 'prep_interleaved', chan: 0, desc: 1, xt: { dir: 'MEM_TO_DEV', buf: 1, offset: 0, numf: 1, chunks: [{ size: 8, icg: 0 }] }, flags: 0 }), { t: 'null' });
    const caps = r.call({ op: 'get_slave_caps', chan: 0 });
    expect(caps.t === 'caps' && caps.caps.cmdTerminate).toBe(false);
  });

  it('config: -EINVAL for unsupported widths or bursts', () => {
    const r = new Rig();
    r.call({ op: 'request_chan', name: 'tx' });
    expectRet(r.call({ op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 8, dstAddrWidth: 4, srcMaxburst: 1, dstMaxburst: 1 } }), { t: 'err', e: 'EINVAL' });
    expectRet(r.call({ op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 1, dstMaxburst: 17 } }), { t: 'err', e: 'EINVAL' });
  });

  it('reuse: -EPERM without descriptor_reuse (DESC-10); desc_free -EPERM without REUSE, 0 with it (DESC-11)', () => {
    const r = new Rig(baseConfig({}, { descriptorReuse: false }));
    r.open('tx', 0, 1, 8);
    r.call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: SG, dir: 'MEM_TO_DEV', flags: INT });
    expectRet(r.call({ op: 'set_reuse', desc: 1 }), { t: 'err', e: 'EPERM' });
    expectRet(r.call({ op: 'desc_free', desc: 1 }), { t: 'err', e: 'EPERM' });
    r.call({ op: 'prep_slave_sg', chan: 0, desc: 2, sgl: SG, dir: 'MEM_TO_DEV', flags: INT | REUSE }); // Q25: flag via prep bypasses the check
    expectRet(r.call({ op: 'desc_free', desc: 2 }), { t: 'int', v: 0 });
    expect(r.events('desc_freed')).toEqual([{ ev: 'desc_freed', chan: 0, desc: 2, recycled: false }]);
    expectRet(r.call({ op: 'desc_free', desc: 2 }), { t: 'err', e: 'EINVAL' }); // stale handle
  });

  it('a REUSE descriptor is recycled at completion and resubmitted for a fresh cookie (DESC-13)', () => {
    const r = new Rig();
    r.open('tx', 0, 1, 8);
    r.call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: SG, dir: 'MEM_TO_DEV', flags: INT });
    expectRet(r.call({ op: 'set_reuse', desc: 1 }), { t: 'int', v: 0 });
    r.call({ op: 'set_callback', desc: 1, fn: 'callback_result', action: { kind: 'none' } });
    for (const want of [2, 3]) {
      expectRet(r.call({ op: 'submit', desc: 1 }), { t: 'cookie', v: want });
      r.call({ op: 'issue_pending', chan: 0 });
      r.env({ op: 'advance', units: 2 });
      r.env({ op: 'drain', chan: 0, bytes: 8 });
      r.service(0);
    }
    expect(r.events('desc_freed')).toEqual([1, 2].map(() => ({ ev: 'desc_freed', chan: 0, desc: 1, recycled: true })));
    expect(r.callbacks()[0]).toEqual({ chan: 0, desc: 1, fn: 'callback_result', result: 'DMA_TRANS_NOERROR', residue: 0, period: false, ctx: 'tasklet', locksHeld: false });
    expectRet(r.call({ op: 'submit', desc: 1 }), { t: 'cookie', v: 4 });
    expectRet(r.call({ op: 'submit', desc: 1 }), { t: 'err', e: 'EINVAL' }); // already queued
  });

  it('terminate frees queued work without callbacks, parks the active one until synchronize (TERM-9, CB-12)', () => {
    const r = new Rig();
    r.open('rx', 1, 1, 64);
    r.call({ op: 'prep_slave_sg', chan: 1, desc: 9, sgl: SG, dir: 'DEV_TO_MEM', flags: INT }); // prepared, never submitted (DESC-15)
    r.queue(1, 1, 1, 0, 8, 'DEV_TO_MEM');
    r.queue(1, 2, 1, 8, 8, 'DEV_TO_MEM');
    r.queue(1, 3, 1, 16, 8, 'DEV_TO_MEM');
    r.call({ op: 'issue_pending', chan: 1 });
    r.env({ op: 'advance', units: 2 });
    r.env({ op: 'irq', chan: 1 }); // d1 complete, d2 starts
    r.clear();
    expectRet(r.call({ op: 'terminate_async', chan: 1 }), { t: 'int', v: 0 });
    expect(r.lines()).toEqual(['desc_freed d9', 'desc_freed d3', 'desc_freed d1']);
    r.env({ op: 'tasklet', chan: 1 });
    expect(r.callbacks()).toEqual([]); // d1's callback was dropped with desc_completed (CB-13)
    r.call({ op: 'synchronize', chan: 1 });
    expect(r.lines().slice(-1)).toEqual(['desc_freed d2']);
  });

  it('calls that may sleep from atomic context are detected, not thrown (CH-3, SYNC-2)', () => {
    const r = new Rig();
    expectRet(r.call({ op: 'request_chan', name: 'tx' }, 'atomic'), { t: 'ok' });
    r.call({ op: 'synchronize', chan: 0 }, 'hardirq');
    expect(r.eng.splats).toHaveLength(2);
    expect(r.eng.splats[0]).toMatch(/^BUG: sleeping function called from invalid context: dma_request_chan/);
  });

  it('synchronize and release from inside the own callback do not hang or throw (CB-6 UB)', () => {
    const r = new Rig();
    r.open('tx', 0, 1, 64);
    r.queue(0, 1, 1, 0, 8, 'MEM_TO_DEV');
    r.queue(0, 2, 1, 8, 8, 'MEM_TO_DEV');
    r.actions.set(1, (_i, rig) => {
      rig.call({ op: 'terminate_sync', chan: 0 }, 'callback');
      rig.call({ op: 'release_channel', chan: 0 }, 'callback');
    });
    r.call({ op: 'issue_pending', chan: 0 });
    r.env({ op: 'advance', units: 2 });
    r.service(0);
    expect(r.callbacks().map((c) => c.desc)).toEqual([1]);
    expect(r.eng.splats).toContain('BUG: dmaengine_synchronize from a callback of channel 0 would wait on its own tasklet');
  });
});
