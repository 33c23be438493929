import { describe, expect, it } from 'vitest';
import type { ClientProgram } from '../../spec/api/program.ts';
import { encodeProgram } from './encode.ts';

const program: ClientProgram = {
  format: 'dmacheck-program/1',
  name: 'tx-then-wait',
  steps: [
    { do: { op: 'request_chan', name: 'tx' } },
    { do: { op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 1, dstMaxburst: 1 } } },
    { do: { op: 'alloc_buf', buf: 0, len: 4096 } },
    { do: { op: 'map_buf', chan: 0, buf: 0, dev: 'dma' } },
    { do: { op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 0, offset: 0, len: 4096 }], dir: 'MEM_TO_DEV', flags: 3 } },
    { do: { op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'chain', buf: 0, len: 64, dir: 'DEV_TO_MEM' } } },
    { do: { op: 'submit', desc: 1 } },
    { do: { op: 'issue_pending', chan: 0 } },
    { wait: 'callback', desc: 1, timeoutUs: 50000, onTimeout: [{ do: { op: 'terminate_sync', chan: 0 } }, { sleep: 10 }] },
    { do: { op: 'tx_status', chan: 0, desc: 1, withState: true } },
    { wait: 'complete', desc: 1, timeoutUs: 1000 },
    { do: { op: 'release_channel', chan: 0 } },
  ],
};

describe('encodeProgram', () => {
  it('writes one line per step, onTimeout flattened after its wait', () => {
    const r = encodeProgram(program, 7);
    if (!r.ok) throw new Error(r.reason);
    expect(r.program.text).toBe([
      'P 7 2 14',
      'c 0',
      'c 3 0 -1 4 4 1 1 -1',
      'c 5 0 4096',
      'c 7 0 0 0',
      'c 9 0 1 1 3 1 0 0 4096',
      'c 12 1 0 1 1 0 64 2',
      'c 15 1',
      'c 16 0',
      'w 0 1 1 50000 0 2',
      'c 22 0',
      's 10',
      'c 17 0 1 1 1',
      'w 1 1 1 1000 100 0',
      'c 2 0',
      '',
    ].join('\n'));
    expect(r.program.flat[8]).toEqual({ kind: 'wait', wait: 'callback', desc: 1 });
    expect(r.program.flat[9]).toEqual({ kind: 'call', call: { op: 'terminate_sync', chan: 0 } });
  });

  it('expands a seq action and numbers chained descriptors after the largest id', () => {
    const r = encodeProgram({ steps: [
      { do: { op: 'set_callback', desc: 9, fn: 'callback_result', action: { kind: 'seq', actions: [{ kind: 'tx_status' }, { kind: 'unmap', buf: 3 }] } } },
    ] }, 0);
    if (!r.ok) throw new Error(r.reason);
    expect(r.program.text).toBe('P 0 10 1\nc 12 9 1 2 6 0 0 0 9 3 0 0\n');
  });

  it('writes a call made from atomic or hard-IRQ context as an a or h line and keeps its ctx', () => {
    const r = encodeProgram({ steps: [
      { do: { op: 'submit', desc: 1 }, ctx: 'hardirq' },
      { do: { op: 'terminate_async', chan: 0 }, ctx: 'atomic' },
      { do: { op: 'synchronize', chan: 0 } },
    ] }, 0);
    if (!r.ok) throw new Error(r.reason);
    expect(r.program.text).toBe('P 0 2 3\nh 15 1\na 21 0\nc 24 0\n');
    expect(r.program.flat.map((f) => (f.kind === 'call' ? f.ctx : f.kind))).toEqual(['hardirq', 'atomic', undefined]);
  });

  it('names what the agent cannot run instead of encoding it', () => {
    const vec = encodeProgram({ steps: [{ do: { op: 'prep_dma_vec', chan: 0, desc: 1, vecs: [{ buf: 0, offset: 0, len: 4 }], dir: 'MEM_TO_DEV', flags: 1 } }] }, 0);
    expect(vec).toEqual({ ok: false, reason: 'prep_dma_vec: Linux 6.1 has no dmaengine_prep_peripheral_dma_vec' });
    const big = encodeProgram({ steps: [{ do: { op: 'alloc_buf', buf: 64, len: 4 } }] }, 0);
    expect(big.ok).toBe(false);
  });
});
