/** Misuse: use a channel after releasing it (CH-5, CH-8). @public */
import fc from 'fast-check';
import type { ChanView } from '../../../spec/api/index.ts';
import type { Lockstep } from '../../lockstep/runner.ts';
import type { Step } from '../../lockstep/step.ts';
import { DmaCommand, type Misuse, pick } from '../index-base.ts';

function released(m: Readonly<Lockstep>): ChanView[] {
  const out: ChanView[] = [];
  for (let i = 0; i < m.config.slaves.length; i++) {
    const v = m.model?.chan(m.state, i);
    if (v && !v.held && !v.poisoned && (m.client.everHeld.has(i))) out.push(v);
  }
  return out;
}

/** @public */
export class UseAfterRelease extends DmaCommand {
  readonly op = 'misuse:use_after_release';
  constructor(readonly ch: number, readonly release: boolean) { super(); }
  check(m: Readonly<Lockstep>): boolean { return released(m).length > 0; }
  resolve(m: Lockstep): Step {
    const chan = pick(released(m), this.ch).chan;
    return { k: 'call', call: this.release ? { op: 'release_channel', chan } : { op: 'issue_pending', chan }, ctx: 'process' };
  }
  override misuse(): Misuse { return { rules: ['CH-5', 'CH-8'], immediate: true }; }
}

/** @public */
export const useAfterReleaseArb = fc.tuple(fc.nat(7), fc.boolean()).map(([c, r]) => new UseAfterRelease(c, r));
