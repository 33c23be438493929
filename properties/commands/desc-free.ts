/**
 * `dmaengine_desc_free(desc)` on a REUSE descriptor not in flight (DESC-11, DESC-12, DESC-14),
 * or on a prepared descriptor without REUSE, which must be refused with -EPERM (DESC-11).
 * @public
 */
import fc from 'fast-check';
import type { DescView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { allDescs, DmaCommand, pick } from './index-base.ts';

const targets = (m: Readonly<Lockstep>): DescView[] =>
  allDescs(m, (d) => d.phase === 'prepared' || (d.reuse && d.phase === 'reusable'));

/** @public */
export class DescFree extends DmaCommand {
  readonly op = 'desc_free';
  constructor(readonly d: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'desc_free', desc: pick(targets(m), this.d).desc }, ctx: 'process' }; }
}

/** @public */
export const descFreeArb = fc.nat(7).map((d) => new DescFree(d));
