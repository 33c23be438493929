/**
 * Environment: a peripheral consumes bytes from its FIFO (DATA-4, SYNC-6), also after the
 * channel was released (the peripheral is not the DMA engine).
 * @public
 */
import fc from 'fast-check';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { chansWhere } from './env-chan.ts';
import { DmaCommand, pick } from './index-base.ts';

/** @public */
export class Drain extends DmaCommand {
  readonly op = 'drain';
  constructor(readonly ch: number, readonly bytes: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return chansWhere(m, (c) => c.periphBytes > 0).length > 0; }
  resolve(m: Lockstep): Step {
    const c = pick(chansWhere(m, (v) => v.periphBytes > 0), this.ch);
    return { k: 'env', step: { op: 'drain', chan: c.chan, bytes: 1 + (this.bytes % c.periphBytes) } };
  }
}

/** @public */
export const drainArb = fc.tuple(fc.nat(7), fc.oneof(fc.constant(4095), fc.nat(255))).map(([c, b]) => new Drain(c, b));
