/** `dma_request_chan(dev, name)`: a channel not held now (CH-2, CH-4), process context (CH-3). @public */
import fc from 'fast-check';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { DmaCommand, pick } from './index-base.ts';

function free(m: Readonly<Lockstep>): number[] {
  const out: number[] = [];
  for (let i = 0; i < m.config.slaves.length; i++) if (!(m.model?.chan(m.state, i)?.held ?? false)) out.push(i);
  return out;
}

/** @public */
export class RequestChan extends DmaCommand {
  readonly op = 'request_chan';
  constructor(readonly slave: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return free(m).length > 0; }
  resolve(m: Lockstep): Step {
    const i = pick(free(m), this.slave);
    return { k: 'call', call: { op: 'request_chan', name: m.config.slaves[i]!.name }, ctx: 'process' };
  }
}

/** @public */
export const requestChanArb = fc.nat(7).map((s) => new RequestChan(s));
