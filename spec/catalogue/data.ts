/**
 * Data-path rules (DATA-1..DATA-10): mapping, completion versus the peripheral, directions, byte integrity, unmapping.
 * @public
 */
import { AXI_DMAC, BCM2835, CR, DE, DH, DMA_API, DMA_HOWTO, K3_UDMA, PR, SEED000, STM32_DMA3 } from './sources.ts';
import { atEnd, defineGroup, MODEL } from './types.ts';

/** The DATA rules in fact-sheet order. @public */
export const DATA_RULES = defineGroup('DATA', [
  {
    id: 'DATA-1', binds: 'client', check: MODEL,
    statement: 'Buffers are mapped before prep with the device that dmaengine_get_dma_device returns rather than the client\'s own device, and any later dma_sync_* call uses that same device.',
    source: { seed: CR('3'), kernel: [DH('dmaengine_get_dma_device')] },
  },
  {
    id: 'DATA-2', binds: 'client', check: MODEL,
    statement: 'The entry count returned by dma_map_sg is what goes into prep, and a count of 0 means the mapping failed.',
    source: { seed: CR('3'), kernel: [] },
    range: 'The vocabulary has no dma_map_sg count; a prep with no entries (or an entry of 0 bytes), which is what passing a failed mapping amounts to, is client UB.',
  },
  {
    id: 'DATA-3', binds: 'client', check: MODEL,
    statement: 'Buffers stay mapped until their transfer has completed or, after a terminate, until synchronize has returned.',
    source: { seed: CR('3', 'F5'), kernel: [] },
  },
  {
    id: 'DATA-4', binds: 'client', check: MODEL,
    statement: 'For MEM_TO_DEV, completion of the DMA transfer does not mean that the peripheral has already sent the data on.',
    source: { seed: SEED000, kernel: [PR('device_synchronize')] },
    tags: ['derived'],
  },
  {
    id: 'DATA-5', binds: 'engine', check: MODEL,
    statement: 'Engines may report bytes held inside the controller as in_flight_bytes and, for DEV_TO_MEM, count them in the residue.',
    source: { kernel: [DE('dma_set_in_flight_bytes'), K3_UDMA(), STM32_DMA3()] },
    range: 'inFlight is 0 or at most the bytes the engine has read but not yet written; a DEV_TO_MEM residue may include them.',
  },
  {
    id: 'DATA-6', binds: 'engine', check: MODEL,
    statement: 'Only MEM_TO_DEV, DEV_TO_MEM and DEV_TO_DEV count as slave directions, and engines refuse any other direction in a slave prep.',
    source: { kernel: [DH('is_slave_direction'), BCM2835('bcm2835_dma_prep_slave_sg')] },
  },
  {
    id: 'DATA-7', binds: 'client', check: MODEL,
    statement: 'dmaengine_prep_peripheral_dma_vec takes address and length pairs, and an engine may insist on the channel\'s fixed direction and on aligned addresses and lengths.',
    source: { kernel: [DH('dmaengine_prep_peripheral_dma_vec'), AXI_DMAC('axi_dmac_prep_peripheral_dma_vec')] },
    range: 'A dma_vec prep in a direction the channel does not support, or with unaligned entries, may return NULL.',
  },
  // Not in fact sheet §6: the data-integrity obligation of the simulation contract
  // (docs/SEMANTICS.md, Data), kept apart from DESC-6 (copying the containers at prep).
  {
    id: 'DATA-8', binds: 'engine', check: MODEL,
    statement: 'Whatever reaches memory or the peripheral is exactly the byte sequence of the prepared buffers or of the peripheral stream, in order, with nothing lost, added or reordered.',
    source: { seed: CR('3'), kernel: [PR('device_prep_*, DMA_PREP_* flags')] },
    tags: ['derived'],
  },
  // DATA-9 and DATA-10 come from the DMA mapping API, not from fact sheet §6 (issue 15): a client
  // program (check-client) is judged on its mappings too. A mapping leaked on an error or timeout
  // path keeps DMA address space (swiotlb slots, IOMMU entries) and leaves the device able to reach
  // memory the kernel reuses; a DEV_TO_MEM buffer read before unmap can show stale cache lines on a
  // non-coherent system. Both can corrupt or lose data: undefined behaviour, not advice.
  {
    id: 'DATA-9', binds: 'client',
    check: atEnd('Every buffer the client mapped is unmapped by the end of the program; freeing a mapped buffer leaks its mapping.'),
    statement: 'Every dma_map_* of a client buffer has its dma_unmap_* counterpart, on error and timeout paths too; a buffer is not freed while still mapped.',
    source: { kernel: [DMA_HOWTO('every dma_map_{single,sg}() call should have its dma_unmap_{single,sg}() counterpart'), DMA_API('dma_unmap_single: dev, size and direction must match the mapping')] },
  },
  {
    id: 'DATA-10', binds: 'client', check: MODEL,
    statement: 'A buffer the device wrote (DEV_TO_MEM) goes back to its owner or the CPU only after it was unmapped (or synced for the CPU); handing it back while still mapped for the device is undefined.',
    source: { kernel: [DMA_HOWTO('dma_sync_single_for_cpu before examining a DMA_FROM_DEVICE buffer; dma_unmap_single before pass_to_upper_layers'), DMA_API('dma_unmap_single, dma_sync_single_for_cpu')] },
  },
]);
