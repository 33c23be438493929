/**
 * Hand a buffer back to its owner (complete a request) once it is unmapped and no live
 * descriptor or pending callback uses it: the legal form of DATA-10 (a device-written
 * buffer goes back only after dma_unmap_*). @public
 */
import fc from 'fast-check';
import type { BufId } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { busyBufs, callbackBufs, DmaCommand, pick } from './index-base.ts';

function returnable(m: Readonly<Lockstep>): BufId[] {
  const busy = busyBufs(m);
  const cb = callbackBufs(m);
  return [...m.client.bufs].filter(([b, v]) => v.mapped === null && !busy.has(b) && !cb.has(b)).map(([b]) => b);
}

/** @public */
export class GiveBack extends DmaCommand {
  readonly op = 'give_back';
  constructor(readonly b: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return returnable(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'give_back', buf: pick(returnable(m), this.b) }, ctx: 'process' }; }
}

/** @public */
export const giveBackArb = fc.nat(7).map((b) => new GiveBack(b));
