/** Misuse: unmap a buffer an in-flight (or terminated, not yet synchronized) descriptor still uses (DATA-3, DESC-7, TERM-8). @public */
import fc from 'fast-check';
import type { BufId } from '../../../spec/api/index.ts';
import type { Lockstep } from '../../lockstep/runner.ts';
import type { Step } from '../../lockstep/step.ts';
import { allDescs, DmaCommand, IN_FLIGHT, type Misuse, pick } from '../index-base.ts';

const targets = (m: Readonly<Lockstep>): BufId[] => {
  const busy = new Set(allDescs(m, (d) => IN_FLIGHT.has(d.phase)).flatMap((d) => m.client.descs.get(d.desc)?.bufs ?? []));
  return [...m.client.bufs].filter(([b, v]) => v.mapped !== null && busy.has(b)).map(([b]) => b);
};

/** @public */
export class UnmapInFlight extends DmaCommand {
  readonly op = 'misuse:unmap_in_flight';
  constructor(readonly b: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'unmap_buf', buf: pick(targets(m), this.b) }, ctx: 'process' }; }
  override misuse(): Misuse { return { rules: ['DATA-3', 'DESC-7', 'TERM-8'], immediate: false }; }
}

/** @public */
export const unmapInFlightArb = fc.nat(7).map((b) => new UnmapInFlight(b));
