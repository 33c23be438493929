/** `dma_get_slave_caps(chan, &caps)` (CAPS-1, CAPS-2). @public */
import fc from 'fast-check';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { DmaCommand, heldChans, pick } from './index-base.ts';

/** @public */
export class GetSlaveCaps extends DmaCommand {
  readonly op = 'get_slave_caps';
  constructor(readonly ch: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return heldChans(m).length > 0; }
  resolve(m: Lockstep): Step {
    return { k: 'call', call: { op: 'get_slave_caps', chan: pick(heldChans(m), this.ch).chan }, ctx: 'process' };
  }
}

/** @public */
export const getSlaveCapsArb = fc.nat(7).map((c) => new GetSlaveCaps(c));
