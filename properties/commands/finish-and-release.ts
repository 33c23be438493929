/**
 * A client done with a channel: it issues what it submitted, waits until the hardware has
 * finished and the interrupt has been handled, and releases the channel at once — while
 * the completion tasklet may still owe callbacks, which release must run (CH-6, bug class
 * 39). Several steps (advance, irq, release), each a replayable step of its own.
 * @public
 */
import fc from 'fast-check';
import type { ChanView, DescPhase } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { describeStep } from '../counterexample/describe.ts';
import { DmaCommand, descsOn, heldChans, pick } from './index-base.ts';
import { releasable } from './release-channel.ts';

const QUEUED: ReadonlySet<DescPhase> = new Set<DescPhase>(['submitted', 'issued', 'active']);

/** Held channels whose queued work all finishes by itself (no cyclic or repeated transfer). */
function targets(m: Readonly<Lockstep>): ChanView[] {
  return heldChans(m).filter((c) => {
    if (c.terminating || c.paused) return false;
    const descs = descsOn(m, c.chan);
    return descs.some((d) => QUEUED.has(d.phase)) && !descs.some((d) => QUEUED.has(d.phase) && (d.kind === 'cyclic' || d.repeat));
  });
}

/** @public */
export class FinishAndRelease extends DmaCommand {
  readonly op = 'finish_and_release';
  private shownSteps: Step[] = [];
  constructor(readonly ch: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  /** The first step (issue_pending); `run` decides the rest from what happens. */
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'issue_pending', chan: pick(targets(m), this.ch).chan }, ctx: 'process' }; }

  override run(_m: Lockstep, r: Lockstep): void {
    const first = this.resolve(r);
    const chan = first.k === 'call' && 'chan' in first.call ? first.call.chan : 0;
    const exec = (s: Step) => { this.shownSteps.push(s); r.exec(s); };
    this.shownSteps = [];
    exec(first);
    const model = r.model!;
    const busy = () => descsOn(r, chan).some((d) => QUEUED.has(d.phase) || d.phase === 'callback');
    for (let round = 0; round < 8 && busy(); round++) {
      const left = descsOn(r, chan).filter((d) => QUEUED.has(d.phase)).reduce((n, d) => n + d.len, 0);
      exec({ k: 'env', step: { op: 'advance', units: Math.max(1, Math.ceil(left / r.config.bytesPerUnit)) } });
      if (model.chan(r.state, chan)?.irqPending) exec({ k: 'env', step: { op: 'irq', chan } });
    }
    // The tasklet is deliberately not run: release owes the callbacks.
    if (releasable(r).some((c) => c.chan === chan)) exec({ k: 'call', call: { op: 'release_channel', chan }, ctx: 'process' });
  }

  override toString(): string {
    return this.shownSteps.length > 0 ? this.shownSteps.map((s) => describeStep(s, undefined)).join('; ') : `${this.op}(?)`;
  }
}

/** @public */
export const finishAndReleaseArb = fc.nat(7).map((c) => new FinishAndRelease(c));
