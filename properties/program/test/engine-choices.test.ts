import { beforeAll, describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../../../impl/index.ts';
import type { ClientProgram, Model, TraceEntry } from '../../../spec/api/index.ts';
import { loadModel } from '../../../trace/load-model.ts';
import { configFor, DEFAULT_CHOICE, type EngineChoice } from '../engine-choices.ts';
import { runProgram } from '../run.ts';

// A transfer stopped while it runs, then its cookie is read: the two §7 choices show in the trace.
const PROGRAM: ClientProgram = {
  format: 'dmacheck-program/1', name: 'terminate-running',
  slaves: [{ name: 'tx', directions: ['MEM_TO_DEV'], fifoDepth: 4096 }],
  steps: [
    { do: { op: 'request_chan', name: 'tx' } },
    { do: { op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 1, dstMaxburst: 1 } } },
    { do: { op: 'alloc_buf', buf: 1, len: 4096 } },
    { do: { op: 'map_buf', chan: 0, buf: 1, dev: 'dma' } },
    { do: { op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 4096 }], dir: 'MEM_TO_DEV', flags: 3 } },
    { do: { op: 'submit', desc: 1 } },
    { do: { op: 'issue_pending', chan: 0 } },
    { sleep: 10 },
    { do: { op: 'terminate_async', chan: 0 } },
    { do: { op: 'tx_status', chan: 0, desc: 1, withState: false } },
    { do: { op: 'synchronize', chan: 0 } },
    { do: { op: 'unmap_buf', buf: 1 } },
    { do: { op: 'free_buf', buf: 1 } },
    { do: { op: 'release_channel', chan: 0 } },
  ],
};

let model: Model<unknown>;
beforeAll(async () => { model = await loadModel(); });

function run(c: Partial<EngineChoice>): readonly TraceEntry[] {
  const choice = { ...DEFAULT_CHOICE, bytesPerUnit: 1, ...c };
  const r = runProgram({ model, impl: createBuiltinEngine(), program: PROGRAM, config: configFor(PROGRAM, choice), schedule: [], fastPeripheral: false });
  expect(r.verdict).toBeUndefined();
  return r.trace;
}

/** The op of the call the desc_freed of d1 happened in. */
function freedIn(t: readonly TraceEntry[]): string | undefined {
  let call: string | undefined;
  for (const e of t) {
    if (e.k === 'call') call = e.call.op;
    if (e.k === 'ev' && e.ev.ev === 'desc_freed' && e.ev.desc === 1) return call;
  }
  return undefined;
}

const statusAfterTerminate = (t: readonly TraceEntry[]): string | undefined => {
  const i = t.findIndex((e) => e.k === 'call' && e.call.op === 'tx_status');
  const r = t[i + 1];
  return r?.k === 'ret' && r.ret.t === 'status' ? r.ret.st.status : undefined;
};

describe('engine choices of the built-in engine (fact sheet §7), judged conformant either way', () => {
  it('TERM-9: the running descriptor is freed at terminate or at synchronize', () => {
    expect(freedIn(run({ freeActiveAt: 'terminate' }))).toBe('terminate_async');
    expect(freedIn(run({ freeActiveAt: 'synchronize' }))).toBe('synchronize');
  });
  it('STAT-3: an aborted cookie reads IN_PROGRESS or COMPLETE', () => {
    expect(statusAfterTerminate(run({ abortedStatus: 'in_progress' }))).toBe('DMA_IN_PROGRESS');
    expect(statusAfterTerminate(run({ abortedStatus: 'complete' }))).toBe('DMA_COMPLETE');
  });
});
