/** Misuse: a callback that sleeps (synchronize, terminate_sync) or resubmits its own REUSE descriptor (CB-6, SYNC-2, TERM-5, DESC-16). @public */
import fc from 'fast-check';
import type { CallbackAction } from '../../../spec/api/index.ts';
import type { Lockstep } from '../../lockstep/runner.ts';
import type { Step } from '../../lockstep/step.ts';
import { allDescs, DmaCommand, type Misuse, pick } from '../index-base.ts';

const ACTIONS: readonly CallbackAction[] = [{ kind: 'synchronize' }, { kind: 'terminate_sync' }, { kind: 'resubmit_self' }];
const targets = (m: Readonly<Lockstep>) => allDescs(m, (d) => d.phase === 'prepared');

/** @public */
export class CallbackMisuse extends DmaCommand {
  readonly op = 'misuse:callback';
  constructor(readonly d: number, readonly act: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step {
    const d = pick(targets(m), this.d);
    const action = d.reuse ? pick(ACTIONS, this.act) : pick(ACTIONS.slice(0, 2), this.act);
    return { k: 'call', call: { op: 'set_callback', desc: d.desc, fn: 'callback', action }, ctx: 'process' };
  }
  override misuse(): Misuse { return { rules: ['CB-6', 'SYNC-2', 'TERM-5', 'DESC-16'], immediate: false }; }
}

/** @public */
export const callbackMisuseArb = fc.tuple(fc.nat(7), fc.nat(2)).map(([d, a]) => new CallbackMisuse(d, a));
