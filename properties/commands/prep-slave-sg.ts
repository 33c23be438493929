/**
 * `dmaengine_prep_slave_sg(chan, sgl, n, dir, flags)`, from any context (DESC-1, DESC-2, DESC-6);
 * rarely with MEM_TO_MEM, which is no slave direction and must be refused (DATA-6). Mostly
 * followed at once by setting the completion callback (prep-callback.ts: META-8 needs it).
 * @public
 */
import fc from 'fast-check';
import type { Ctx, PrepFlags } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { ctxArb, DmaCommand, pick, type Shown, shownText } from './index-base.ts';
import { followUpCallbackArb, setCallbackAfterPrep, type FollowUpCallback } from './prep-callback.ts';
import { dirOf, entries, entryArb, type EntryPick, flagsArb, prepTargets } from './prep-common.ts';

/** @public */
export class PrepSlaveSg extends DmaCommand {
  readonly op = 'prep_slave_sg';
  constructor(readonly ch: number, readonly dir: number, readonly es: readonly EntryPick[], readonly flags: PrepFlags, readonly ctx: Ctx, readonly memToMem = false, readonly cb?: FollowUpCallback) { super(); }
  private followUps: readonly Shown[] = [];
  check(m: Readonly<Lockstep>): boolean { return prepTargets(m).length > 0; }
  resolve(m: Lockstep): Step {
    const chan = pick(prepTargets(m), this.ch).chan;
    const sgl = entries(m, chan, this.es);
    return { k: 'call', call: { op: 'prep_slave_sg', chan, desc: m.client.nextDesc++, sgl, dir: this.memToMem ? 'MEM_TO_MEM' : dirOf(m, chan, this.dir), flags: this.flags }, ctx: this.ctx };
  }
  override run(m: Lockstep, r: Lockstep): void {
    const desc = r.client.nextDesc;
    super.run(m, r);
    this.followUps = setCallbackAfterPrep(r, desc, this.cb);
  }
  override toString(): string {
    return shownText(super.toString(), this.followUps);
  }
}

/** @public */
export const prepSlaveSgArb = fc
  .tuple(fc.nat(7), fc.nat(3), fc.array(entryArb, { minLength: 1, maxLength: 3 }), flagsArb, ctxArb('atomic', 'hardirq'), fc.nat(23), followUpCallbackArb)
  .map(([c, d, es, f, x, bad, cb]) => new PrepSlaveSg(c, d, es, f, x, bad === 0, cb));
