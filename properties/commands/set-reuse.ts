/** `dmaengine_desc_set_reuse(desc)` on engines with `caps.descriptor_reuse` only (CAPS-5, DESC-10). @public */
import fc from 'fast-check';
import type { DescView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { allDescs, DmaCommand, pick } from './index-base.ts';

const targets = (m: Readonly<Lockstep>): DescView[] =>
  m.config.caps.descriptorReuse ? allDescs(m, (d) => d.phase === 'prepared' && !d.reuse && d.kind !== 'cyclic') : [];

/** @public */
export class SetReuse extends DmaCommand {
  readonly op = 'set_reuse';
  constructor(readonly d: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'set_reuse', desc: pick(targets(m), this.d).desc }, ctx: 'process' }; }
}

/** @public */
export const setReuseArb = fc.nat(7).map((d) => new SetReuse(d));
