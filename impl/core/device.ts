/**
 * struct dma_device as the core sees a provider: mandatory ops, optional ops (absent
 * when the capability is switched off, so the core's -ENOSYS / -EINVAL / NULL branches
 * are the kernel's), and the capability fields dma_get_slave_caps copies.
 * @internal
 */
import type {
  BusWidth, ChanId, Cookie, DescId, Direction, Errno, InterleavedTemplate, MemcpyEnd, PrepFlags, ResidueGranularity,
  SgEntry, SlaveConfig, TxState,
} from '../../spec/api/index.ts';
import type { VirtDesc } from '../vchan/virt-desc.ts';

/** An op's int return: 0 or the errno it failed with. */
export type OpResult = 0 | Errno;

/** desc->metadata_ops (set on descriptors of an engine with metadata support). */
export interface MetadataOps<P> {
  attach(d: VirtDesc<P>, len: number): OpResult;
  getPtr(d: VirtDesc<P>): { payloadLen: number; maxLen: number };
  setLen(d: VirtDesc<P>, len: number): OpResult;
  /** False once the engine released the metadata memory of `d`. */
  engineMemAlive(d: VirtDesc<P>): boolean;
}

export interface DmaDevice<P> {
  // capability fields (struct dma_device)
  readonly srcAddrWidths: readonly BusWidth[];
  readonly dstAddrWidths: readonly BusWidth[];
  readonly minBurst: number;
  readonly maxBurst: number;
  readonly residueGranularity: ResidueGranularity;
  readonly descriptorReuse: boolean;
  /** cap_mask has DMA_SLAVE or DMA_CYCLIC (else dma_get_slave_caps → -ENXIO, CAPS-1). */
  readonly capSlaveOrCyclic: boolean;
  /** cap_mask DMA_REPEAT (CYC-6). */
  readonly capRepeat: boolean;
  readonly metadataModes: { readonly client: boolean; readonly engine: boolean };
  readonly metadataOps: MetadataOps<P> | undefined;
  /** Slave directions of a channel (device->directions, per-channel here). */
  directionsOf(chan: ChanId): readonly Direction[];

  // mandatory ops
  allocChanResources(chan: ChanId): OpResult;
  freeChanResources(chan: ChanId): void;
  txSubmit(d: VirtDesc<P>): Cookie;
  issuePending(chan: ChanId): void;
  txStatus(chan: ChanId, cookie: Cookie, withState: boolean): TxState;
  /** desc->desc_free for dmaengine_desc_free (vchan_tx_desc_free). */
  descFree(d: VirtDesc<P>): OpResult;

  // optional ops (undefined = the op is missing)
  readonly config: ((chan: ChanId, cfg: SlaveConfig) => OpResult) | undefined;
  readonly prepSlaveSg: ((chan: ChanId, id: DescId, sgl: readonly SgEntry[], dir: Direction, flags: PrepFlags) => VirtDesc<P> | null) | undefined;
  readonly prepDmaVec: ((chan: ChanId, id: DescId, vecs: readonly SgEntry[], dir: Direction, flags: PrepFlags) => VirtDesc<P> | null) | undefined;
  readonly prepCyclic: ((chan: ChanId, id: DescId, buf: number, bufLen: number, periodLen: number, dir: Direction, flags: PrepFlags) => VirtDesc<P> | null) | undefined;
  readonly prepInterleaved: ((chan: ChanId, id: DescId, xt: InterleavedTemplate, flags: PrepFlags) => VirtDesc<P> | null) | undefined;
  /** device_prep_dma_memcpy (refuses channels without DMA_MEMCPY). */
  readonly prepMemcpy: ((chan: ChanId, id: DescId, dst: MemcpyEnd, src: MemcpyEnd, len: number, flags: PrepFlags) => VirtDesc<P> | null) | undefined;
  readonly pause: ((chan: ChanId) => OpResult) | undefined;
  readonly resume: ((chan: ChanId) => OpResult) | undefined;
  readonly terminateAll: ((chan: ChanId) => OpResult) | undefined;
  readonly synchronize: ((chan: ChanId) => void) | undefined;
}
