/** Free an unmapped buffer no live descriptor and no pending callback uses (DESC-7, TERM-8, CB-15). @public */
import fc from 'fast-check';
import type { BufId } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { busyBufs, callbackBufs, DmaCommand, pick } from './index-base.ts';

/** Unmapped buffers no live descriptor and no pending callback uses (also what give_back may return). @internal */
export function idleUnmappedBufs(m: Readonly<Lockstep>): BufId[] {
  const busy = busyBufs(m);
  const cb = callbackBufs(m);
  return [...m.client.bufs].filter(([b, v]) => v.mapped === null && !busy.has(b) && !cb.has(b)).map(([b]) => b);
}

/** @public */
export class FreeBuf extends DmaCommand {
  readonly op = 'free_buf';
  constructor(readonly b: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return idleUnmappedBufs(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'free_buf', buf: pick(idleUnmappedBufs(m), this.b) }, ctx: 'process' }; }
}

/** @public */
export const freeBufArb = fc.nat(7).map((b) => new FreeBuf(b));
