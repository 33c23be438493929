/**
 * `dmaengine_tx_status(chan, cookie, state?)`, from any context (STAT-1..STAT-12, CYC-4,
 * PAUSE-4); one query in three names a cookie the client saw aborted (STAT-3).
 * @public
 */
import fc from 'fast-check';
import type { Ctx } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { ctxArb, DmaCommand } from './index-base.ts';
import { statusPick, statusTargets } from './status-common.ts';

/** @public */
export class TxStatus extends DmaCommand {
  readonly op = 'tx_status';
  constructor(readonly ch: number, readonly ck: number, readonly withState: boolean, readonly ctx: Ctx, readonly aborted = false) { super(); }
  check(m: Readonly<Lockstep>): boolean { return statusTargets(m).length > 0; }
  resolve(m: Lockstep): Step {
    const { chan, cookie } = statusPick(m, this.ch, this.ck, this.aborted);
    return { k: 'call', call: { op: 'tx_status', chan, cookie, withState: this.withState }, ctx: this.ctx };
  }
}

/** Query an aborted cookie one time in three. @internal */
const abortedArb = fc.oneof({ arbitrary: fc.constant(true), weight: 1 }, { arbitrary: fc.constant(false), weight: 2 });

/** @public */
export const txStatusArb = fc
  .tuple(fc.nat(7), fc.oneof(fc.constant(0), fc.nat(7)), fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }), ctxArb('atomic', 'hardirq'), abortedArb)
  .map(([c, k, w, x, a]) => new TxStatus(c, k, w, x, a));
