/**
 * Status and residue rules (STAT-1..STAT-12).
 * @public
 */
import { BCM2835, CR, DC, DE, DH, PL330, PR, STM32, VC, VH } from './sources.ts';
import { defineGroup, documentedOnly, MODEL } from './types.ts';

/** The STAT rules in fact-sheet order. @public */
export const STATUS_RULES = defineGroup('STAT', [
  {
    id: 'STAT-1', binds: 'engine', check: MODEL,
    statement: 'dma_async_is_complete decides by comparing the cookie with the last completed and last used cookies, in a plain and a wrapped case, and answers only COMPLETE or IN_PROGRESS.',
    source: { kernel: [DH('dma_async_is_complete')] },
  },
  {
    id: 'STAT-2', binds: 'client', check: MODEL,
    statement: 'The client asks about cookies that dmaengine_submit returned on the same channel only, since a cookie never issued, zero or negative just reads COMPLETE.',
    source: { kernel: [DH('dma_async_is_complete')] },
    tags: ['derived'],
  },
  {
    id: 'STAT-3', binds: 'client', check: MODEL,
    statement: 'DMA_COMPLETE does not prove that data moved, because an aborted cookie reads COMPLETE once a later cookie completes, or straight away on engines that complete cookies while terminating.',
    source: { kernel: [DE('dma_cookie_complete'), DE('dma_cookie_status'), PL330('pl330_terminate_all'), STM32('stm32_dma_terminate_all'), BCM2835('bcm2835_dma_terminate_all')] },
    tags: ['derived'],
    range: 'Q1: a cookie aborted by terminate reads DMA_IN_PROGRESS (bcm2835 leaves completed_cookie alone) or DMA_COMPLETE (pl330; stm32 for the active one), and reads COMPLETE once a later cookie completes.',
  },
  {
    id: 'STAT-4', binds: 'engine', check: MODEL,
    statement: 'DMA_IN_PROGRESS stands for submitted, issued, running and cyclic transfers, DMA_PAUSED for an unfinished cookie on a paused channel, DMA_ERROR for a failed transfer and DMA_OUT_OF_ORDER for engines without completion order.',
    source: { kernel: [DH('enum dma_status'), PR('device_tx_status')] },
    range: 'Q19: an unfinished cookie on a paused channel reads DMA_PAUSED or DMA_IN_PROGRESS; DMA_OUT_OF_ORDER only on DMA_COMPLETION_NO_ORDER engines.',
  },
  {
    id: 'STAT-5', binds: 'engine', check: MODEL,
    statement: 'device_tx_status copes with a NULL state pointer, and dma_cookie_status fills in last and used while zeroing residue and in_flight_bytes.',
    source: { kernel: [PR('device_tx_status'), DE('dma_cookie_status')] },
  },
  {
    id: 'STAT-6', binds: 'engine', check: MODEL,
    statement: 'Residue describes the cookie that was asked about rather than whatever is running, is 0 once that cookie is complete, and for a cyclic transfer is measured against the whole buffer.',
    source: { kernel: [PR('device_tx_status'), DH('struct dma_tx_state')] },
  },
  {
    id: 'STAT-7', binds: 'both', check: MODEL,
    statement: 'dmaengine_tx_status and dma_async_is_tx_complete may be called from any context, interrupt handlers included.',
    source: { kernel: [PR('device_tx_status')] },
  },
  {
    id: 'STAT-8', binds: 'client',
    statement: 'A client that needs an exact residue from a running channel pauses or stops the channel before asking.',
    source: { seed: CR('F4-note'), kernel: [] },
    check: documentedOnly('Advice, not an obligation: an unpaused query is legal and the model accepts any residue within the STAT-6 bounds for a running transfer, so no trace shows a client that trusted the value.'),
  },
  {
    id: 'STAT-9', binds: 'engine', check: MODEL,
    statement: 'On virt-dma the interrupt path marks the cookie complete before the tasklet runs its callback, so a status query may read COMPLETE before the callback has happened.',
    source: { kernel: [VH('vchan_cookie_complete'), VC('vchan_complete')] },
    tags: ['vchan'],
  },
  {
    id: 'STAT-10', binds: 'engine', check: MODEL,
    statement: 'dma_async_is_tx_complete stores last and used only through pointers that are not NULL, and the stored values can be handed to dma_async_is_complete later.',
    source: { kernel: [DH('dma_async_is_tx_complete')] },
  },
  {
    id: 'STAT-11', binds: 'engine',
    statement: 'dma_sync_wait issues pending work, polls until the cookie leaves IN_PROGRESS, and gives up with DMA_ERROR after 5000 ms.',
    source: { kernel: [DC('dma_sync_wait')] },
    check: documentedOnly('dma_sync_wait is a busy-waiting core helper with no call in the vocabulary; it is fixed core code over tx_status, whose answers STAT-1 to STAT-6 check.'),
  },
  {
    id: 'STAT-12', binds: 'engine', check: MODEL,
    statement: 'On virt-dma the residue lookup searches only issued descriptors and the running one, so a cookie submitted but not yet issued gets a residue of the engine\'s choosing.',
    source: { kernel: [VC('vchan_find_desc'), BCM2835('bcm2835_dma_tx_status')] },
    tags: ['vchan'],
    range: 'Q21: a submitted-not-issued cookie reads DMA_IN_PROGRESS with residue 0 (bcm2835) or its full length.',
  },
]);
