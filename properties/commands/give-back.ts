/**
 * Hand an unmapped, idle buffer back to its owner (complete the request): legal, and the only
 * call that evaluates DATA-10 (a DEV_TO_MEM buffer must be unmapped before it goes back).
 * @public
 */
import fc from 'fast-check';
import type { BufId } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { busyBufs, callbackBufs, DmaCommand, pick } from './index-base.ts';

/** Unmapped and out of every live descriptor and pending callback (a misuse unmap leaves it busy). */
function unmapped(m: Readonly<Lockstep>): BufId[] {
  const busy = busyBufs(m);
  const cb = callbackBufs(m);
  return [...m.client.bufs].filter(([b, v]) => v.mapped === null && !busy.has(b) && !cb.has(b)).map(([b]) => b);
}

/** @public */
export class GiveBack extends DmaCommand {
  readonly op = 'give_back';
  constructor(readonly b: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return unmapped(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'give_back', buf: pick(unmapped(m), this.b) }, ctx: 'process' }; }
}

/** @public */
export const giveBackArb = fc.nat(7).map((b) => new GiveBack(b));
