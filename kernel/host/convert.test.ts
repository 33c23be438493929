/**
 * The converter on agent logs recorded from the real bcm2835-dma (fixtures/*.log, one
 * boot of Debian's 6.1.0-57-arm64 under QEMU raspi3b) and on hand-made damaged logs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../spec/api/program-schema.ts';
import type { ProgramLog } from './console.ts';
import { convertProgram } from './convert.ts';
import { encodeProgram } from './encode.ts';

const KERNEL = { release: '6.1.0-57-arm64', version: '6.1.192-3' };

function fixture(name: string, edit: (records: string[]) => string[] = (r) => r, intact = true): { trace: unknown[]; complete: boolean; stopped?: string } {
  const program = parseProgram(JSON.parse(readFileSync(new URL(`fixtures/${name}.program.json`, import.meta.url), 'utf8')));
  const records = edit(readFileSync(new URL(`fixtures/${name}.log`, import.meta.url), 'utf8').trim().split('\n'));
  const log: ProgramLog = { index: 0, records, overflow: false, us: 500, intact };
  const enc = encodeProgram(program, 0);
  if (!enc.ok) throw new Error(enc.reason);
  const cv = convertProgram(log, enc.program, program.name, KERNEL);
  return { trace: cv.trace.trim().split('\n').map((l) => JSON.parse(l) as unknown), complete: cv.complete, ...(cv.stopped === undefined ? {} : { stopped: cv.stopped }) };
}

describe('convertProgram', () => {
  it('writes the 1.1 header: the real driver, what is observed, the channel the kernel gave', () => {
    const { trace } = fixture('cb-term-async');
    expect(trace[0]).toMatchObject({
      format: 'dmacheck-trace/1.1',
      implementation: 'linux 6.1.0-57-arm64 bcm2835-dma (qemu raspi3b)',
      config: { slaves: [{ name: 'dma0chan0' }], caps: { pause: false, resume: false, terminate: true, synchronize: true, descriptorReuse: true, cyclic: true, interleave: false }, residueGranularity: 'burst', addrWidths: [4], maxBurst: 0, cookieInit: 1 },
      observe: { events: ['hw_start', 'complete', 'tasklet_scheduled', 'desc_freed'], env: ['irq', 'tasklet'], data: false },
    });
    expect(trace[1]).toEqual({ k: 'call', call: { op: 'request_chan', name: 'dma0chan0' }, ctx: 'process' });
  });

  it('nests the IRQ and the tasklet inside issue_pending, the callback and its calls inside the tasklet', () => {
    const { trace, complete } = fixture('cb-term-async');
    const from = trace.findIndex((e) => JSON.stringify(e) === '{"k":"call","call":{"op":"issue_pending","chan":0},"ctx":"process"}');
    expect(trace.slice(from + 1, from + 9)).toEqual([
      { k: 'ev', ev: { ev: 'hw_start', chan: 0, desc: 1 } },
      { k: 'env', step: { op: 'irq', chan: 0 } },
      { k: 'ev', ev: { ev: 'complete', chan: 0, desc: 1, cookie: 2 } },
      { k: 'ev', ev: { ev: 'tasklet_scheduled', chan: 0 } },
      { k: 'ev', ev: { ev: 'hw_start', chan: 0, desc: 2 } },
      { k: 'env_end' },
      { k: 'env', step: { op: 'irq', chan: 0 } },
      { k: 'ev', ev: { ev: 'complete', chan: 0, desc: 2, cookie: 3 } },
    ]);
    expect(trace).toContainEqual({ k: 'cb', cb: { chan: 0, desc: 1, fn: 'callback', period: false, ctx: 'tasklet', locksHeld: false } });
    expect(trace).toContainEqual({ k: 'call', call: { op: 'terminate_async', chan: 0 }, ctx: 'callback' });
    expect(complete).toBe(true);
    expect(trace.at(-1)).toEqual({ end: true });
  });

  it('reports a REUSE descriptor put back by the tasklet as recycled, after its callback', () => {
    const { trace } = fixture('reuse-twice');
    const cbRet = trace.findIndex((e) => JSON.stringify(e) === '{"k":"cb_ret"}');
    expect(trace[cbRet + 1]).toEqual({ k: 'ev', ev: { ev: 'desc_freed', chan: 0, desc: 1, recycled: true } });
    expect(trace).toContainEqual({ k: 'ret', ret: { t: 'cookie', v: 3 } });
  });

  it('ends the trace inside a call the agent did not make, without an end line', () => {
    const { trace, complete, stopped } = fixture('misuse-sync-in-cb');
    expect(complete).toBe(false);
    expect(stopped).toBe('a callback called a sleeping API (not made: it would hang this CPU)');
    expect(trace.at(-1)).toEqual({ k: 'call', call: { op: 'synchronize', chan: 0 }, ctx: 'callback' });
  });

  it('gives each step call the context the agent measured: hard IRQ, spinlock held, process', () => {
    const { trace, complete } = fixture('irq-ctx');
    const calls = trace.filter((e): e is { k: 'call'; call: { op: string }; ctx: string } => (e as { k?: string }).k === 'call');
    expect(calls.map((e) => `${e.call.op} ${e.ctx}`)).toEqual([
      'request_chan process', 'slave_config process', 'alloc_buf process', 'map_buf process',
      'prep_slave_sg hardirq', 'set_callback hardirq', 'submit hardirq', 'issue_pending hardirq',
      'tx_status atomic', 'prep_slave_sg hardirq', 'submit hardirq', 'terminate_async atomic',
      'synchronize process', 'unmap_buf process', 'free_buf process', 'release_channel process',
    ]);
    // Interrupts are off in the handler: the DMA IRQ comes after issue_pending returned.
    const issue = trace.findIndex((e) => JSON.stringify(e) === '{"k":"call","call":{"op":"issue_pending","chan":0},"ctx":"hardirq"}');
    expect(trace.slice(issue + 1, issue + 4)).toEqual([
      { k: 'ev', ev: { ev: 'hw_start', chan: 0, desc: 1 } }, { k: 'ret', ret: { t: 'void' } }, { k: 'env', step: { op: 'irq', chan: 0 } },
    ]);
    expect(complete).toBe(true);
  });

  it('ends the trace inside a sleeping call from atomic context, which the agent did not make', () => {
    const { trace, complete, stopped } = fixture('misuse-terminate-sync-atomic');
    expect(complete).toBe(false);
    expect(stopped).toBe('a step called a sleeping API in atomic context (not made: it would sleep with interrupts off)');
    expect(trace.at(-1)).toEqual({ k: 'call', call: { op: 'terminate_sync', chan: 0 }, ctx: 'atomic' });
  });

  it('stops at a record it cannot read instead of guessing', () => {
    const { trace, complete, stopped } = fixture('cb-term-async', (r) => r.map((l) => (l === 'Ri 0' ? 'Ri -99' : l)));
    expect(complete).toBe(false);
    expect(stopped).toBe('errno -99 outside the vocabulary');
    expect(trace.at(-1)).toMatchObject({ k: 'call', call: { op: 'slave_config' } });
  });

  it('gives no end line for a log whose checksum failed', () => {
    const { complete, stopped, trace } = fixture('reuse-twice', (r) => r, false);
    expect(complete).toBe(false);
    expect(stopped).toBe('console noise mixed into the log (checksum mismatch)');
    expect(trace.at(-1)).toEqual({ k: 'ret', ret: { t: 'void' } });
  });
});
