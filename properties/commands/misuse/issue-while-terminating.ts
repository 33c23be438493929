/** Misuse: issue_pending between terminate_async and synchronize (SYNC-3; SYNC-7 when new work was submitted since). @public */
import fc from 'fast-check';
import type { Lockstep } from '../../lockstep/runner.ts';
import type { Step } from '../../lockstep/step.ts';
import { DmaCommand, heldChans, type Misuse, pick } from '../index-base.ts';

const targets = (m: Readonly<Lockstep>) => heldChans(m).filter((c) => c.terminating);

/** @public */
export class IssueWhileTerminating extends DmaCommand {
  readonly op = 'misuse:issue_while_terminating';
  constructor(readonly ch: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'issue_pending', chan: pick(targets(m), this.ch).chan }, ctx: 'process' }; }
  override misuse(): Misuse { return { rules: ['SYNC-3', 'SYNC-7'], immediate: false }; }
}

/** @public */
export const issueWhileTerminatingArb = fc.nat(7).map((c) => new IssueWhileTerminating(c));
