/**
 * Provider conformance rules (PROV-1..PROV-8).
 * @public
 */
import { COH901318, CR, DC, DH, MTK_CQDMA, PR, VH } from './sources.ts';
import { defineGroup, documentedOnly, MODEL } from './types.ts';

/** The PROV rules in fact-sheet order. @public */
export const PROVIDER_RULES = defineGroup('PROV', [
  {
    id: 'PROV-1', binds: 'engine',
    statement: 'Device registration fails with -EIO when device_tx_status or device_issue_pending is missing or when an advertised capability lacks its prep operation.',
    source: { kernel: [DC('dma_async_device_register')] },
    check: documentedOnly('Checked once by dma_async_device_register before any client exists; the vocabulary has no registration step, and an implementation that runs at all has passed it.'),
  },
  {
    id: 'PROV-2', binds: 'engine',
    statement: 'Drivers never set the DMA_ASYNC_TX capability bit themselves.',
    source: { kernel: [PR('DMA_ASYNC_TX'), DC('dma_async_device_register')] },
    check: documentedOnly('DMA_ASYNC_TX is a capability bit the core manages for async_tx; it is not part of EngineCaps and no slave call reveals it.'),
  },
  {
    id: 'PROV-3', binds: 'engine',
    statement: 'A slave engine declares non-zero directions, its bus widths and its residue granularity, or dma_get_slave_caps fails for its channels.',
    source: { kernel: [PR('struct dma_device'), DC('dma_get_slave_caps')] },
    check: documentedOnly('A property of the provider\'s declaration that the adapter\'s EngineConfig always supplies; the observable failure is the -ENXIO of CAPS-1, which the model checks.'),
  },
  {
    id: 'PROV-4', binds: 'engine', check: MODEL,
    statement: 'The tx_submit hook only queues the descriptor and leaves starting the transfer to issue_pending.',
    source: { seed: CR('4'), kernel: [PR('tx_submit')] },
  },
  {
    id: 'PROV-5', binds: 'engine', check: MODEL,
    statement: 'Terminate works from atomic context and from callbacks without deadlocking, which requires engines to drop their locks before calling back.',
    source: { seed: CR('3-note'), kernel: [PR('device_terminate_all')] },
  },
  {
    id: 'PROV-6', binds: 'engine', check: MODEL,
    statement: 'An engine that defers callbacks implements device_synchronize, since without it clients lose the guarantee that no callback is still running.',
    source: { kernel: [DH('dmaengine_synchronize'), PR('device_synchronize')] },
    tags: ['derived'],
  },
  {
    id: 'PROV-7', binds: 'engine',
    statement: 'An engine advertises DMA_REPEAT only together with DMA_INTERLEAVE.',
    source: { kernel: [PR('DMA_REPEAT')] },
    check: documentedOnly('A consistency condition on the declared capability mask, checked when the provider registers; the only call that depends on DMA_REPEAT is the interleaved prep of CYC-6, which the model checks.'),
  },
  {
    id: 'PROV-8', binds: 'engine', check: MODEL,
    statement: 'An engine operation returns to its caller with the channel lock released and never takes a lock it already holds: a recursive spin_lock deadlocks the CPU, and a lock leaked on return deadlocks the next caller.',
    source: {
      kernel: [
        VH('vc.lock'), PR('device ops and their locking'),
        COH901318('"Fix a double lock bug in dma_tc_handle()": the handler took the channel lock it held'),
        MTK_CQDMA('157ae5ffd76a: mtk_cqdma_tx_status took vc.lock and pc->lock in the wrong order'),
      ],
    },
    tags: ['derived'],
  },
]);
