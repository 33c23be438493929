/**
 * The simulated driver's descriptor (struct bcm2835_desc-like): the hardware program
 * built at prep time, plus the driver-owned metadata area.
 * @internal
 */
import type { BusWidth, DescKind } from '../../spec/api/index.ts';
import type { HwDir, HwJob, HwLoop, HwSegment } from '../hw/job.ts';
import type { VirtDesc } from '../vchan/virt-desc.ts';

/** Driver-owned metadata memory (META-5..10). */
export interface SimMeta {
  /** CLIENT mode: bytes of the attached client buffer. */
  clientLen: number;
  /** ENGINE mode: valid payload bytes in the engine's area. */
  enginePayload: number;
  /** The engine's metadata memory was released (a later client access is a meta_fault). */
  engineFreed: boolean;
}

export interface SimHw {
  readonly kind: DescKind;
  readonly dir: HwDir;
  readonly segs: readonly HwSegment[];
  readonly total: number;
  readonly loop: HwLoop;
  /** Device-side bus width from the slave config in force at prep time (CFG-2). */
  width: BusWidth;
  /** DMA_PREP_LOAD_EOT: replaces a repeating transfer at its end (CYC-7). */
  readonly loadEot: boolean;
  readonly meta: SimMeta;
  /** memcpy destination. */
  readonly dst?: HwSegment;
  /** How far it got (what the pool-leak mutants look at when it is freed, DESC-17). */
  stage: 'prepared' | 'submitted' | 'aborted_running';
}

export type SimDesc = VirtDesc<SimHw>;

/** The hardware program of `d`. */
export function jobOf(d: SimDesc): HwJob {
  const h = d.drv;
  const job: HwJob = { tag: d.id, dir: h.dir, segs: h.segs, total: h.total, loop: h.loop, width: h.width };
  return h.dst === undefined ? job : { ...job, dst: h.dst };
}
