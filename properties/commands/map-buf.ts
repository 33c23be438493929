/** `dma_map_single(dmaengine_get_dma_device(chan), buf)` (DATA-1). @public */
import fc from 'fast-check';
import type { BufId } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { DmaCommand, heldChans, pick } from './index-base.ts';

function unmapped(m: Readonly<Lockstep>): BufId[] {
  return [...m.client.bufs].filter(([, v]) => v.mapped === null).map(([b]) => b);
}

/** @public */
export class MapBuf extends DmaCommand {
  readonly op: string = 'map_buf';
  /** The device mapped with: the channel's DMA device, or (misuse, DATA-1) the client's own. */
  protected readonly dev: 'dma' | 'client' = 'dma';
  constructor(readonly ch: number, readonly b: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return heldChans(m).length > 0 && unmapped(m).length > 0; }
  resolve(m: Lockstep): Step {
    return { k: 'call', call: { op: 'map_buf', chan: pick(heldChans(m), this.ch).chan, buf: pick(unmapped(m), this.b), dev: this.dev }, ctx: 'process' };
  }
}

/** @public */
export const mapBufArb = fc.tuple(fc.nat(7), fc.nat(7)).map(([c, b]) => new MapBuf(c, b));
