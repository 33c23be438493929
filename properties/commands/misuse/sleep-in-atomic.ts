/** Misuse: a sleeping call (synchronize, terminate_sync, release) from atomic or hard-IRQ context (CH-3, SYNC-2, TERM-5). @public */
import fc from 'fast-check';
import type { Ctx } from '../../../spec/api/index.ts';
import type { Lockstep } from '../../lockstep/runner.ts';
import type { Step } from '../../lockstep/step.ts';
import { DmaCommand, heldChans, type Misuse, pick } from '../index-base.ts';

const OPS = ['synchronize', 'terminate_sync', 'release_channel'] as const;

/** @public */
export class SleepInAtomic extends DmaCommand {
  readonly op = 'misuse:sleep_in_atomic';
  constructor(readonly ch: number, readonly which: number, readonly ctx: Ctx) { super(); }
  check(m: Readonly<Lockstep>): boolean { return heldChans(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: pick(OPS, this.which), chan: pick(heldChans(m), this.ch).chan }, ctx: this.ctx }; }
  override misuse(): Misuse { return { rules: ['CH-3', 'CH-7', 'SYNC-2', 'TERM-5'], immediate: true }; }
}

/** @public */
export const sleepInAtomicArb = fc.tuple(fc.nat(7), fc.nat(2), fc.constantFrom<Ctx>('atomic', 'hardirq')).map(([c, w, x]) => new SleepInAtomic(c, w, x));
