/**
 * Hand a buffer back to its owner (complete a request) once it is unmapped and no live
 * descriptor or pending callback uses it: the legal form of DATA-10 (a device-written
 * buffer goes back only after dma_unmap_*). @public
 */
import fc from 'fast-check';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { idleUnmappedBufs } from './free-buf.ts';
import { DmaCommand, pick } from './index-base.ts';

/** @public */
export class GiveBack extends DmaCommand {
  readonly op = 'give_back';
  constructor(readonly b: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return idleUnmappedBufs(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'give_back', buf: pick(idleUnmappedBufs(m), this.b) }, ctx: 'process' }; }
}

/** @public */
export const giveBackArb = fc.nat(7).map((b) => new GiveBack(b));
