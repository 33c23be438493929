/**
 * Misuse: `dmaengine_desc_set_reuse` on a channel whose capabilities lack descriptor_reuse
 * (CAPS-5). The engine's -EPERM answer (DESC-10) is still checked before the misuse counts.
 * @public
 */
import fc from 'fast-check';
import type { DescView } from '../../../spec/api/index.ts';
import type { Lockstep } from '../../lockstep/runner.ts';
import type { Step } from '../../lockstep/step.ts';
import { allDescs, DmaCommand, type Misuse, pick } from '../index-base.ts';

const targets = (m: Readonly<Lockstep>): DescView[] =>
  m.config.caps.descriptorReuse ? [] : allDescs(m, (d) => d.phase === 'prepared' && !d.reuse && d.kind !== 'cyclic');

/** @public */
export class ReuseWithoutCap extends DmaCommand {
  readonly op = 'misuse:reuse_without_cap';
  constructor(readonly d: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'set_reuse', desc: pick(targets(m), this.d).desc }, ctx: 'process' }; }
  override misuse(): Misuse { return { rules: ['CAPS-5'], immediate: false }; }
}

/** @public */
export const reuseWithoutCapArb = fc.nat(7).map((d) => new ReuseWithoutCap(d));
