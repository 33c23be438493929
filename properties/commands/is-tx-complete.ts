/** `dma_async_is_tx_complete(chan, cookie, &last, &used)` (STAT-1, STAT-10). @public */
import fc from 'fast-check';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { DmaCommand } from './index-base.ts';
import { statusPick, statusTargets } from './status-common.ts';

/** @public */
export class IsTxComplete extends DmaCommand {
  readonly op = 'is_tx_complete';
  constructor(readonly ch: number, readonly ck: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return statusTargets(m).length > 0; }
  resolve(m: Lockstep): Step {
    const { chan, cookie } = statusPick(m, this.ch, this.ck);
    return { k: 'call', call: { op: 'is_tx_complete', chan, cookie }, ctx: 'process' };
  }
}

/** @public */
export const isTxCompleteArb = fc.tuple(fc.nat(7), fc.nat(7)).map(([c, k]) => new IsTxComplete(c, k));
