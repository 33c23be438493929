import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../api/index.ts';
import { DMA_PREP_LOAD_EOT, DMA_PREP_REPEAT } from '../api/index.ts';
import { model } from './index.ts';
import {
  call, callIn, cb, config, cookie, drain, env, err, IA, memSum, OK, prepSg, runM2D, runTrace, setup, submitIssue, tasklet, VOID, xfer, ZERO,
} from './trace-builder.ts';

/**
 * Disagreements between the model and the built-in engine found by the lockstep harness
 * (each trace is what the engine reported), and the engine faults the fixed clauses must
 * still catch (impl/faults.ts names in the test titles).
 */
const S = setup(0, 1, 64);
const cbNone = (desc: number): TraceEntry[] => call({ op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } }, VOID);
const P1 = [...prepSg(0, 1, 1, 16), ...cbNone(1)];
const ev = (e: Extract<TraceEntry, { k: 'ev' }>['ev']): TraceEntry => ({ k: 'ev', ev: e });
const freed = (desc: number): TraceEntry => ev({ ev: 'desc_freed', chan: 0, desc, recycled: false });
const firstRule = (t: readonly TraceEntry[], cfg = config()): string => {
  const v = runTrace(cfg, t).verdicts[0];
  return v === undefined ? 'none' : 'rule' in v ? `${v.kind} ${v.rule}` : v.kind;
};

describe('PAUSE-5: issue on a paused idle channel, start at resume', () => {
  const queued = [...S, ...call({ op: 'pause', chan: 0 }, ZERO), ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2))];
  it('accepts hw_start inside resume', () => {
    expect(firstRule([...queued, ...call({ op: 'issue_pending', chan: 0 }, VOID),
      ...call({ op: 'resume', chan: 0 }, ZERO, ev({ ev: 'hw_start', chan: 0, desc: 1 })), ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1)])).toBe('none');
  });
  it('still rejects a start inside issue_pending while paused (issue-while-paused)', () => {
    expect(firstRule([...queued, ...call({ op: 'issue_pending', chan: 0 }, VOID, ev({ ev: 'hw_start', chan: 0, desc: 1 }))])).toBe('violation PAUSE-5');
  });
});

describe('ISS-3 vs PAUSE-4: an interrupt delivered while paused', () => {
  const finished = [...S, ...P1, ...submitIssue(0, 1, 2), ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16)), ev({ ev: 'irq_raised', chan: 0 })),
    ...call({ op: 'pause', chan: 0 }, ZERO), ...env({ op: 'irq', chan: 0 })];
  it('may be held and completed after resume, with an idle tasklet step in between', () => {
    expect(firstRule([...finished, ...env({ op: 'tasklet', chan: 0 }), ...call({ op: 'resume', chan: 0 }, ZERO),
      ...env({ op: 'irq', chan: 0 }, ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }), ev({ ev: 'tasklet_scheduled', chan: 0 })), ...tasklet(0, 1)])).toBe('none');
  });
  it('is still owed after resume: never completing it is ISS-3 at the end', () => {
    expect(firstRule([...finished, ...call({ op: 'resume', chan: 0 }, ZERO), ...env({ op: 'irq', chan: 0 })])).toBe('violation ISS-3');
  });
  it('must not complete while paused (pause-no-stop)', () => {
    expect(firstRule([...S, ...P1, ...submitIssue(0, 1, 2), ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16)), ev({ ev: 'irq_raised', chan: 0 })),
      ...call({ op: 'pause', chan: 0 }, ZERO), ...env({ op: 'irq', chan: 0 }, ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }))])).toBe('violation PAUSE-4');
  });
});

describe('CAPS-1: a device with neither DMA_SLAVE nor DMA_CYCLIC', () => {
  const cfg = config({ caps: { slaveSg: false, dmaVec: false, cyclic: false } });
  const caps = [...call({ op: 'request_chan', name: 'tx' }, OK), { k: 'call', call: { op: 'get_slave_caps', chan: 0 }, ctx: 'process' } as const];
  it('get_slave_caps returns ENXIO', () => {
    expect(firstRule([...caps, { k: 'ret', ret: err('ENXIO') }], cfg)).toBe('none');
  });
  it('reporting caps there is CAPS-1', () => {
    const c = { t: 'caps', caps: { srcAddrWidths: [1, 2, 4], dstAddrWidths: [1, 2, 4], directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], minBurst: 1, maxBurst: 16, maxSgBurst: 0, residueGranularity: 'burst', descriptorReuse: true, cmdPause: true, cmdResume: true, cmdTerminate: true } } as const;
    expect(firstRule([...caps, { k: 'ret', ret: c }], cfg)).toBe('violation CAPS-1');
  });
  it('set_reuse of an interleaved descriptor there returns the caps error ENXIO', () => {
    const ilv = call({ op: 'prep_interleaved', chan: 0, desc: 1, xt: { dir: 'MEM_TO_DEV', buf: 1, offset: 0, numf: 1, chunks: [{ size: 8, icg: 0 }] }, flags: IA }, OK);
    const t = [...S, ...ilv, ...call({ op: 'set_reuse', desc: 1 }, err('ENXIO')), ...call({ op: 'terminate_sync', chan: 0 }, ZERO, freed(1))];
    expect(firstRule(t, config({ caps: { slaveSg: false, dmaVec: false, cyclic: false } }))).toBe('none');
  });
});

describe('CYC-7: LOAD_EOT replaces a repeated transfer at the end of a repetition', () => {
  const ilv = (desc: number, flags: number): TraceEntry[] =>
    call({ op: 'prep_interleaved', chan: 0, desc, xt: { dir: 'MEM_TO_DEV', buf: 1, offset: 0, numf: 1, chunks: [{ size: 8, icg: 0 }] }, flags }, OK);
  const both = [...S, ...ilv(1, IA | DMA_PREP_REPEAT), ...cbNone(1), ...ilv(2, IA | DMA_PREP_LOAD_EOT), ...cbNone(2),
    ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'submit', desc: 2 }, cookie(3)),
    ...call({ op: 'issue_pending', chan: 0 }, VOID, ev({ ev: 'hw_start', chan: 0, desc: 1 })),
    ...env({ op: 'advance', units: 1 }, xfer(0, 1, 0, 4, memSum(1, 0, 4)))];
  it('accepts the engine completing the first at its end and starting the second (issued together)', () => {
    expect(firstRule([...both, ...env({ op: 'advance', units: 1 }, xfer(0, 1, 4, 4, memSum(1, 4, 4)), ev({ ev: 'irq_raised', chan: 0 })),
      ...env({ op: 'irq', chan: 0 }, ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }), ev({ ev: 'hw_start', chan: 0, desc: 2 }), ev({ ev: 'tasklet_scheduled', chan: 0 })),
      ...tasklet(0, 1), ...env({ op: 'advance', units: 2 }, xfer(0, 2, 0, 8, memSum(1, 0, 8)), ev({ ev: 'irq_raised', chan: 0 })),
      ...env({ op: 'irq', chan: 0 }, ev({ ev: 'complete', chan: 0, desc: 2, cookie: 3 }), ev({ ev: 'tasklet_scheduled', chan: 0 })), ...tasklet(0, 2),
      ...drain(0, 1, 8), ...drain(0, 1, 8)])).toBe('none');
  });
  it('rejects a repetition started with LOAD_EOT issued (load-eot-ignored)', () => {
    expect(firstRule([...both, ...env({ op: 'advance', units: 1 }, xfer(0, 1, 4, 4, memSum(1, 4, 4))),
      ...env({ op: 'advance', units: 2 }, xfer(0, 1, 0, 8, memSum(1, 0, 8)))])).toBe('violation CYC-7');
  });
  it('allows one more repetition when LOAD_EOT was issued exactly at a boundary', () => {
    const t = [...S, ...ilv(1, IA | DMA_PREP_REPEAT), ...cbNone(1), ...call({ op: 'submit', desc: 1 }, cookie(2)),
      ...call({ op: 'issue_pending', chan: 0 }, VOID, ev({ ev: 'hw_start', chan: 0, desc: 1 })),
      ...env({ op: 'advance', units: 2 }, xfer(0, 1, 0, 8, memSum(1, 0, 8))),
      ...ilv(2, IA | DMA_PREP_LOAD_EOT), ...cbNone(2), ...call({ op: 'submit', desc: 2 }, cookie(3)), ...call({ op: 'issue_pending', chan: 0 }, VOID)];
    const r = runTrace(config(), [...t, ...env({ op: 'advance', units: 2 }, xfer(0, 1, 0, 8, memSum(1, 0, 8)))]);
    expect(r.verdicts.slice(0, -1)).toEqual([]);
    expect(firstRule([...t, ...env({ op: 'advance', units: 2 }, xfer(0, 1, 0, 8, memSum(1, 0, 8))),
      ...env({ op: 'advance', units: 2 }, xfer(0, 1, 0, 8, memSum(1, 0, 8)))])).toBe('violation CYC-7');
  });
  it('rejects at the end a repetition that ended without the LOAD_EOT transfer taking over', () => {
    const r = runTrace(config(), [...both, ...env({ op: 'advance', units: 1 }, xfer(0, 1, 4, 4, memSum(1, 4, 4)))]);
    expect(r.verdicts).toHaveLength(1);
    expect(r.endVerdict && 'rule' in r.endVerdict ? r.endVerdict.rule : '').toBe('CYC-7');
  });
});

describe('CH-6: after release', () => {
  const done = [...S, ...P1, ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1)];
  it('the peripheral may still drain its FIFO (it is not the DMA controller)', () => {
    expect(firstRule([...done, ...call({ op: 'terminate_sync', chan: 0 }, ZERO), ...call({ op: 'release_channel', chan: 0 }, VOID), ...drain(0, 1, 16)])).toBe('none');
  });
  it('the controller must stay quiet', () => {
    expect(firstRule([...done, ...call({ op: 'release_channel', chan: 0 }, VOID), ...env({ op: 'advance', units: 1 }, ev({ ev: 'irq_raised', chan: 0 }))])).toBe('violation CH-6');
  });
});

describe('CH-6: release synchronizes (a scheduled callback still runs)', () => {
  const completed = [...S, ...P1, ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 16, 2)];
  it('accepts release running the owed callback, then freeing', () => {
    expect(firstRule([...completed, ...call({ op: 'release_channel', chan: 0 }, VOID, ...cb({ chan: 0, desc: 1 }), freed(1))])).toBe('none');
  });
  it('rejects release freeing it without the callback (release-tasklet-live)', () => {
    expect(firstRule([...completed, ...call({ op: 'release_channel', chan: 0 }, VOID, freed(1))])).toBe('violation CH-6');
  });
  it('without device_synchronize, release may free it uncalled', () => {
    expect(firstRule([...completed, ...call({ op: 'release_channel', chan: 0 }, VOID, freed(1))], config({ caps: { synchronize: false } }))).toBe('none');
  });
});

describe('poisoning', () => {
  it('calls on the descriptors of a poisoned channel are accepted, fresh or older', () => {
    const t = [...S, ...P1, ...call({ op: 'resume', chan: 0 }, ZERO), ...prepSg(0, 2, 1, 8), ...call({ op: 'submit', desc: 2 }, cookie(77)),
      ...call({ op: 'submit', desc: 1 }, err('EINVAL')), ...callIn('atomic', { op: 'prep_slave_sg', chan: 0, desc: 3, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'MEM_TO_DEV', flags: IA }, OK),
      ...call({ op: 'set_callback', desc: 3, fn: 'callback', action: { kind: 'none' } }, VOID), ...call({ op: 'submit', desc: 3 }, cookie(5)),
      ...call({ op: 'prep_dma_vec', chan: 0, desc: 4, vecs: [{ buf: 1, offset: 0, len: 8 }], dir: 'MEM_TO_DEV', flags: IA }, { t: 'null' }),
      ...call({ op: 'submit', desc: 4 }, cookie(6))];
    const r = runTrace(config(), t);
    expect(r.verdicts.map((v) => ('rule' in v ? `${v.kind} ${v.rule}` : v.kind))).toEqual(['undefined PAUSE-3']);
    expect(model.chan(r.state, 0)?.poisoned).toBe(true);
  });
});
