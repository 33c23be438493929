/**
 * Terminate rules (TERM-1..TERM-11).
 * @public
 */
import { BCM2835, CR, DE, DH, PCM, PR, STM32, VH } from './sources.ts';
import { defineGroup, MODEL } from './types.ts';

/** The TERM rules in fact-sheet order. @public */
export const TERMINATE_RULES = defineGroup('TERM', [
  {
    id: 'TERM-1', binds: 'engine', check: MODEL,
    statement: 'dmaengine_terminate_async returns -EINVAL when the driver has no device_terminate_all and the driver\'s own return value otherwise.',
    source: { kernel: [DH('dmaengine_terminate_async')] },
  },
  {
    id: 'TERM-2', binds: 'engine', check: MODEL,
    statement: 'The deprecated dmaengine_terminate_all returns -ENOSYS when the driver has no device_terminate_all.',
    source: { kernel: [DH('dmaengine_terminate_all')] },
  },
  {
    id: 'TERM-3', binds: 'engine', check: MODEL,
    statement: 'dmaengine_terminate_sync runs terminate_async, synchronizes only if that succeeded, and returns the terminate error or 0.',
    source: { kernel: [DH('dmaengine_terminate_sync')] },
  },
  {
    id: 'TERM-4', binds: 'client', check: MODEL,
    statement: 'Calling terminate_async is permitted in atomic context and inside a callback running on the same channel.',
    source: { seed: CR('F1'), kernel: [DH('dmaengine_terminate_async')] },
  },
  {
    id: 'TERM-5', binds: 'client', check: MODEL,
    statement: 'terminate_sync is called only from non-atomic context and never from a callback on the same channel.',
    source: { seed: CR('F1'), kernel: [DH('dmaengine_terminate_sync')] },
  },
  {
    id: 'TERM-6', binds: 'client', check: MODEL,
    statement: 'New client code does not use the deprecated dmaengine_terminate_all.',
    source: { seed: CR('F1'), kernel: [DH('dmaengine_terminate_all')] },
  },
  {
    id: 'TERM-7', binds: 'engine', check: MODEL,
    statement: 'Terminate halts the running transfer and throws away every queued one, may lose data still in the DMA FIFO, must not sleep, and may finish stopping asynchronously.',
    source: { seed: CR('F1'), kernel: [PR('device_terminate_all')] },
  },
  {
    id: 'TERM-8', binds: 'client', check: MODEL,
    statement: 'After terminate_async the client calls dmaengine_synchronize before freeing or unmapping memory of earlier descriptors or anything their callbacks use.',
    source: { seed: CR('F1', 'F5'), kernel: [DH('dmaengine_synchronize')] },
  },
  {
    id: 'TERM-9', binds: 'engine', check: MODEL,
    statement: 'On virt-dma a terminate releases every descriptor that is not running and keeps the running one until synchronize, except in drivers that gather the lists after parking it, where it is released during the terminate too.',
    source: { kernel: [VH('vchan_terminate_vdesc'), VH('vchan_get_all_descriptors'), VH('vchan_synchronize'), BCM2835('bcm2835_dma_terminate_all'), STM32('stm32_dma_terminate_all')] },
    tags: ['vchan'],
    range: 'Q10: the running descriptor is freed during terminate, during a later terminate, or during synchronize, and no later than synchronize returning; the client may free its buffers only after synchronize either way.',
  },
  {
    id: 'TERM-10', binds: 'both', check: MODEL,
    statement: 'After terminate and synchronize the channel takes new prep, submit and issue work, and its cookies carry on from the previous counter.',
    source: { kernel: [DE('dma_cookie_assign')] },
    tags: ['derived'],
  },
  {
    id: 'TERM-11', binds: 'engine', check: MODEL,
    statement: 'A paused channel may be terminated, and after the terminate it is no longer paused.',
    source: { kernel: [PCM('__snd_dmaengine_pcm_close'), STM32('stm32_dma_stop')] },
    tags: ['derived'],
  },
]);
