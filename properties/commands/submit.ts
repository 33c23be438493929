/** `dmaengine_submit(desc)`: a prepared descriptor, or an idle REUSE one, whose buffers are still mapped (SUB-1, CK-2, CK-3, DESC-13). @public */
import fc from 'fast-check';
import type { Ctx, DescView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { allDescs, ctxArb, DmaCommand, pick } from './index-base.ts';

function targets(m: Readonly<Lockstep>): DescView[] {
  return allDescs(m, (d) => {
    if (!(d.phase === 'prepared' || (d.reuse && d.phase === 'reusable'))) return false;
    const cd = m.client.descs.get(d.desc);
    // Anything may queue behind a repeated transfer: without LOAD_EOT it just never runs (CYC-8).
    return cd !== undefined && cd.bufs.every((b) => m.client.bufs.get(b)?.mapped === d.chan);
  });
}

/** @public */
export class Submit extends DmaCommand {
  readonly op = 'submit';
  constructor(readonly d: number, readonly ctx: Ctx) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'submit', desc: pick(targets(m), this.d).desc }, ctx: this.ctx }; }
}

/** @public */
export const submitArb = fc.tuple(fc.nat(7), ctxArb('atomic')).map(([d, x]) => new Submit(d, x));
