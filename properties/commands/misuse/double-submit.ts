/** Misuse: touch a submitted descriptor again — submit it twice or set its callback (DESC-3, DESC-5). @public */
import fc from 'fast-check';
import type { Lockstep } from '../../lockstep/runner.ts';
import type { Step } from '../../lockstep/step.ts';
import { allDescs, DmaCommand, IN_FLIGHT, type Misuse, pick } from '../index-base.ts';

const targets = (m: Readonly<Lockstep>) => allDescs(m, (d) => !d.reuse && IN_FLIGHT.has(d.phase));

/** @public */
export class DoubleSubmit extends DmaCommand {
  readonly op = 'misuse:touch_submitted';
  constructor(readonly d: number, readonly setCb: boolean) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step {
    const desc = pick(targets(m), this.d).desc;
    return this.setCb
      ? { k: 'call', call: { op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } }, ctx: 'process' }
      : { k: 'call', call: { op: 'submit', desc }, ctx: 'process' };
  }
  override misuse(): Misuse { return { rules: ['DESC-3', 'DESC-5', 'SUB-2'], immediate: true }; }
}

/** @public */
export const doubleSubmitArb = fc.tuple(fc.nat(7), fc.boolean()).map(([d, s]) => new DoubleSubmit(d, s));
