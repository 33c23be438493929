/** `dmaengine_prep_interleaved_dma(chan, xt, flags)`, with DMA_PREP_REPEAT / LOAD_EOT sometimes (CYC-6..CYC-9). @public */
import fc from 'fast-check';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT, DMA_PREP_LOAD_EOT, DMA_PREP_REPEAT } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { bufsMappedTo, DmaCommand, pick } from './index-base.ts';
import { dirOf, prepTargets } from './prep-common.ts';

const IA = DMA_PREP_INTERRUPT | DMA_CTRL_ACK;
/**
 * Plain; REPEAT (repeats until replaced, CYC-6); LOAD_EOT (replaces a repeating transfer at
 * the end of its repetition, CYC-7); both (the replacement repeats in turn).
 */
const FLAGS = [IA, IA | DMA_PREP_REPEAT, IA | DMA_PREP_LOAD_EOT, IA | DMA_PREP_REPEAT | DMA_PREP_LOAD_EOT];

/** @public */
export class PrepInterleaved extends DmaCommand {
  readonly op = 'prep_interleaved';
  constructor(readonly ch: number, readonly b: number, readonly dir: number, readonly numf: number, readonly chunks: readonly { size: number; icg: number }[], readonly flags: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return prepTargets(m).length > 0; }
  resolve(m: Lockstep): Step {
    const chan = pick(prepTargets(m), this.ch).chan;
    const b = pick(bufsMappedTo(m, chan), this.b);
    // Shrink the template until one frame sequence fits the buffer.
    let chunks = this.chunks;
    let numf = this.numf;
    const frame = () => chunks.reduce((s, k) => s + k.size + k.icg, 0);
    while (numf > 1 && numf * frame() > b.len) numf--;
    if (frame() > b.len) chunks = [{ size: b.len, icg: 0 }];
    return {
      k: 'call',
      call: { op: 'prep_interleaved', chan, desc: m.client.nextDesc++, xt: { dir: dirOf(m, chan, this.dir), buf: b.buf, offset: 0, numf, chunks }, flags: pick(FLAGS, this.flags) },
      ctx: 'process',
    };
  }
}

/** @public */
export const prepInterleavedArb = fc
  .tuple(fc.nat(7), fc.nat(7), fc.nat(3), fc.integer({ min: 1, max: 3 }), fc.array(fc.record({ size: fc.integer({ min: 1, max: 32 }), icg: fc.nat(8) }), { minLength: 1, maxLength: 2 }), fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.constant(1), weight: 2 }, { arbitrary: fc.constant(2), weight: 2 }, { arbitrary: fc.constant(3), weight: 1 }))
  .map(([c, b, d, n, k, f]) => new PrepInterleaved(c, b, d, n, k, f));
