/**
 * Descriptor handles: client-chosen ids → live descriptors, with tombstones for freed
 * ones (a stale id is bad input, and the client's metadata pointer into a freed
 * descriptor is a meta_fault). O(1) per operation.
 * @internal
 */
import type { ChanId, DescId } from '../../spec/api/index.ts';
import type { VirtDesc } from '../vchan/virt-desc.ts';

export class DescRegistry<P> {
  private readonly live = new Map<DescId, VirtDesc<P>>();
  private readonly freedOn = new Map<DescId, ChanId>();

  /** True if `id` was ever handed out by a successful prep (ids are never reused). */
  used(id: DescId): boolean {
    return this.live.has(id) || this.freedOn.has(id);
  }

  add(d: VirtDesc<P>): void {
    this.live.set(d.id, d);
  }

  get(id: DescId): VirtDesc<P> | undefined {
    return this.live.get(id);
  }

  freed(d: VirtDesc<P>): void {
    this.live.delete(d.id);
    this.freedOn.set(d.id, d.chan);
  }

  /** The channel a freed descriptor belonged to, if `id` names a freed one. */
  chanOfFreed(id: DescId): ChanId | undefined {
    return this.freedOn.get(id);
  }
}
