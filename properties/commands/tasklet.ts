/** Environment: run a channel's scheduled completion tasklet (callbacks: CB-1, CB-2, CB-7..CB-16). @public */
import fc from 'fast-check';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { chansWhere } from './env-chan.ts';
import { DmaCommand, pick } from './index-base.ts';

/** @public */
export class Tasklet extends DmaCommand {
  readonly op = 'tasklet';
  constructor(readonly ch: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return chansWhere(m, (c) => c.taskletPending).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'env', step: { op: 'tasklet', chan: pick(chansWhere(m, (c) => c.taskletPending), this.ch).chan } }; }
}

/** @public */
export const taskletArb = fc.nat(7).map((c) => new Tasklet(c));
