/**
 * Synchronize rules (SYNC-1..SYNC-6, and SYNC-7 of our own: no new work before synchronize).
 * @public
 */
import { CR, DH, PCM, PR, SEED000, VH } from './sources.ts';
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
  {
    id: 'SYNC-7', binds: 'client', check: MODEL,
    statement: 'After terminate_async or terminate_all the client starts no new work on the channel, the issue_pending of newly submitted descriptors, until dmaengine_synchronize (or terminate_sync) has returned, whatever terminates come in between.',
    source: {
      kernel: [
        DH('dmaengine_terminate_async, dmaengine_synchronize'),
        'drivers/dma/imx-sdma.c (sdma_channel_terminate_work: the deferred termination frees descriptors submitted after terminate_async; linux-arm-kernel/dmaengine thread on the i.MX6 PCM XRUN race, Aug 2020)',
        PCM('dmaengine_pcm_trigger, snd_dmaengine_pcm_sync_stop: fix e8343410ddf0 "ALSA: dmaengine: Synchronize dma channel after drop()"'),
      ],
    },
    tags: ['derived'],
  },
]);
