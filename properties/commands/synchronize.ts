/**
 * `dmaengine_synchronize(chan)` from process context after a terminate, with no issue_pending since
 * (SYNC-2..SYNC-5). Without a terminate it is undefined on a running cyclic channel (CYC-5, Q24), so
 * it is generated only to finish a termination; when that termination aborted work, often
 * followed by restarting the channel (restart.ts, STAT-3).
 * @public
 */
import fc from 'fast-check';
import type { ChanView, Ctx } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { abortableCookies, abortedCookies } from './aborted-cookies.ts';
import { ChanOpCommand } from './chan-op.ts';
import { heldChans, pick, type Shown, shownText } from './index-base.ts';
import { restartArb, restartChannel, type RestartPick } from './restart.ts';

/** @public */
export class Synchronize extends ChanOpCommand {
  readonly op = 'synchronize';
  private restartShown: readonly Shown[] = [];
  constructor(ch: number, ctx: Ctx, readonly restart?: RestartPick) { super(ch, ctx); }
  targets(m: Readonly<Lockstep>): readonly ChanView[] { return heldChans(m).filter((c) => c.terminating && !c.issuedSinceTerminate); }
  override run(m: Lockstep, r: Lockstep): void {
    this.restartShown = [];
    const chan = pick(this.targets(r), this.ch).chan;
    super.run(m, r);
    // Restart only a channel whose work was aborted and that has none in flight now.
    const aborted = abortedCookies(r, chan).length > 0 && abortableCookies(r, chan).length === 0;
    if (aborted && this.restart !== undefined) this.restartShown = restartChannel(r, chan, this.restart);
  }
  override toString(): string {
    return shownText(super.toString(), this.restartShown);
  }
}

/** @public */
export const synchronizeArb = fc.tuple(fc.nat(7), restartArb).map(([c, p]) => new Synchronize(c, 'process', p));
