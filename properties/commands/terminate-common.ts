/**
 * What the terminate commands share: remembering the cookies they abort, so status
 * queries can name them later (aborted-cookies.ts), and, when they aborted work, often
 * restarting the channel (restart.ts; after terminate_async only the later synchronize
 * restarts); both for STAT-3.
 * @internal
 */
import type { Ctx } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { abortableCookies, noteAborted } from './aborted-cookies.ts';
import { type Shown, shownText } from './base.ts';
import { ChanOpCommand } from './chan-op.ts';
import { restartChannel, type RestartPick } from './restart.ts';
import { pick } from './view.ts';

/** A terminate call on one channel; the cookies in flight before it are aborted after it. @internal */
export abstract class TerminateCommand extends ChanOpCommand {
  abstract override readonly op: 'terminate_async' | 'terminate_sync';
  private restartShown: readonly Shown[] = [];
  constructor(ch: number, ctx: Ctx, readonly restart?: RestartPick) { super(ch, ctx); }
  override run(m: Lockstep, r: Lockstep): void {
    this.restartShown = [];
    const chan = pick(this.targets(r), this.ch).chan;
    const inFlight = abortableCookies(r, chan);
    super.run(m, r);
    noteAborted(r, chan, inFlight);
    if (inFlight.length > 0 && this.restart !== undefined) this.restartShown = restartChannel(r, chan, this.restart);
  }
  override toString(): string {
    return shownText(super.toString(), this.restartShown);
  }
}
