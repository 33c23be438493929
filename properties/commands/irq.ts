/** Environment: deliver a channel's pending interrupt (its hard-IRQ handler runs; CB-1, STAT-9). @public */
import fc from 'fast-check';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { chansWhere } from './env-chan.ts';
import { DmaCommand, pick } from './index-base.ts';

/** @public */
export class Irq extends DmaCommand {
  readonly op = 'irq';
  constructor(readonly ch: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return chansWhere(m, (c) => c.irqPending).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'env', step: { op: 'irq', chan: pick(chansWhere(m, (c) => c.irqPending), this.ch).chan } }; }
}

/** @public */
export const irqArb = fc.nat(7).map((c) => new Irq(c));
