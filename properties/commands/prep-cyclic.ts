/** `dmaengine_prep_dma_cyclic(chan, buf, buf_len, period_len, dir, INT)`: buf_len a multiple of period_len (CYC-2, CYC-3). @public */
import fc from 'fast-check';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { bufsMappedTo, DmaCommand, pick } from './index-base.ts';
import { dirOf, prepTargets } from './prep-common.ts';

/** @public */
export class PrepCyclic extends DmaCommand {
  readonly op = 'prep_cyclic';
  constructor(readonly ch: number, readonly b: number, readonly periods: number, readonly dir: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return prepTargets(m).length > 0; }
  resolve(m: Lockstep): Step {
    const chan = pick(prepTargets(m), this.ch).chan;
    const b = pick(bufsMappedTo(m, chan), this.b);
    const periods = Math.min(this.periods, b.len);
    const periodLen = Math.floor(b.len / periods);
    return {
      k: 'call',
      call: { op: 'prep_cyclic', chan, desc: m.client.nextDesc++, buf: b.buf, bufLen: periodLen * periods, periodLen, dir: dirOf(m, chan, this.dir), flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK },
      ctx: 'process',
    };
  }
}

/** @public */
export const prepCyclicArb = fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 4 }), fc.nat(3)).map(([c, b, p, d]) => new PrepCyclic(c, b, p, d));
