/** `dmaengine_prep_peripheral_dma_vec(chan, vecs, n, dir, flags)` (DATA-7). @public */
import fc from 'fast-check';
import type { Ctx, PrepFlags } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { ctxArb, DmaCommand, pick } from './index-base.ts';
import { dirOf, entries, entryArb, type EntryPick, flagsArb, prepTargets } from './prep-common.ts';

/** @public */
export class PrepDmaVec extends DmaCommand {
  readonly op = 'prep_dma_vec';
  constructor(readonly ch: number, readonly dir: number, readonly es: readonly EntryPick[], readonly flags: PrepFlags, readonly ctx: Ctx) { super(); }
  check(m: Readonly<Lockstep>): boolean { return prepTargets(m).length > 0; }
  resolve(m: Lockstep): Step {
    const chan = pick(prepTargets(m), this.ch).chan;
    const vecs = entries(m, chan, this.es);
    return { k: 'call', call: { op: 'prep_dma_vec', chan, desc: m.client.nextDesc++, vecs, dir: dirOf(m, chan, this.dir), flags: this.flags }, ctx: this.ctx };
  }
}

/** @public */
export const prepDmaVecArb = fc
  .tuple(fc.nat(7), fc.nat(3), fc.array(entryArb, { minLength: 1, maxLength: 3 }), flagsArb, ctxArb('atomic'))
  .map(([c, d, es, f, x]) => new PrepDmaVec(c, d, es, f, x));
