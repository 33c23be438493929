/** `dma_async_issue_pending(chan)`, from any context, never between terminate_async and synchronize (ISS-2, SYNC-3). @public */
import fc from 'fast-check';
import type { ChanView, Ctx } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { ctxArb, descsOn, DmaCommand, heldChans, pick } from './index-base.ts';

const targets = (m: Readonly<Lockstep>): ChanView[] => heldChans(m).filter((c) => !c.terminating);

/** Channels with submitted work to issue when there are any (issue_pending on another channel is a no-op), else every target. */
function preferred(m: Readonly<Lockstep>): ChanView[] {
  const all = targets(m);
  const withWork = all.filter((c) => descsOn(m, c.chan).some((d) => d.phase === 'submitted'));
  return withWork.length > 0 ? withWork : all;
}

/** @public */
export class IssuePending extends DmaCommand {
  readonly op = 'issue_pending';
  constructor(readonly ch: number, readonly ctx: Ctx) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'issue_pending', chan: pick(preferred(m), this.ch).chan }, ctx: this.ctx }; }
}

/** @public */
export const issuePendingArb = fc.tuple(fc.nat(7), ctxArb('atomic', 'hardirq')).map(([c, x]) => new IssuePending(c, x));
