/** Misuse: map a buffer with the client's own device instead of the DMA device (DATA-11, advisory). @public */
import fc from 'fast-check';
import { MapBuf } from '../map-buf.ts';
import type { Misuse } from '../index-base.ts';

/** @public */
export class MapClientDev extends MapBuf {
  override readonly op = 'misuse:map_client_dev';
  protected override readonly dev = 'client';
  override misuse(): Misuse { return { rules: ['DATA-11'], immediate: true }; }
}

/** @public */
export const mapClientDevArb = fc.tuple(fc.nat(7), fc.nat(7)).map(([c, b]) => new MapClientDev(c, b));
