/**
 * Per-descriptor metadata wrappers (drivers/dma/dmaengine.c): the mode lock
 * (desc_check_and_set_metadata_mode, META-2), -ENOTSUPP / -EINVAL errors (META-3,
 * META-4), and the client's access through an ENGINE pointer, which faults once the
 * engine released that memory (META-9, META-10).
 * @internal
 */
import type { ChanId, DescId, EngineEvent, MetadataMode, Ret } from '../../spec/api/index.ts';
import type { Faults } from '../faults.ts';
import type { VirtDesc } from '../vchan/virt-desc.ts';
import type { DmaDevice, OpResult } from './device.ts';
import type { DescRegistry } from './registry.ts';
import { VOID, err, fromOp } from './ret.ts';

export class MetadataCore<P> {
  constructor(
    private readonly dev: DmaDevice<P>,
    private readonly descs: DescRegistry<P>,
    private readonly faults: Faults,
    private readonly emit: (ev: EngineEvent) => void,
    private readonly isHeld: (chan: ChanId) => boolean,
  ) {}

  /** dmaengine_is_metadata_mode_supported: false for a channel the client does not hold (META-1). */
  supported(chan: ChanId, mode: MetadataMode): Ret {
    const v = this.isHeld(chan) && (mode === 'client' ? this.dev.metadataModes.client : this.dev.metadataModes.engine);
    return { t: 'bool', v };
  }

  /** desc_check_and_set_metadata_mode. */
  private lockMode(d: VirtDesc<P>, mode: MetadataMode): OpResult {
    if (d.metaMode === 'none') {
      if (!(mode === 'client' ? this.dev.metadataModes.client : this.dev.metadataModes.engine)) return 'ENOTSUPP';
      d.metaMode = mode;
      return 0;
    }
    return d.metaMode === mode || this.faults.has('meta-mode-mix') ? 0 : 'EINVAL';
  }

  /** dmaengine_desc_attach_metadata (CLIENT mode). */
  attach(id: DescId, len: number): Ret {
    const d = this.descs.get(id);
    if (d === undefined) return err('EINVAL');
    const m = this.lockMode(d, 'client');
    if (m !== 0) return err(m);
    const ops = this.dev.metadataOps;
    return ops === undefined ? err('ENOTSUPP') : fromOp(ops.attach(d, len));
  }

  /** dmaengine_desc_get_metadata_ptr (ENGINE mode): ERR_PTR on failure, never NULL. */
  getPtr(id: DescId): Ret {
    const d = this.descs.get(id);
    if (d === undefined) return err('EINVAL');
    const m = this.lockMode(d, 'engine');
    if (m !== 0) return err(m);
    const ops = this.dev.metadataOps;
    if (ops === undefined) return err('ENOTSUPP');
    const p = ops.getPtr(d);
    return { t: 'metaptr', payloadLen: p.payloadLen, maxLen: p.maxLen };
  }

  /** dmaengine_desc_set_metadata_len (ENGINE mode). */
  setLen(id: DescId, len: number): Ret {
    const d = this.descs.get(id);
    if (d === undefined) return err('EINVAL');
    const m = this.lockMode(d, 'engine');
    if (m !== 0) return err(m);
    const ops = this.dev.metadataOps;
    return ops === undefined ? err('ENOTSUPP') : fromOp(ops.setLen(d, len));
  }

  /** The client dereferences its ENGINE metadata pointer: a meta_fault if the engine freed that memory. */
  access(id: DescId): Ret {
    const d = this.descs.get(id);
    if (d !== undefined) {
      const ops = this.dev.metadataOps;
      if (d.metaMode === 'engine' && ops !== undefined && !ops.engineMemAlive(d)) this.emit({ ev: 'meta_fault', chan: d.chan, desc: id });
      return VOID;
    }
    const chan = this.descs.chanOfFreed(id);
    if (chan !== undefined) this.emit({ ev: 'meta_fault', chan, desc: id });
    return VOID;
  }
}
