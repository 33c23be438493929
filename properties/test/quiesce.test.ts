/** End-of-run quiescing also settles channels released during the run (fixed steps). */
import { describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../../impl/index.ts';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT } from '../../spec/api/index.ts';
import { defaultConfig } from '../gen/config.ts';
import { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { verdictLine } from '../lockstep/step.ts';
import { model } from './harness.ts';

const call = (c: Extract<Step, { k: 'call' }>['call']): Step => ({ k: 'call', call: c, ctx: 'process' });

describe('finish()', () => {
  it('drains the peripheral of a channel released with bytes still in its FIFO', async () => {
    const impl = createBuiltinEngine();
    const r = new Lockstep(await model(), impl, defaultConfig(impl.profile), { mode: 'legal' });
    r.prelude();
    for (const s of [
      call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 16 }], dir: 'MEM_TO_DEV', flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK }),
      call({ op: 'submit', desc: 1 }),
      call({ op: 'issue_pending', chan: 0 }),
      { k: 'env', step: { op: 'advance', units: 64 } },
      { k: 'env', step: { op: 'irq', chan: 0 } },
      call({ op: 'release_channel', chan: 0 }),
    ] as Step[]) r.exec(s);
    expect(r.model?.chan(r.state, 0)?.periphBytes).toBe(16);
    const released = r.trace.length;
    r.finish();
    expect(r.failure && verdictLine(r.failure)).toBeUndefined();
    expect(r.trace.slice(released)).toContainEqual({ k: 'env', step: { op: 'drain', chan: 0, bytes: 16 } });
    expect(r.model?.chan(r.state, 0)?.periphBytes).toBe(0);
  });
});
