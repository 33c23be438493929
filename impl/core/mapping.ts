/**
 * Client buffers and the DMA mapping API (dma_map_single / dma_unmap_single with the
 * channel's DMA device or, wrongly, the client's own device, DATA-1), plus the
 * client's peripheral teardown (seed 000).
 * @internal
 */
import type { BufId, ChanId, Ret } from '../../spec/api/index.ts';
import type { Controller } from '../hw/controller.ts';
import { MAX_BUF_LEN } from '../lib/kernel-constants.ts';
import { VOID, ZERO, err } from './ret.ts';

export class Buffers {
  constructor(private readonly ctrl: Controller) {}

  /** alloc_buf: EINVAL for len <= 0 or a duplicate id, ENOMEM past MAX_BUF_LEN. */
  alloc(buf: BufId, len: number): Ret {
    if (!Number.isSafeInteger(buf) || !Number.isSafeInteger(len) || len <= 0) return err('EINVAL');
    if (len > MAX_BUF_LEN) return err('ENOMEM');
    return this.ctrl.memory.alloc(buf, len) ? ZERO : err('EINVAL');
  }

  free(buf: BufId): Ret {
    this.ctrl.memory.free(buf);
    return VOID;
  }

  /** map_buf: the DMA device is the controller behind `chan`; EINVAL for an unknown channel or buffer. */
  map(chan: ChanId, buf: BufId, dev: 'dma' | 'client'): Ret {
    if (this.ctrl.channels[chan] === undefined || (dev !== 'dma' && dev !== 'client')) return err('EINVAL');
    return this.ctrl.memory.map(buf, dev) ? ZERO : err('EINVAL');
  }

  unmap(buf: BufId): Ret {
    this.ctrl.memory.unmap(buf);
    return VOID;
  }

  periphTeardown(chan: ChanId): Ret {
    this.ctrl.peripherals[chan]?.teardown();
    return VOID;
  }
}
