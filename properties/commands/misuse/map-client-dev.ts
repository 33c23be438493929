/** Misuse: map a buffer with the client's own device instead of the DMA device (DATA-1). @public */
import fc from 'fast-check';
import type { Lockstep } from '../../lockstep/runner.ts';
import type { Step } from '../../lockstep/step.ts';
import { DmaCommand, heldChans, type Misuse, pick } from '../index-base.ts';

const unmapped = (m: Readonly<Lockstep>) => [...m.client.bufs].filter(([, v]) => v.mapped === null).map(([b]) => b);

/** @public */
export class MapClientDev extends DmaCommand {
  readonly op = 'misuse:map_client_dev';
  constructor(readonly ch: number, readonly b: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return heldChans(m).length > 0 && unmapped(m).length > 0; }
  resolve(m: Lockstep): Step {
    return { k: 'call', call: { op: 'map_buf', chan: pick(heldChans(m), this.ch).chan, buf: pick(unmapped(m), this.b), dev: 'client' }, ctx: 'process' };
  }
  override misuse(): Misuse { return { rules: ['DATA-1'], immediate: false }; }
}

/** @public */
export const mapClientDevArb = fc.tuple(fc.nat(7), fc.nat(7)).map(([c, b]) => new MapClientDev(c, b));
