/**
 * What a driver programs into a physical channel: the memory side of a transfer as
 * a list of segments, the direction and the loop mode. The hardware knows nothing of
 * descriptors beyond the `tag` it reports in events.
 * @internal
 */
import type { BufId, BusWidth, DescId } from '../../spec/api/index.ts';

/** `len` bytes of buffer `buf` from `offset` (one sg entry, vec, interleaved chunk or cyclic period). */
export interface HwSegment {
  readonly buf: BufId;
  readonly offset: number;
  readonly len: number;
}

/** The directions the simulated controller can execute (MEM_TO_MEM: memcpy). */
export type HwDir = 'MEM_TO_DEV' | 'DEV_TO_MEM' | 'MEM_TO_MEM';

/**
 * Loop mode: `once` stops and interrupts after the last byte; `cyclic` interrupts at
 * every segment (period) end and wraps; `repeat` wraps silently unless told to stop at
 * the end of the repetition (DMA_PREP_REPEAT / LOAD_EOT, CYC-7).
 */
export type HwLoop = 'once' | 'cyclic' | 'repeat';

export interface HwJob {
  readonly tag: DescId;
  readonly dir: HwDir;
  readonly segs: readonly HwSegment[];
  readonly total: number;
  readonly loop: HwLoop;
  readonly width: BusWidth;
  /** Interrupt-enable of the last link cleared: `once` jobs finish without raising the line (mutant 'irq-suppressed-without-flag'). */
  readonly noIrqAtEnd?: boolean;
  /** MEM_TO_MEM: where the bytes of `segs` are written, in order. */
  readonly dst?: HwSegment;
}
