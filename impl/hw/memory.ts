/**
 * Simulated system memory: one Uint8Array per client buffer, and the IOMMU view of
 * it (which device each buffer is mapped for). DMA to a buffer not mapped for the DMA
 * device, or freed, is a fault the hardware reports (DATA-1, DATA-3), never a crash.
 * @internal
 */
import type { BufId } from '../../spec/api/index.ts';
import { memByte } from '../lib/data.ts';

export type Mapping = 'no' | 'dma' | 'client';
export type FaultWhy = 'unmapped' | 'freed' | 'wrong_device';

export interface SimBuffer {
  readonly id: BufId;
  readonly bytes: Uint8Array;
  mapping: Mapping;
  freed: boolean;
}

export class Memory {
  private readonly bufs = new Map<BufId, SimBuffer>();

  /** Allocate `len` bytes filled with the buffer pattern; false if `id` is taken. */
  alloc(id: BufId, len: number): boolean {
    if (this.bufs.has(id)) return false;
    const bytes = new Uint8Array(len);
    for (let i = 0; i < len; i++) bytes[i] = memByte(id, i);
    this.bufs.set(id, { id, bytes, mapping: 'no', freed: false });
    return true;
  }

  get(id: BufId): SimBuffer | undefined {
    return this.bufs.get(id);
  }

  /** Free: the bytes stay (a stale DMA still reads them) but every access faults. */
  free(id: BufId): void {
    const b = this.bufs.get(id);
    if (b !== undefined) {
      b.freed = true;
      b.mapping = 'no';
    }
  }

  map(id: BufId, dev: 'dma' | 'client'): boolean {
    const b = this.bufs.get(id);
    if (b === undefined || b.freed) return false;
    b.mapping = dev;
    return true;
  }

  unmap(id: BufId): void {
    const b = this.bufs.get(id);
    if (b !== undefined) b.mapping = 'no';
  }

  /** Why a DMA access to `b` faults, or undefined when it is allowed. */
  static faultOf(b: SimBuffer): FaultWhy | undefined {
    if (b.freed) return 'freed';
    if (b.mapping === 'no') return 'unmapped';
    if (b.mapping === 'client') return 'wrong_device';
    return undefined;
  }
}
