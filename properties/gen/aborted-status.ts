/**
 * The aborted-status row of mixed generation: a `tx_status` slot that applies only while a
 * held channel has a cookie the client saw aborted and a later completion passed, and then
 * queries it (STAT-3: it reads COMPLETE; an engine that reports it IN_PROGRESS, or ERROR,
 * breaks the rule). The plain tx_status row reaches that window by luck only: it opens
 * after a terminate, a restart and a completion, and closes when the channel is released.
 * Outside it the precondition fails and fast-check skips the slot, like the racy row.
 * @public
 */
import fc from 'fast-check';
import type { Ctx } from '../../spec/api/index.ts';
import { ctxArb } from '../commands/index-base.ts';
import { passedAborted, statusTargets } from '../commands/status-common.ts';
import { TxStatus } from '../commands/tx-status.ts';
import type { Lockstep } from '../lockstep/runner.ts';

/** Weight of the row in mixed generation (the plain tx_status row's is 3; the row is gated, so it weighs only inside the window). @internal */
export const ABORTED_STATUS_ROW_WEIGHT = 16;

/** `tx_status` of an aborted, passed cookie. @public */
export class AbortedStatus extends TxStatus {
  constructor(ch: number, ck: number, withState: boolean, ctx: Ctx) { super(ch, ck, withState, ctx, true); }
  override check(m: Readonly<Lockstep>): boolean { return statusTargets(m).some((c) => passedAborted(m, c).length > 0); }
}

/** @public */
export const abortedStatusArb: fc.Arbitrary<AbortedStatus> = fc
  .tuple(fc.nat(7), fc.nat(7), fc.boolean(), ctxArb('atomic', 'hardirq'))
  .map(([c, k, w, x]) => new AbortedStatus(c, k, w, x));
