/** What the prep commands share: target channels, directions, entries, flags (CFG-1, DATA-1, DATA-6). @internal */
import fc from 'fast-check';
import type { ChanView, Direction, PrepFlags, SgEntry } from '../../spec/api/index.ts';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT, DMA_PREP_REPEAT } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { bufsMappedTo, hasBufMappedTo, heldChans, pick } from './view.ts';

/**
 * Held channels with at least one buffer mapped for them, configured or held again after
 * a release: a prep there without a slave config (CFG-1, advisory) gets the driver's
 * defaults, never the earlier holder's config (CH-10). @internal
 */
export function prepTargets(m: Readonly<Lockstep>): ChanView[] {
  return heldChans(m).filter((c) => (c.configured || c.rerequested) && hasBufMappedTo(m, c.chan));
}

/** A direction the channel's peripheral supports. @internal */
export function dirOf(m: Readonly<Lockstep>, chan: number, p: number): Direction {
  return pick(m.config.slaves[chan]?.directions ?? ['MEM_TO_DEV'], p);
}

/** Symbolic sg entry: which mapped buffer, and where in it. @internal */
export interface EntryPick { readonly b: number; readonly off: number; readonly len: number }

/** Resolve entries against the buffers mapped for `chan` (offset and length fit the buffer). @internal */
export function entries(m: Readonly<Lockstep>, chan: number, es: readonly EntryPick[]): SgEntry[] {
  const bufs = bufsMappedTo(m, chan);
  return es.map((e) => {
    const b = pick(bufs, e.b);
    const offset = e.off % b.len;
    return { buf: b.buf, offset, len: 1 + (e.len % (b.len - offset)) };
  });
}

/** @internal */
export const entryArb: fc.Arbitrary<EntryPick> = fc.record({ b: fc.nat(7), off: fc.oneof(fc.constant(0), fc.nat(255)), len: fc.nat(1023) });

/**
 * INT|ACK mostly; without INT (DESC-8: engine-defined callback) sometimes; rarely with
 * DMA_PREP_REPEAT, which non-interleaved preps ignore (CYC-9).
 * @internal
 */
export const flagsArb: fc.Arbitrary<PrepFlags> = fc.oneof(
  { arbitrary: fc.constant(DMA_PREP_INTERRUPT | DMA_CTRL_ACK), weight: 12 },
  { arbitrary: fc.constant(DMA_CTRL_ACK), weight: 2 },
  { arbitrary: fc.constant(DMA_PREP_INTERRUPT | DMA_CTRL_ACK | DMA_PREP_REPEAT), weight: 1 },
);
