/** Environment: the hardware clock moves `units` (each active channel moves ≤ bytesPerUnit per unit). @public */
import fc from 'fast-check';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { allDescs, DmaCommand, pick } from './index-base.ts';

/** @public */
export class Advance extends DmaCommand {
  readonly op = 'advance';
  /**
   * `part` set: move about `part`/8 of a running descriptor's length instead of `units`
   * (`units` picks which one), so the clock often stops in the middle of a transfer, where
   * pause, terminate and residue matter (PAUSE-2, TERM-7, STAT-6). Absolute unit counts
   * stop there only when they happen to fit the drawn bytesPerUnit and transfer length.
   */
  constructor(readonly units: number, readonly part?: number) { super(); }
  check(_m: Readonly<Lockstep>): boolean { return true; }
  resolve(m: Lockstep): Step { return { k: 'env', step: { op: 'advance', units: this.unitsNow(m) } }; }
  private unitsNow(m: Readonly<Lockstep>): number {
    if (this.part === undefined) return this.units;
    const running = allDescs(m, (d) => d.phase === 'active');
    if (running.length === 0) return 1;
    const len = pick(running, this.units).len;
    return Math.max(1, Math.floor((len * this.part) / 8 / m.config.bytesPerUnit));
  }
}

/** Long steps mostly (transfers finish), short ones and part of a running transfer sometimes (residue, pause). @public */
export const advanceArb = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 8 }).map((u) => new Advance(u)), weight: 1 },
  { arbitrary: fc.integer({ min: 9, max: 512 }).map((u) => new Advance(u)), weight: 2 },
  { arbitrary: fc.tuple(fc.nat(7), fc.integer({ min: 1, max: 7 })).map(([d, p]) => new Advance(d, p)), weight: 1 },
);
