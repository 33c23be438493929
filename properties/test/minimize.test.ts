/**
 * The last shrinking pass (counterexample/minimize.ts) drops steps fast-check keeps (a
 * prep and its submit, apart) and merges terminate_async + synchronize into
 * terminate_sync, keeping the failure (fault `terminate-keeps-paused`, TERM-11).
 */
import { describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../../impl/index.ts';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT } from '../../spec/api/index.ts';
import { minimizeRun } from '../counterexample/minimize.ts';
import { defaultConfig } from '../gen/config.ts';
import { preludeSteps } from '../lockstep/prelude.ts';
import { replaySteps } from '../lockstep/replay.ts';
import type { Step } from '../lockstep/step.ts';
import { model } from './harness.ts';

const call = (c: Extract<Step, { k: 'call' }>['call']): Step => ({ k: 'call', call: c, ctx: 'process' });
const prep = (desc: number): Step =>
  call({ op: 'prep_slave_sg', chan: 0, desc, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'MEM_TO_DEV', flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK });

describe('minimizeRun', () => {
  it('drops steps the failure does not need (a prep and its later submit) and merges terminate_async + synchronize', async () => {
    const impl = createBuiltinEngine({ faults: new Set(['terminate-keeps-paused']) });
    const config = defaultConfig(impl.profile);
    const prelude = preludeSteps(config);
    const gen: Step[] = [
      prep(1), call({ op: 'pause', chan: 0 }), call({ op: 'submit', desc: 1 }),
      call({ op: 'terminate_async', chan: 0 }), call({ op: 'synchronize', chan: 0 }), prep(2),
    ];
    const m = await model();
    const run = replaySteps(m, impl, config, 'legal', [...prelude, ...gen]);
    run.preludeLength = prelude.length;
    expect(run.failure).toMatchObject({ kind: 'violation', rule: 'TERM-11' });
    const min = minimizeRun({ model: m, impl, config, mode: 'legal', run });
    expect(min.failure).toMatchObject({ kind: 'violation', rule: 'TERM-11' });
    expect(min.steps.slice(min.preludeLength).map((s) => (s.k === 'call' ? s.call.op : s.step.op))).toEqual(['pause', 'terminate_sync', 'prep_slave_sg']);
  });
});

describe('minimizeRun on the whole run', () => {
  it('drops the probe of channels and buffers the failure does not name, and their slave (CB-1, cb-hardirq)', async () => {
    const impl = createBuiltinEngine({ faults: new Set(['cb-hardirq']) });
    const config = defaultConfig(impl.profile);
    const prelude = preludeSteps(config);
    const gen: Step[] = [prep(1), call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'seq', actions: [{ kind: 'tx_status' }, { kind: 'none' }] } }), call({ op: 'issue_pending', chan: 1 })];
    const m = await model();
    const run = replaySteps(m, impl, config, 'legal', [...prelude, ...gen]);
    run.preludeLength = prelude.length;
    expect(run.failure).toMatchObject({ kind: 'violation', rule: 'CB-1' });
    const min = minimizeRun({ model: m, impl, config, mode: 'legal', run });
    expect(min.failure).toMatchObject({ kind: 'violation', rule: 'CB-1' });
    expect(min.config.slaves.map((s) => s.name)).toEqual([config.slaves[0]!.name]);
    const setup = min.steps.slice(0, min.preludeLength).map((s) => (s.k === 'call' ? s.call.op : s.step.op));
    expect(setup).toEqual(['request_chan', 'alloc_buf', 'map_buf']);
    // The callback action is simplified to the one the failure needs (a callback at all), the transfer to one byte.
    const oneByte = call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 1 }], dir: 'MEM_TO_DEV', flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK });
    expect(min.steps.slice(min.preludeLength)).toEqual([oneByte, call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } })]);
  });
});
