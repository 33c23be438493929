/**
 * `dma_release_channel(chan)`: only after all transfers were stopped and synchronized, or
 * have completed (CH-5, CH-7). A completed descriptor whose callback is still owed (tasklet
 * scheduled, not run) is fine: release synchronizes, which runs it (CH-6).
 * @public
 */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import type { DescPhase } from '../../spec/api/index.ts';
import { DmaCommand, descsOn, heldChans, pick } from './index-base.ts';

/** Work the engine still runs or is calling back for (CH-7). */
const BUSY: ReadonlySet<DescPhase> = new Set<DescPhase>(['submitted', 'issued', 'active', 'callback', 'terminated']);

/**
 * Held channels the client may release now. A completed REUSE descriptor is fine: release
 * recycles it in the tasklet, then frees it (DESC-13, CH-6).
 * @internal
 */
export function releasable(m: Readonly<Lockstep>): ChanView[] {
  return heldChans(m).filter((c) => !c.terminating && !descsOn(m, c.chan).some((d) => BUSY.has(d.phase)));
}

/** @public */
export class ReleaseChannel extends DmaCommand {
  readonly op = 'release_channel';
  constructor(readonly ch: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return releasable(m).length > 0; }
  resolve(m: Lockstep): Step {
    return { k: 'call', call: { op: 'release_channel', chan: pick(releasable(m), this.ch).chan }, ctx: 'process' };
  }
}

/** @public */
export const releaseChannelArb = fc.nat(7).map((c) => new ReleaseChannel(c));
