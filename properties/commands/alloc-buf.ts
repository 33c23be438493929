/** A client buffer of `len` bytes (kmalloc); at most 8 alive. @public */
import fc from 'fast-check';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { DmaCommand } from './index-base.ts';

/** @public */
export class AllocBuf extends DmaCommand {
  readonly op = 'alloc_buf';
  constructor(readonly len: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return m.client.bufs.size < 8; }
  resolve(m: Lockstep): Step {
    return { k: 'call', call: { op: 'alloc_buf', buf: m.client.nextBuf++, len: this.len }, ctx: 'process' };
  }
}

/** Lengths: small multiples of 4 mostly, odd sizes sometimes. @public */
export const allocBufArb = fc.oneof(fc.integer({ min: 1, max: 64 }).map((n) => n * 4), fc.integer({ min: 1, max: 300 })).map((n) => new AllocBuf(n));
