/**
 * Trace format 1.1 in the model: env steps nested in calls and callbacks (their events are
 * the step's; the call's start obligation and its answer see both sides of the step), and
 * coarse observation (unobserved kinds existentially quantified, observed rules kept).
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent, Observation, TraceEntry } from '../api/index.ts';
import { call, callIn, cb, config, cookie, env, IA, memSum, prepSg, runTrace, setup, VOID, xfer, ZERO } from './trace-builder.ts';

const S = setup(0, 1, 64);
const P1 = [...prepSg(0, 1, 1, 16), ...call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } }, VOID), ...call({ op: 'submit', desc: 1 }, cookie(2))];
const KERNEL: Observation = { events: ['hw_start', 'complete', 'tasklet_scheduled', 'desc_freed'], env: ['irq', 'tasklet'], data: false };
const verdict = (t: readonly TraceEntry[], observe?: Observation): string => {
  const v = runTrace(config(), t, undefined, observe).verdicts[0];
  return v === undefined ? 'none' : 'rule' in v ? `${v.kind} ${v.rule}` : v.kind;
};
const irqDone = (withRaise: boolean): TraceEntry[] => [
  ...(withRaise ? env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16)), { ev: 'irq_raised', chan: 0 }) : []),
  ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 2 }, { ev: 'tasklet_scheduled', chan: 0 }),
];
const taskletCb = env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }), { ev: 'desc_freed', chan: 0, desc: 1, recycled: false });
const status = (st: 'DMA_IN_PROGRESS' | 'DMA_COMPLETE', last: number, ...inner: TraceEntry[]): TraceEntry[] =>
  call({ op: 'tx_status', chan: 0, cookie: 2, withState: true }, { t: 'status', st: { status: st, last, used: 2, residue: st === 'DMA_COMPLETE' ? 0 : 16 } }, ...inner);

describe('env steps nested in a call (fully observed)', () => {
  const issueWithSteps = call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }, ...irqDone(true), ...taskletCb);
  it('the transfer started, completed and called back inside issue_pending: ISS-2 met, CB-1 met', () => {
    expect(verdict([...S, ...P1, ...issueWithSteps])).toBe('none');
  });
  it('events inside the nested irq are the handler\'s: a completion in the call itself is still ISS-1', () => {
    expect(verdict([...S, ...P1, ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }, { ev: 'complete', chan: 0, desc: 1, cookie: 2 })])).toBe('violation ISS-1');
  });
  it('issue_pending that starts nothing, even with steps inside, breaks ISS-2', () => {
    expect(verdict([...S, ...P1, ...call({ op: 'issue_pending', chan: 0 }, VOID, ...env({ op: 'irq', chan: 0 }))])).toBe('violation ISS-2');
  });
  const running = [...S, ...P1, ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 })];
  it('tx_status with the interrupt inside answers from either side', () => {
    expect(verdict([...running, ...status('DMA_IN_PROGRESS', 1, ...irqDone(true)), ...taskletCb])).toBe('none');
    expect(verdict([...running, ...status('DMA_COMPLETE', 2, ...irqDone(true)), ...taskletCb])).toBe('none');
  });
  it('an answer neither side allows is still a violation', () => {
    expect(verdict([...running, ...status('DMA_COMPLETE', 1, ...irqDone(true))])).toBe('violation STAT-4');
    expect(verdict([...running, ...status('DMA_COMPLETE', 2)])).toBe('violation STAT-5');
  });
  it('a tasklet nested in terminate_async finds nothing: terminate freed the completion it dropped (CB-13)', () => {
    const drop = { ev: 'desc_freed', chan: 0, desc: 1, recycled: false } as const;
    expect(verdict([...running, ...irqDone(true), ...call({ op: 'terminate_async', chan: 0 }, ZERO, drop, ...env({ op: 'tasklet', chan: 0 }))])).toBe('none');
    expect(verdict([...running, ...irqDone(true), ...call({ op: 'terminate_async', chan: 0 }, ZERO, drop, ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 })))])).toBe('violation CB-13');
  });
  it('a callback\'s calls have ctx callback and may run an interrupt between them', () => {
    const chain = [...S, ...P1, ...prepSg(0, 2, 1, 16, 'MEM_TO_DEV', IA, 16), ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }), ...irqDone(true),
      ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 },
        ...callIn('callback', { op: 'submit', desc: 2 }, cookie(3)),
        ...callIn('callback', { op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 2 }),
        ...env({ op: 'advance', units: 4 }, xfer(0, 2, 0, 16, memSum(1, 16, 16)), { ev: 'irq_raised', chan: 0 }),
        ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 2, cookie: 3 }, { ev: 'tasklet_scheduled', chan: 0 })),
      { ev: 'desc_freed', chan: 0, desc: 1, recycled: false }),
      ...env({ op: 'tasklet', chan: 0 }, { ev: 'desc_freed', chan: 0, desc: 2, recycled: false })];
    expect(verdict(chain)).toBe('none');
  });
});

describe('env steps nested in a terminate, before it took the channel lock (CB-13, F-1)', () => {
  const running = [...S, ...P1, ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 })];
  const drop = { ev: 'desc_freed', chan: 0, desc: 1, recycled: false } as const;
  const term = (op: 'terminate_async' | 'terminate_sync', ...inner: readonly (EngineEvent | TraceEntry)[]): TraceEntry[] => call({ op, chan: 0 }, ZERO, ...inner);
  const irqIn = env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 2 }, { ev: 'tasklet_scheduled', chan: 0 });
  it('a tasklet nested before the terminate\'s frees took the completion first: its callback runs', () => {
    expect(verdict([...running, ...irqDone(true), ...term('terminate_async', ...taskletCb)])).toBe('none');
    expect(verdict([...running, ...irqDone(false), ...term('terminate_sync', ...taskletCb)], KERNEL)).toBe('none');
  });
  it('a tasklet nested there that finds nothing ran after the lock: the terminate drops and frees the completion', () => {
    expect(verdict([...running, ...irqDone(true), ...term('terminate_async', ...env({ op: 'tasklet', chan: 0 }), drop)])).toBe('none');
  });
  it('once a nested tasklet ran after the lock, a later one cannot have run before it', () => {
    expect(verdict([...running, ...irqDone(true), ...term('terminate_async', ...env({ op: 'tasklet', chan: 0 }), ...taskletCb)])).toBe('violation CB-1');
    // d2's interrupt is pending: it may reschedule the tasklet, but after the lock too.
    const d2 = [...prepSg(0, 2, 1, 16, 'MEM_TO_DEV', IA, 16), ...call({ op: 'submit', desc: 2 }, cookie(3))];
    const irq1 = env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 2 }, { ev: 'tasklet_scheduled', chan: 0 }, { ev: 'hw_start', chan: 0, desc: 2 });
    const raise2 = env({ op: 'advance', units: 2 }, xfer(0, 2, 0, 8, memSum(1, 16, 8)), { ev: 'irq_raised', chan: 0 });
    const setUp = [...S, ...P1, ...d2, ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }),
      ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16)), { ev: 'irq_raised', chan: 0 }), ...irq1, ...raise2];
    const inside = [...env({ op: 'tasklet', chan: 0 }), ...env({ op: 'irq', chan: 0 }, { ev: 'tasklet_scheduled', chan: 0 }), ...taskletCb];
    expect(verdict([...setUp, ...term('terminate_async', ...inside, { ev: 'desc_freed', chan: 0, desc: 2, recycled: false })])).toBe('violation CB-13');
  });
  it('an interrupt nested before the lock completes the running transfer; the terminate then drops it', () => {
    expect(verdict([...running, ...term('terminate_async', ...irqIn, drop)], KERNEL)).toBe('none');
    expect(verdict([...running, ...term('terminate_async', ...irqIn, drop), ...taskletCb], KERNEL)).toBe('violation CB-13');
    expect(verdict([...running, ...term('terminate_sync', ...irqIn, ...taskletCb)], KERNEL)).toBe('none');
  });
  it('after the terminate\'s own event the lock was taken: a nested interrupt has nothing pending (ISS-3)', () => {
    const freedD2 = [...prepSg(0, 2, 1, 16, 'MEM_TO_DEV', IA, 16), ...call({ op: 'submit', desc: 2 }, cookie(3))];
    const d2drop = { ev: 'desc_freed', chan: 0, desc: 2, recycled: false } as const;
    expect(verdict([...S, ...P1, ...freedD2, ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }),
      ...term('terminate_async', d2drop, ...irqIn, drop)], KERNEL)).toBe('violation ISS-3');
  });
});

describe('synchronize with steps inside it', () => {
  const issue = call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 });
  const P2 = [...prepSg(0, 2, 1, 16, 'MEM_TO_DEV', IA, 16), ...call({ op: 'set_callback', desc: 2, fn: 'callback', action: { kind: 'none' } }, VOID)];
  // tasklet_kill runs the pending tasklet; its callback chains d2, whose interrupt fires before synchronize returns
  const sync = call({ op: 'synchronize', chan: 0 }, VOID,
    ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 },
      ...callIn('callback', { op: 'submit', desc: 2 }, cookie(3)),
      ...callIn('callback', { op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 2 })),
    { ev: 'desc_freed', chan: 0, desc: 1, recycled: false }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 2, cookie: 3 }, { ev: 'tasklet_scheduled', chan: 0 }));
  const after = env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 2 }), { ev: 'desc_freed', chan: 0, desc: 2, recycled: false });
  it('work completed inside it after its tasklet_kill is not owed by it (SYNC-5), and its tasklet stays scheduled', () => {
    expect(verdict([...S, ...P1, ...P2, ...issue, ...irqDone(false), ...sync, ...after], KERNEL)).toBe('none');
  });
  it('work completed before it still must be flushed by it (SYNC-5)', () => {
    const lazy = call({ op: 'synchronize', chan: 0 }, VOID);
    expect(verdict([...S, ...P1, ...issue, ...irqDone(false), ...lazy], KERNEL)).toBe('violation SYNC-5');
  });
});

describe('coarse observation (no xfer, no irq_raised, no data)', () => {
  const issue = call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 });
  it('an interrupt that completes a running transfer is accepted: its raise and bytes are assumed', () => {
    expect(verdict([...S, ...P1, ...issue, ...irqDone(false), ...taskletCb], KERNEL)).toBe('none');
    expect(verdict([...S, ...P1, ...issue, ...irqDone(false), ...taskletCb])).toBe('violation ISS-3');
  });
  it('an interrupt step on a channel with nothing running may do nothing (ISS-3): no raise is assumed there', () => {
    expect(verdict([...S, ...P1, ...irqDone(false)], KERNEL)).toBe('violation ISS-3');
  });
  it('the residue of a running transfer may be any value of its granularity, never beyond its length', () => {
    const st = (residue: number): TraceEntry[] => call({ op: 'tx_status', chan: 0, cookie: 2, withState: true }, { t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1, used: 2, residue } });
    expect(verdict([...S, ...P1, ...issue, ...st(0), ...st(7), ...st(16)], KERNEL)).toBe('none');
    expect(verdict([...S, ...P1, ...issue, ...st(17)], KERNEL)).toBe('violation STAT-6');
    expect(verdict([...S, ...P1, ...issue, ...st(7)])).toBe('violation STAT-6');
  });
  it('data: false with xfer observed: byte progress is judged, byte contents are not (DATA-8)', () => {
    const BYTES_UNSEEN: Observation = { events: ['hw_start', 'xfer', 'irq_raised', 'complete', 'tasklet_scheduled', 'desc_freed'], env: ['advance', 'irq', 'tasklet'], data: false };
    const run = (sum: number, len = 16): TraceEntry[] => [...S, ...P1, ...issue, ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, len, sum), { ev: 'irq_raised', chan: 0 })];
    expect(verdict([...run(12345), ...irqDone(false), ...taskletCb], BYTES_UNSEEN)).toBe('none');
    expect(verdict([...run(12345), ...irqDone(false), ...taskletCb])).toBe('violation DATA-8');
    // progress is observed: completing after 8 of 16 bytes is still DATA-8
    expect(verdict([...run(12345, 8), ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 2 })], BYTES_UNSEEN)).toBe('violation DATA-8');
  });
  it('without the peripheral observed the FIFO is not judged: no overflow, teardown with data (DATA-8, DATA-4)', () => {
    const NO_PERIPH: Observation = { events: ['hw_start', 'xfer', 'irq_raised', 'complete', 'tasklet_scheduled', 'desc_freed'], env: ['advance', 'irq', 'tasklet'], data: true };
    const big = [...setup(0, 1, 128), ...prepSg(0, 1, 1, 128), ...call({ op: 'submit', desc: 1 }, cookie(2)), ...issue,
      ...env({ op: 'advance', units: 32 }, xfer(0, 1, 0, 128, memSum(1, 0, 128)), { ev: 'irq_raised', chan: 0 })];
    expect(verdict([...big, ...call({ op: 'periph_teardown', chan: 0 }, VOID)], NO_PERIPH)).toBe('none');
    expect(verdict(big)).toBe('violation DATA-8'); // 128 bytes into a 64-byte FIFO
  });
  it('observed rules still hold: a callback twice, a freed descriptor called back', () => {
    const twice = env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }), ...cb({ chan: 0, desc: 1 }));
    expect(verdict([...S, ...P1, ...issue, ...irqDone(false), ...twice], KERNEL)).toBe('violation CB-8');
    const freedFirst = env({ op: 'tasklet', chan: 0 }, { ev: 'desc_freed', chan: 0, desc: 1, recycled: false }, ...cb({ chan: 0, desc: 1 }));
    expect(verdict([...S, ...P1, ...issue, ...irqDone(false), ...freedFirst], KERNEL)).toBe('violation CB-16');
  });
});
