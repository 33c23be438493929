/** Environment: the hardware clock moves `units` (each active channel moves ≤ bytesPerUnit per unit). @public */
import fc from 'fast-check';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { DmaCommand } from './index-base.ts';

/** @public */
export class Advance extends DmaCommand {
  readonly op = 'advance';
  constructor(readonly units: number) { super(); }
  check(_m: Readonly<Lockstep>): boolean { return true; }
  resolve(_m: Lockstep): Step { return { k: 'env', step: { op: 'advance', units: this.units } }; }
}

/** Short steps mostly (partial transfers: residue, pause), long ones sometimes. @public */
export const advanceArb = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 8 }), weight: 1 }, { arbitrary: fc.integer({ min: 9, max: 512 }), weight: 2 }).map((u) => new Advance(u));
