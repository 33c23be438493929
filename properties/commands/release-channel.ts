/** `dma_release_channel(chan)`: only after all transfers were stopped and synchronized (CH-5, CH-7). @public */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { DmaCommand, heldChans, IN_FLIGHT, pick } from './index-base.ts';

function idle(m: Readonly<Lockstep>): ChanView[] {
  return heldChans(m).filter((c) => !c.terminating && !m.model!.descsOf(m.state, c.chan).some((d) => IN_FLIGHT.has(d.phase)));
}

/** @public */
export class ReleaseChannel extends DmaCommand {
  readonly op = 'release_channel';
  constructor(readonly ch: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return idle(m).length > 0; }
  resolve(m: Lockstep): Step {
    return { k: 'call', call: { op: 'release_channel', chan: pick(idle(m), this.ch).chan }, ctx: 'process' };
  }
}

/** @public */
export const releaseChannelArb = fc.nat(7).map((c) => new ReleaseChannel(c));
