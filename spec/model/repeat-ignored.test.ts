import { describe, expect, it } from 'vitest';
import type { ClientCall, TraceEntry } from '../api/index.ts';
import { DMA_PREP_REPEAT } from '../api/index.ts';
import { SCENARIOS } from './scenarios.ts';
import {
  call, config, cookie, env, IA, memSum, OK, prepSg, runM2D, runTrace, setup, submitIssue, tasklet, VOID, xfer, ZERO,
} from './trace-builder.ts';

/**
 * CYC-9 / fact sheet §7 Q15: DMA_PREP_REPEAT outside prep_interleaved is ignored (mainline).
 * The prep does not depend on DMA_REPEAT, the transfer moves its bytes once and completes;
 * looping (the proposed dma_vec meaning) is a CYC-9 violation, however the bytes run on.
 */
const REP = IA | DMA_PREP_REPEAT;
const cbNone = (desc: number): TraceEntry[] => call({ op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } }, VOID);
const vec = (desc: number, len: number, flags = REP): TraceEntry[] =>
  call({ op: 'prep_dma_vec', chan: 0, desc, vecs: [{ buf: 1, offset: 0, len }], dir: 'MEM_TO_DEV', flags }, OK);
const firstRule = (t: readonly TraceEntry[], cfg = config()): string => {
  const v = runTrace(cfg, t).verdicts[0];
  return v === undefined ? 'none' : 'rule' in v ? `${v.kind} ${v.rule}` : v.kind;
};
const adv = (...evs: ReturnType<typeof xfer>[]): TraceEntry[] => env({ op: 'advance', units: 4 }, ...evs);
const drained = (len: number): TraceEntry[] => env({ op: 'drain', chan: 0, bytes: len }, { ev: 'periph_rx', chan: 0, len, sum: memSum(1, 0, len) });
const stopped = call({ op: 'terminate_sync', chan: 0 }, ZERO, { ev: 'desc_freed', chan: 0, desc: 1, recycled: false });

describe('REPEAT ignored: the mainline behaviour is accepted', () => {
  const noRepeatCap = config({ caps: { repeat: false } });
  it.each([
    ['slave_sg', prepSg(0, 1, 1, 16, 'MEM_TO_DEV', REP)],
    ['dma_vec', vec(1, 16)],
  ])('%s with REPEAT runs once and completes, with or without DMA_REPEAT', (_name, prep) => {
    const t = [...setup(0, 1, 64), ...prep, ...cbNone(1), ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1), ...drained(16)];
    expect(runTrace(config(), t).verdicts).toEqual([]);
    expect(runTrace(noRepeatCap, t).verdicts).toEqual([]);
  });
  it('every scenario stays legal with REPEAT added to its slave_sg, dma_vec and cyclic preps', () => {
    const addRepeat = (c: ClientCall): ClientCall =>
      c.op === 'prep_slave_sg' || c.op === 'prep_dma_vec' || c.op === 'prep_cyclic' ? { ...c, flags: c.flags | DMA_PREP_REPEAT } : c;
    let changed = 0;
    for (const [name, sc] of Object.entries(SCENARIOS)) {
      const t = sc.trace.map((e) => (e.k === 'call' && addRepeat(e.call) !== e.call ? (changed++, { ...e, call: addRepeat(e.call) }) : e));
      expect(runTrace(sc.cfg, t).verdicts, name).toEqual([]);
    }
    expect(changed).toBeGreaterThan(5);
  });
  it('interleaved REPEAT still needs DMA_REPEAT (CYC-6): the contrast', () => {
    const ilv = call({ op: 'prep_interleaved', chan: 0, desc: 1, xt: { dir: 'MEM_TO_DEV', buf: 1, offset: 0, numf: 1, chunks: [{ size: 8, icg: 0 }] }, flags: REP }, OK);
    expect(firstRule([...setup(0, 1, 64), ...ilv], noRepeatCap)).toBe('violation CYC-6');
  });
});

describe('REPEAT honoured outside interleaved: CYC-9', () => {
  const once = (prep: TraceEntry[]): TraceEntry[] => [...setup(0, 1, 64), ...prep, ...cbNone(1), ...call({ op: 'submit', desc: 1 }, cookie(2)),
    ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 })];
  const first = xfer(0, 1, 0, 8, memSum(1, 0, 8));
  it.each([
    ['slave_sg', prepSg(0, 1, 1, 8, 'MEM_TO_DEV', REP)],
    ['dma_vec', vec(1, 8)],
  ])('%s: a second pass from offset 0 (the proposed looping dma_vec)', (_name, prep) => {
    expect(firstRule([...once(prep), ...adv(first, xfer(0, 1, 0, 8, memSum(1, 0, 8))), ...stopped])).toBe('violation CYC-9');
  });
  it.each([
    ['slave_sg', prepSg(0, 1, 1, 8, 'MEM_TO_DEV', REP)],
    ['dma_vec', vec(1, 8)],
  ])('%s: bytes run on past the end', (_name, prep) => {
    expect(firstRule([...once(prep), ...adv(first, xfer(0, 1, 8, 4, memSum(1, 0, 4))), ...stopped])).toBe('violation CYC-9');
  });
  it('one xfer crossing the end', () => {
    expect(firstRule([...once(vec(1, 8)), ...adv(xfer(0, 1, 0, 12, memSum(1, 0, 8))), ...stopped])).toBe('violation CYC-9');
  });
  it('without REPEAT the same wrap is a data fault, not CYC-9', () => {
    expect(firstRule([...once(vec(1, 8, IA)), ...adv(first, xfer(0, 1, 0, 8, memSum(1, 0, 8))), ...stopped])).toBe('violation DATA-8');
  });
});
