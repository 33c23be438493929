/**
 * `dmaengine_prep_dma_cyclic(chan, buf, buf_len, period_len, dir, INT)`: buf_len a multiple
 * of period_len (CYC-2, CYC-3), most of the time followed at once by setting the period
 * callback and half of the time by starting the stream, as audio clients do (CB-1, CB-12:
 * a period callback pending while the stream stops is where terminates go wrong).
 * @public
 */
import fc from 'fast-check';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { bufsMappedTo, DmaCommand, pick, type Shown, shownText } from './index-base.ts';
import { followUpCallbackArb, setCallbackAfterPrep, type FollowUpCallback } from './prep-callback.ts';
import { dirOf, prepTargets } from './prep-common.ts';
import { submitAndIssue } from './start-now.ts';

/** @public */
export class PrepCyclic extends DmaCommand {
  readonly op = 'prep_cyclic';
  private followUps: readonly Shown[] = [];
  constructor(readonly ch: number, readonly b: number, readonly periods: number, readonly dir: number, readonly cb?: FollowUpCallback, readonly start = false) { super(); }
  check(m: Readonly<Lockstep>): boolean { return prepTargets(m).length > 0; }
  resolve(m: Lockstep): Step {
    const chan = pick(prepTargets(m), this.ch).chan;
    const b = pick(bufsMappedTo(m, chan), this.b);
    const periods = Math.min(this.periods, b.len);
    const periodLen = Math.floor(b.len / periods);
    return {
      k: 'call',
      call: { op: 'prep_cyclic', chan, desc: m.client.nextDesc++, buf: b.buf, bufLen: periodLen * periods, periodLen, dir: dirOf(m, chan, this.dir), flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK },
      ctx: 'process',
    };
  }
  override run(m: Lockstep, r: Lockstep): void {
    const desc = r.client.nextDesc;
    const chan = pick(prepTargets(r), this.ch).chan;
    super.run(m, r);
    this.followUps = [...setCallbackAfterPrep(r, desc, this.cb), ...(this.start ? submitAndIssue(r, chan, desc) : [])];
  }
  override toString(): string {
    return shownText(super.toString(), this.followUps);
  }
}

/** @public */
export const prepCyclicArb = fc
  .tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 4 }), fc.nat(3), followUpCallbackArb, fc.boolean())
  .map(([c, b, p, d, cb, start]) => new PrepCyclic(c, b, p, d, cb, start));
