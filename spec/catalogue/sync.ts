/**
 * Synchronize rules (SYNC-1..SYNC-6).
 * @public
 */
import { CR, DH, PR, SEED000, VH } from './sources.ts';
import { defineGroup, MODEL } from './types.ts';

/** The SYNC rules in fact-sheet order. @public */
export const SYNC_RULES = defineGroup('SYNC', [
  {
    id: 'SYNC-1', binds: 'engine', check: MODEL,
    statement: 'dmaengine_synchronize may sleep and calls device_synchronize when the driver has one, doing nothing at all otherwise.',
    source: { kernel: [DH('dmaengine_synchronize')] },
    range: 'Q3: without device_synchronize the call returns at once and gives no callback guarantee; an engine that defers callbacks without it breaks PROV-6.',
  },
  {
    id: 'SYNC-2', binds: 'client', check: MODEL,
    statement: 'The client calls synchronize from process context only, never from atomic context or from a callback running on that channel.',
    source: { seed: CR('F5'), kernel: [DH('dmaengine_synchronize')] },
  },
  {
    id: 'SYNC-3', binds: 'client', check: MODEL,
    statement: 'Calling dma_async_issue_pending between terminate_async and synchronize makes the behaviour of that synchronize undefined.',
    source: { seed: CR('F5'), kernel: [DH('dmaengine_synchronize')] },
  },
  {
    id: 'SYNC-4', binds: 'engine', check: MODEL,
    statement: 'By the time synchronize returns, the controller has stopped touching memory of earlier issued descriptors and no callback of an earlier submitted descriptor is running or queued.',
    source: { kernel: [DH('dmaengine_synchronize'), PR('device_synchronize')] },
  },
  {
    id: 'SYNC-5', binds: 'engine', check: MODEL,
    statement: 'vchan_synchronize waits for a scheduled or running tasklet, so its callbacks finish, and then frees the terminated descriptors.',
    source: { kernel: [VH('vchan_synchronize')] },
    tags: ['vchan'],
  },
  {
    id: 'SYNC-6', binds: 'client', check: MODEL,
    statement: 'Synchronize concerns the DMA controller alone and returns without waiting for the peripheral to empty its FIFO.',
    source: { seed: SEED000, kernel: [PR('device_synchronize')] },
    tags: ['derived'],
  },
]);
