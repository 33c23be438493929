/**
 * `dma_request_chan(dev, name)` from process context (CH-3): mostly a channel not held now;
 * sometimes one the client already holds (the engine must refuse it: CH-2) or a name no
 * slave has (-ENODEV / -EPROBE_DEFER: CH-4). Both are legal calls that must fail.
 * @public
 */
import fc from 'fast-check';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { DmaCommand, pick } from './index-base.ts';

/** What to ask for: a free channel, a held one, or an unknown name. @public */
export type RequestKind = 'free' | 'held' | 'unknown';

function slaves(m: Readonly<Lockstep>, held: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < m.config.slaves.length; i++) if ((m.model?.chan(m.state, i)?.held ?? false) === held) out.push(i);
  return out;
}

/** @public */
export class RequestChan extends DmaCommand {
  readonly op = 'request_chan';
  constructor(readonly slave: number, readonly kind: RequestKind = 'free') { super(); }
  check(m: Readonly<Lockstep>): boolean { return this.kind === 'unknown' || slaves(m, this.kind === 'held').length > 0; }
  override checkReadsArgs(): boolean { return true; }
  resolve(m: Lockstep): Step {
    const name = this.kind === 'unknown' ? 'no-such-chan' : m.config.slaves[pick(slaves(m, this.kind === 'held'), this.slave)]!.name;
    return { k: 'call', call: { op: 'request_chan', name }, ctx: 'process' };
  }
}

/** @public */
export const requestChanArb = fc
  .tuple(fc.nat(7), fc.constantFrom<RequestKind>('free', 'free', 'free', 'free', 'held', 'unknown'))
  .map(([s, k]) => new RequestChan(s, k));
