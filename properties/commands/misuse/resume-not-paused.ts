/** Misuse: resume a channel that is not paused (PAUSE-3). @public */
import fc from 'fast-check';
import type { Lockstep } from '../../lockstep/runner.ts';
import type { Step } from '../../lockstep/step.ts';
import { DmaCommand, heldChans, type Misuse, pick } from '../index-base.ts';

const targets = (m: Readonly<Lockstep>) => (m.config.caps.resume ? heldChans(m).filter((c) => !c.paused) : []);

/** @public */
export class ResumeNotPaused extends DmaCommand {
  readonly op = 'misuse:resume_not_paused';
  constructor(readonly ch: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'resume', chan: pick(targets(m), this.ch).chan }, ctx: 'process' }; }
  override misuse(): Misuse { return { rules: ['PAUSE-3'], immediate: true }; }
}

/** @public */
export const resumeNotPausedArb = fc.nat(7).map((c) => new ResumeNotPaused(c));
