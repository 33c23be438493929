/** `dma_unmap_single`: only once no live descriptor uses the buffer (DATA-3). @public */
import fc from 'fast-check';
import type { BufId } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { busyBufs, DmaCommand, pick } from './index-base.ts';

function unmappable(m: Readonly<Lockstep>): BufId[] {
  const busy = busyBufs(m);
  return [...m.client.bufs].filter(([b, v]) => v.mapped !== null && !busy.has(b)).map(([b]) => b);
}

/** @public */
export class UnmapBuf extends DmaCommand {
  readonly op = 'unmap_buf';
  constructor(readonly b: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return unmappable(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'unmap_buf', buf: pick(unmappable(m), this.b) }, ctx: 'process' }; }
}

/** @public */
export const unmapBufArb = fc.nat(7).map((b) => new UnmapBuf(b));
