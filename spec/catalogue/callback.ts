/**
 * Callback rules (CB-1..CB-16): context, locks, re-entry, order, termination.
 * @public
 */
import { AT, BCM2835, CR, DE, DH, PCM, PR, VC, VH } from './sources.ts';
import { defineGroup, documentedOnly, MODEL } from './types.ts';

/** The CB rules in fact-sheet order. @public */
export const CALLBACK_RULES = defineGroup('CB', [
  {
    id: 'CB-1', binds: 'engine', check: MODEL,
    statement: 'Completion callbacks run from the engine\'s tasklet in softirq context and never from the hard interrupt handler.',
    source: { seed: CR('3-note'), kernel: [AT('§4.1')] },
  },
  {
    id: 'CB-2', binds: 'engine', check: MODEL,
    statement: 'An engine lets go of its own locks before it calls a client callback.',
    source: { seed: CR('3-note'), kernel: [VC('vchan_complete')] },
  },
  {
    id: 'CB-3', binds: 'client', check: MODEL,
    statement: 'A slave completion callback is allowed to prepare, submit and issue new transfers on its own channel.',
    source: { seed: CR('3-note'), kernel: [] },
  },
  {
    id: 'CB-4', binds: 'client',
    statement: 'Completion callbacks of the async_tx offload API, unlike slave ones, must not submit new operations.',
    source: { seed: CR('3-note'), kernel: [AT('§3.6')] },
    check: documentedOnly('Concerns the async_tx (memcpy/xor offload) API only, which has no call in the slave vocabulary; it is kept as the contrast that CB-3 relaxes.'),
  },
  {
    id: 'CB-5', binds: 'client', check: MODEL,
    statement: 'A callback may stop its own channel with dmaengine_terminate_async, the usual way to end a cyclic transfer.',
    source: { seed: CR('3-note'), kernel: [DH('dmaengine_terminate_async')] },
  },
  {
    id: 'CB-6', binds: 'client', check: MODEL,
    statement: 'A callback never sleeps and never calls dmaengine_synchronize, dmaengine_terminate_sync, dma_release_channel or dma_request_chan.',
    source: { seed: CR('F1', 'F5'), kernel: [DH('dmaengine_synchronize, dmaengine_terminate_sync')] },
    tags: ['derived'],
  },
  {
    id: 'CB-7', binds: 'engine', check: MODEL,
    statement: 'When callback_result is set the engine calls only that one, with the result or {NOERROR, 0}, and otherwise calls the plain callback if there is one.',
    source: { kernel: [DE('dmaengine_desc_callback_invoke')] },
  },
  {
    id: 'CB-8', binds: 'engine', check: MODEL,
    statement: 'The engine invokes a descriptor\'s callback only once that descriptor\'s cookie reads as complete.',
    source: { kernel: [VH('vchan_cookie_complete'), VC('vchan_complete')] },
  },
  {
    id: 'CB-9', binds: 'engine', check: MODEL,
    statement: 'Callbacks of one channel never overlap and arrive in completion order, which is cookie order.',
    source: { kernel: [VC('vchan_complete')] },
    tags: ['derived'],
  },
  {
    id: 'CB-10', binds: 'engine', check: MODEL,
    statement: 'Within one tasklet run virt-dma calls the pending cyclic period callback before the callbacks of completed descriptors.',
    source: { kernel: [VC('vchan_complete')] },
    tags: ['vchan'],
  },
  {
    id: 'CB-11', binds: 'both', check: MODEL,
    statement: 'Cyclic period callbacks can be merged into at most one per tasklet run, so clients take the buffer position from the residue instead of counting callbacks.',
    source: { kernel: [VH('vchan_cyclic_callback'), PCM('dmaengine_pcm_dma_complete')] },
    tags: ['derived'],
    range: 'A tasklet run delivers at most one period callback however many periods elapsed since the previous run, and none when no period elapsed.',
  },
  {
    id: 'CB-12', binds: 'engine', check: MODEL,
    statement: 'An engine calls back for no transfer that a terminate aborted.',
    source: { seed: CR('F1'), kernel: [PR('device_terminate_all')] },
    range: 'Q2: a DMA_TRANS_ABORTED callback on teardown (cppi41, switchtec) is not accepted; only callbacks a running tasklet had already taken before the terminate may still run (CB-13).',
  },
  {
    id: 'CB-13', binds: 'engine', check: MODEL,
    statement: 'On virt-dma a terminate also drops callbacks of completed descriptors the tasklet has not picked up yet and cancels a pending cyclic period callback, while callbacks already picked up still run.',
    // bcm2835-dma on 4 CPUs: the IRQ completed a descriptor, terminate_async freed it before the tasklet ran (no callback).
    source: { kernel: [VH('vchan_get_all_descriptors'), VH('vchan_terminate_vdesc'), VC('vchan_complete'), BCM2835('bcm2835_dma_terminate_all')] },
    tags: ['vchan', 'derived'],
  },
  {
    id: 'CB-14', binds: 'both', check: MODEL,
    statement: 'Callbacks may still be running or pending when terminate_async returns, but none of an earlier submitted descriptor is running or scheduled once dmaengine_synchronize has returned.',
    source: { seed: CR('F1', 'F5'), kernel: [DH('dmaengine_synchronize'), PR('device_synchronize')] },
  },
  {
    id: 'CB-15', binds: 'client', check: MODEL,
    statement: 'Everything a callback touches, from its parameter\'s target to its buffers, stays alive until synchronize or terminate_sync has returned.',
    source: { seed: CR('F1', 'F5'), kernel: [] },
  },
  {
    id: 'CB-16', binds: 'engine', check: MODEL,
    statement: 'A descriptor\'s callback has run before the engine frees or recycles that descriptor.',
    source: { kernel: [VC('vchan_complete')] },
    tags: ['vchan'],
  },
]);
