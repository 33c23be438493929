/**
 * The static legality check on hand-written programs: a legal base program passes, and
 * each known way of breaking it names its rule at the step that breaks it.
 */
import { describe, expect, it } from 'vitest';
import type { ClientProgram, ProgramStep } from '../../spec/api/program.ts';
import { checkLegality } from '../gen/legality.ts';

const M2D = 'MEM_TO_DEV' as const;
const setup: ProgramStep[] = [
  { do: { op: 'request_chan', name: 'c0' } },
  { do: { op: 'get_slave_caps', chan: 0 } },
  { do: { op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 1, dstMaxburst: 1 } } },
  { do: { op: 'alloc_buf', buf: 0, len: 256 } },
  { do: { op: 'map_buf', chan: 0, buf: 0, dev: 'dma' } },
];
const prep = (desc: number, flags = 3): ProgramStep => ({ do: { op: 'prep_slave_sg', chan: 0, desc, sgl: [{ buf: 0, offset: 0, len: 256 }], dir: M2D, flags } });
const cb = (desc: number, kind: 'none' | 'terminate_async' | 'synchronize' = 'none'): ProgramStep => ({ do: { op: 'set_callback', desc, fn: 'callback', action: { kind } } });
const submit = (desc: number): ProgramStep => ({ do: { op: 'submit', desc } });
const issue: ProgramStep = { do: { op: 'issue_pending', chan: 0 } };
const wait = (desc: number, count = 1): ProgramStep => ({ wait: 'callback', desc, count, timeoutUs: 1000, onTimeout: [{ do: { op: 'terminate_sync', chan: 0 } }] });
const stop: ProgramStep = { do: { op: 'terminate_sync', chan: 0 } };
const teardown: ProgramStep[] = [stop, { do: { op: 'unmap_buf', buf: 0 } }, { do: { op: 'free_buf', buf: 0 } }, { do: { op: 'release_channel', chan: 0 } }];
const program = (steps: ProgramStep[]): ClientProgram => ({ format: 'dmacheck-program/1', name: 't', steps });

describe('checkLegality', () => {
  it('accepts a legal program: transfer, REUSE resubmit after its callback, desc_free when idle', () => {
    expect(checkLegality(program([
      ...setup, prep(1), cb(1), { do: { op: 'set_reuse', desc: 1 } }, submit(1), issue, wait(1),
      submit(1), issue, wait(1, 2), { do: { op: 'desc_free', desc: 1 } }, ...teardown,
    ]))).toBeUndefined();
  });

  it('accepts work queued from a hard-IRQ handler and terminate_async with a spinlock held, synchronize from process context', () => {
    const h = (st: ProgramStep): ProgramStep => ({ ...st, ctx: 'hardirq' }) as ProgramStep;
    expect(checkLegality(program([
      ...setup, h(prep(1)), h(cb(1)), h(submit(1)), h(issue), wait(1),
      h(prep(2)), h(submit(2)), { do: { op: 'terminate_async', chan: 0 }, ctx: 'atomic' }, { do: { op: 'tx_status', chan: 0, desc: 2, withState: true }, ctx: 'atomic' },
      { do: { op: 'synchronize', chan: 0 } }, ...teardown,
    ]))).toBeUndefined();
  });

  it.each<[string, ProgramStep[], string, string]>([
    ['prep before slave_config', [setup[0]!, setup[3]!, setup[4]!, prep(1)], 'CFG-1', '3'],
    ['prep without DMA_CTRL_ACK', [...setup, prep(1, 1)], 'DESC-9', '5'],
    ['a callback without DMA_PREP_INTERRUPT', [...setup, prep(1, 2), cb(1)], 'DESC-8', '6'],
    ['a callback that sleeps', [...setup, prep(1), cb(1, 'synchronize')], 'CB-6', '6'],
    ['REUSE without asking the caps', [setup[0]!, setup[2]!, setup[3]!, setup[4]!, prep(1), { do: { op: 'set_reuse', desc: 1 } }], 'CAPS-5', '5'],
    ['a REUSE resubmit before its callback returned', [...setup, prep(1), cb(1), { do: { op: 'set_reuse', desc: 1 } }, submit(1), issue, submit(1)], 'DESC-16', '10'],
    ['desc_free of a busy REUSE descriptor', [...setup, prep(1), cb(1), { do: { op: 'set_reuse', desc: 1 } }, submit(1), issue, { do: { op: 'desc_free', desc: 1 } }], 'DESC-12', '10'],
    ['unmap while the transfer may run', [...setup, prep(1), submit(1), issue, { do: { op: 'unmap_buf', buf: 0 } }], 'DATA-3', '8'],
    ['new work behind a terminating callback', [...setup, prep(1), cb(1, 'terminate_async'), submit(1), issue, prep(2)], 'SYNC-7', '9'],
    ['new work after the terminating callback ran', [...setup, prep(1), cb(1, 'terminate_async'), submit(1), issue, wait(1), issue], 'SYNC-3', '10'],
    ['release without stopping', [...setup, prep(1), submit(1), issue, { do: { op: 'release_channel', chan: 0 } }], 'CH-7', '8'],
    ['a prepared descriptor never submitted', [...setup, prep(1), ...teardown], 'DESC-4', 'end'],
    ['a mapping never unmapped', [...setup, stop], 'DATA-9', 'end'],
    ['a buffer handed back while mapped', [...setup, { do: { op: 'give_back', buf: 0 } }], 'DATA-10', '5'],
    ['terminate_sync with a spinlock held', [...setup, prep(1), submit(1), issue, { do: { op: 'terminate_sync', chan: 0 }, ctx: 'atomic' }], 'TERM-5', '8'],
    ['synchronize from a hard-IRQ handler', [...setup, prep(1), submit(1), issue, { do: { op: 'terminate_async', chan: 0 } }, { do: { op: 'synchronize', chan: 0 }, ctx: 'hardirq' }], 'SYNC-2', '9'],
    ['a channel requested with a spinlock held', [{ do: { op: 'request_chan', name: 'c0' }, ctx: 'atomic' }], 'CH-3', '0'],
    ['a buffer allocated from a hard-IRQ handler (not generated)', [...setup, { do: { op: 'alloc_buf', buf: 1, len: 8 }, ctx: 'hardirq' }], 'PROGRAM', '5'],
    ['an error path that stops the channel from atomic context', [...setup, prep(1), cb(1), submit(1), issue, { wait: 'callback', desc: 1, timeoutUs: 10, onTimeout: [{ ...stop, ctx: 'atomic' }] }], 'PROGRAM', '9.onTimeout.0'],
    ['a wait whose error path does more than stop the channel', [...setup, prep(1), cb(1), submit(1), issue, { wait: 'callback', desc: 1, timeoutUs: 10, onTimeout: [issue] }], 'PROGRAM', '9.onTimeout.0'],
  ])('%s: %s at step %s', (_, steps, rule, at) => {
    expect(checkLegality(program(steps))).toMatchObject({ rule, at });
  });
});
