/**
 * The pure parts of whole-run shrinking (counterexample/objects.ts) and of the printed
 * trace (text.ts): a drop's closure, dropping a slave with renumbering, and the listing
 * that stops at the failing entry.
 */
import { describe, expect, it } from 'vitest';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT, type TraceEntry } from '../../spec/api/index.ts';
import { createBuiltinEngine } from '../../impl/index.ts';
import { dropClosure, dropSlave, simplerCalls } from '../counterexample/objects.ts';
import { printedEntryCount, traceText } from '../counterexample/text.ts';
import { defaultConfig } from '../gen/config.ts';
import { preludeSteps } from '../lockstep/prelude.ts';
import type { Step } from '../lockstep/step.ts';

const base = defaultConfig(createBuiltinEngine().profile);
const config = { ...base, slaves: [0, 1, 2].map((i) => ({ ...base.slaves[0]!, name: `chan${i}` })) };
const call = (c: Extract<Step, { k: 'call' }>['call']): Step => ({ k: 'call', call: c, ctx: 'process' });
const prelude = preludeSteps(config);

describe('dropClosure', () => {
  it('removes a channel with its probe, the buffers mapped for it and the descriptors prepared on them', () => {
    const steps = [...prelude, call({ op: 'prep_slave_sg', chan: 1, desc: 1, sgl: [{ buf: 3, offset: 0, len: 8 }], dir: 'MEM_TO_DEV', flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK }),
      call({ op: 'submit', desc: 1 }), call({ op: 'issue_pending', chan: 0 })];
    const gone = dropClosure(steps, config, { chans: [1] });
    const kept = steps.filter((_, i) => !gone.has(i));
    // Channel 0's and 2's probe (6 steps each) and the issue on channel 0 stay.
    expect(kept).toEqual([...prelude.slice(0, 6), ...prelude.slice(12), steps[steps.length - 1]]);
  });
});

describe('dropSlave', () => {
  it('refuses a slave a step names, and renames index-named slaves after the dropped one', () => {
    expect(dropSlave(config, prelude, 1)).toBeUndefined();
    const steps = [call({ op: 'request_chan', name: 'chan2' }), call({ op: 'issue_pending', chan: 2 })];
    const d = dropSlave(config, steps, 1)!;
    expect(d.config.slaves.map((s) => s.name)).toEqual(['chan0', 'chan1']);
    expect(d.steps).toEqual([call({ op: 'request_chan', name: 'chan1' }), call({ op: 'issue_pending', chan: 1 })]);
  });
});

describe('simplerCalls', () => {
  it('offers the one-shot form of a cyclic prep first, then a ring of one period, then half the ring', () => {
    const cyc = { op: 'prep_cyclic', chan: 0, desc: 1, buf: 2, bufLen: 64, periodLen: 16, dir: 'MEM_TO_DEV', flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK | 256 } as const;
    expect(simplerCalls(cyc)).toEqual([
      { op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 2, offset: 0, len: 16 }], dir: 'MEM_TO_DEV', flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK },
      { ...cyc, bufLen: 16 },
      { ...cyc, bufLen: 32, periodLen: 8 },
    ]);
    expect(simplerCalls({ op: 'issue_pending', chan: 0 })).toEqual([]);
  });
});

describe('traceText', () => {
  it('numbers entries by trace line and stops at the failing entry, counting the rest', () => {
    const trace: TraceEntry[] = [
      { k: 'call', call: { op: 'issue_pending', chan: 0 }, ctx: 'process' },
      { k: 'ev', ev: { ev: 'hw_start', chan: 0, desc: 1 } },
      { k: 'ret', ret: { t: 'void' } },
      { k: 'env', step: { op: 'irq', chan: 0 } },
      { k: 'ev', ev: { ev: 'complete', chan: 0, desc: 1, cookie: 2 } },
      { k: 'ev', ev: { ev: 'tasklet_scheduled', chan: 0 } },
      { k: 'env_end' },
    ];
    const text = traceText(trace, { kind: 'violation', rule: 'ISS-3', step: 4, msg: 'x' });
    expect(text.split('\n')).toEqual([
      '     2  issue_pending(ch0)',
      '     3    hw_start d1 (ch0)',
      '     4  ret (void)',
      '     5  irq(ch0)',
      '>>   6    complete d1 cookie 2 (ch0)',
      '          ^ violation ISS-3 at line 6: x',
      '        (2 more entries to the end of the step, after the failure: not judged)',
    ]);
    expect(printedEntryCount(trace, 4)).toBe(5);
  });
});
