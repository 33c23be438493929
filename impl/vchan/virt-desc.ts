/**
 * struct virt_dma_desc + the parts of struct dma_async_tx_descriptor the core and
 * virt-dma use. `drv` is the driver's part (container_of in C).
 * @internal
 */
import type { ChanId, Cookie, DescId, MetadataMode, PrepFlags, TxResult } from '../../spec/api/index.ts';
import { DMA_CTRL_REUSE } from '../lib/kernel-constants.ts';
import type { DescList, ListNode } from './list.ts';

/** Where a descriptor is when it is on none of the vchan lists. */
export type OffList = 'active' | 'tasklet' | 'freed';

export class VirtDesc<P> implements ListNode<VirtDesc<P>> {
  prev: VirtDesc<P> | null = null;
  next: VirtDesc<P> | null = null;
  list: DescList<VirtDesc<P>> | null = null;
  /** Set when the descriptor is on no list: driver's current, tasklet-local, or gone. */
  off: OffList | null = null;

  /** tx.cookie: assigned at submit, zeroed at completion (CK-4). protected by vc.lock */
  cookie: Cookie = 0;
  /** tx.flags (DMA_CTRL_REUSE lives here, DESC-10). */
  flags: PrepFlags;
  /** desc->callback / desc->callback_result are set (DESC-3). */
  hasCallback = false;
  hasCallbackResult = false;
  /** vd->tx_result, NOERROR/0 from prep (virt-dma.h vchan_tx_prep). */
  txResult: { result: TxResult; residue: number } = { result: 'DMA_TRANS_NOERROR', residue: 0 };
  /** tx->desc_metadata_mode, fixed by the first metadata call (META-2). */
  metaMode: MetadataMode | 'none' = 'none';

  constructor(readonly id: DescId, readonly chan: ChanId, flags: PrepFlags, readonly drv: P) {
    this.flags = flags;
  }

  get reuse(): boolean {
    return (this.flags & DMA_CTRL_REUSE) !== 0;
  }
}
