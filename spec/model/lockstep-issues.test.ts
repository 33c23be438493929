import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../api/index.ts';
import { DMA_PREP_LOAD_EOT, DMA_PREP_REPEAT } from '../api/index.ts';
import {
  call, cb, config, cookie, env, IA, memSum, memSumParts, OK, prepSg, runM2D, runTrace, setup, submitIssue, VOID, xfer, ZERO,
} from './trace-builder.ts';

/**
 * Legal engine behaviour the model once rejected (out/model-issues/*.json, found by the
 * lockstep harness), and the bugs next to each that the model must still catch.
 */
const S = setup(0, 1, 64);
const ev = (e: Extract<TraceEntry, { k: 'ev' }>['ev']): TraceEntry => ({ k: 'ev', ev: e });
const cbNone = (desc: number): TraceEntry[] => call({ op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } }, VOID);
const freed = (desc: number, recycled = false, chan = 0): TraceEntry => ev({ ev: 'desc_freed', chan, desc, recycled });
const rules = (t: readonly TraceEntry[]): string[] => runTrace(config(), t).verdicts.map((v) => ('rule' in v ? `${v.kind} ${v.rule}` : v.kind));
const firstRule = (t: readonly TraceEntry[]): string => rules(t)[0] ?? 'none';

describe('CYC-7 / CYC-8: LOAD_EOT counts only directly behind the repeated transfer', () => {
  const ilv = (desc: number, flags: number): TraceEntry[] =>
    call({ op: 'prep_interleaved', chan: 0, desc, xt: { dir: 'MEM_TO_DEV', buf: 1, offset: 0, numf: 1, chunks: [{ size: 8, icg: 0 }] }, flags }, OK);
  const rep = xfer(0, 1, 0, 8, memSum(1, 0, 8));
  // Repeated d1, then d2 without LOAD_EOT, then d3 with it (CYC-7-loadeot-behind-other.json).
  const queued = [...S, ...ilv(1, IA | DMA_PREP_REPEAT), ...cbNone(1), ...prepSg(0, 2, 1, 8), ...cbNone(2), ...ilv(3, IA | DMA_PREP_LOAD_EOT), ...cbNone(3),
    ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'submit', desc: 2 }, cookie(3)), ...call({ op: 'submit', desc: 3 }, cookie(4)),
    ...call({ op: 'issue_pending', chan: 0 }, VOID, ev({ ev: 'hw_start', chan: 0, desc: 1 }))];
  it('accepts the engine repeating on: d2 blocks the queue, so d3 is never processed', () => {
    expect(rules([...queued, ...env({ op: 'advance', units: 6 }, rep, rep, rep)])).toEqual([]);
  });
  it('accepts the whole queue dropped by terminate_sync', () => {
    expect(rules([...queued, ...env({ op: 'advance', units: 4 }, rep, rep),
      ...call({ op: 'terminate_sync', chan: 0 }, ZERO, freed(2), freed(3), freed(1))])).toEqual([]);
  });
  it('rejects d3 taking over from behind d2', () => {
    expect(firstRule([...queued, ...env({ op: 'advance', units: 2 }, rep, ev({ ev: 'hw_start', chan: 0, desc: 3 }))])).toBe('violation CYC-8');
  });
  it('rejects d2 (no LOAD_EOT) taking over', () => {
    expect(firstRule([...queued, ...env({ op: 'advance', units: 2 }, rep, ev({ ev: 'irq_raised', chan: 0 })),
      ...env({ op: 'irq', chan: 0 }, ev({ ev: 'hw_start', chan: 0, desc: 2 }))])).toBe('violation CYC-8');
  });
  it('rejects the repeated transfer completing with only a LOAD_EOT transfer further back', () => {
    expect(firstRule([...queued, ...env({ op: 'advance', units: 2 }, rep, ev({ ev: 'irq_raised', chan: 0 })),
      ...env({ op: 'irq', chan: 0 }, ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }))])).toBe('violation CYC-7');
  });
  it('still demands the take-over when LOAD_EOT is directly behind (load-eot-ignored)', () => {
    const direct = [...S, ...ilv(1, IA | DMA_PREP_REPEAT), ...cbNone(1), ...ilv(3, IA | DMA_PREP_LOAD_EOT), ...cbNone(3), ...prepSg(0, 2, 1, 8), ...cbNone(2),
      ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'submit', desc: 3 }, cookie(3)), ...call({ op: 'submit', desc: 2 }, cookie(4)),
      ...call({ op: 'issue_pending', chan: 0 }, VOID, ev({ ev: 'hw_start', chan: 0, desc: 1 }))];
    expect(firstRule([...direct, ...env({ op: 'advance', units: 4 }, rep, rep)])).toBe('violation CYC-7');
  });
});

describe('DESC-13 / CH-6: release of a channel with a completed REUSE descriptor', () => {
  // DESC-13-release-recycles-reuse.json: the tasklet run by release recycles it, then release frees it.
  const done = (withCb: boolean): TraceEntry[] => [...S, ...prepSg(0, 1, 1, 16), ...(withCb ? cbNone(1) : []),
    ...call({ op: 'set_reuse', desc: 1 }, ZERO), ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 16, 2)];
  const release = (...evs: readonly TraceEntry[]): TraceEntry[] => call({ op: 'release_channel', chan: 0 }, VOID, ...evs);
  it('accepts recycled, then freed (no callback)', () => {
    expect(rules([...done(false), ...release(freed(1, true), freed(1))])).toEqual([]);
  });
  it('accepts the owed callback, then recycled, then freed', () => {
    expect(rules([...done(true), ...release(...cb({ chan: 0, desc: 1 }), freed(1, true), freed(1))])).toEqual([]);
  });
  it('accepts a plain free at release', () => {
    expect(rules([...done(true), ...release(...cb({ chan: 0, desc: 1 }), freed(1))])).toEqual([]);
  });
  it('rejects recycling before the owed callback ran (release-tasklet-live)', () => {
    expect(firstRule([...done(true), ...release(freed(1, true), freed(1))])).toBe('violation CH-6');
  });
  it('rejects recycling a descriptor without REUSE at release', () => {
    const plain = [...S, ...prepSg(0, 1, 1, 16), ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 16, 2)];
    expect(firstRule([...plain, ...release(freed(1, true))])).toBe('violation DESC-13');
  });
});

describe('DATA-8: bytes of a tainted buffer are unknown in the peripheral FIFO', () => {
  // DATA-8-tainted-fifo.json: client UB on channel 0 taints buffer 1; channel 1 then sends from it.
  const tainted = [...S, ...prepSg(0, 1, 1, 16, 'DEV_TO_MEM'), ...call({ op: 'resume', chan: 0 }, ZERO),
    ...setup(1, 2, 64), ...call({ op: 'map_buf', chan: 1, buf: 1, dev: 'dma' }, ZERO)];
  const mixed = [...tainted, ...call({ op: 'prep_slave_sg', chan: 1, desc: 2, sgl: [{ buf: 1, offset: 0, len: 8 }, { buf: 2, offset: 0, len: 8 }], dir: 'MEM_TO_DEV', flags: IA }, OK),
    ...cbNone(2), ...submitIssue(1, 2, 2), ...env({ op: 'advance', units: 4 }, xfer(1, 2, 0, 16, 0x1234), ev({ ev: 'irq_raised', chan: 1 }))];
  const rx = (len: number, sum: number): TraceEntry[] => env({ op: 'drain', chan: 1, bytes: len }, ev({ ev: 'periph_rx', chan: 1, len, sum }));
  it('accepts any content for the tainted bytes, checks the known ones after them', () => {
    expect(rules([...mixed, ...rx(8, 0xdeadbeef), ...rx(8, memSum(2, 0, 8))])).toEqual(['undefined PAUSE-3']);
  });
  it('accepts one drain covering both', () => {
    expect(rules([...mixed, ...rx(16, 0xdeadbeef)])).toEqual(['undefined PAUSE-3']);
  });
  it('still rejects wrong bytes where the content is known', () => {
    expect(rules([...mixed, ...rx(8, 0xdeadbeef), ...rx(8, memSumParts(2, [[1, 8]]))])).toEqual(['undefined PAUSE-3', 'violation DATA-8']);
  });
});
