/**
 * Data path rules (DATA). Fact sheet §5.
 * @public
 */
import { client, engine, type Cx, type Fail } from './require.ts';

/**
 * DATA-1: map buffers with the channel's DMA device before prep.
 * Source: CR §3; DH (dmaengine_get_dma_device).
 */
export const data1_dmaDevice = (cx: Cx, ok: boolean, what: string): Fail | undefined =>
  client(cx, ok, 'DATA-1', what);

/**
 * DATA-2: pass the entry count dma_map_sg returned; 0 entries means the mapping failed.
 * Source: CR §3.
 */
export const data2_nonEmptyList = (cx: Cx, entries: number): Fail | undefined =>
  client(cx, entries > 0, 'DATA-2', 'prep with an empty scatterlist');

/**
 * DATA-3: keep buffers mapped until the transfer completed.
 * Source: CR §3, §"Further APIs 5".
 */
export const data3_mappedUntilDone = (cx: Cx, inFlight: boolean): Fail | undefined =>
  client(cx, !inFlight, 'DATA-3', 'buffer unmapped while a transfer uses it');

/**
 * DATA-4: MEM_TO_DEV completion does not mean the peripheral emitted the data (seed 000).
 * Source: PR (device_synchronize) [derived]; seed 000.
 */
export const data4_peripheralHoldsData = (cx: Cx, holdsData: boolean): Fail | undefined =>
  client(cx, !holdsData, 'DATA-4', 'peripheral torn down while it still holds data');

/**
 * DATA-5: in_flight_bytes is a byte count within the descriptor, 0 when complete.
 * Source: DE (dma_set_in_flight_bytes); k3-udma.c; stm32-dma3.c.
 */
export const data5_inFlight = (cx: Cx, ok: boolean): Fail | undefined =>
  engine(cx, ok, 'DATA-5', 'in_flight_bytes out of range');

/**
 * DATA-6: only MEM_TO_DEV, DEV_TO_MEM, DEV_TO_DEV are slave directions; slave prep rejects others.
 * Source: DH (is_slave_direction); bcm2835-dma.c.
 */
export const DATA6_SLAVE_DIRECTION = 'DATA-6';

/**
 * DATA-7: dma_vec entries are (addr, len) pairs with a length.
 * Source: DH; dma-axi-dmac.
 */
export const data7_vecLengths = (cx: Cx, ok: boolean): Fail | undefined =>
  client(cx, ok, 'DATA-7', 'dma_vec entry of length 0');

/**
 * DATA-8: the bytes that reach memory or the peripheral are exactly the buffer / peripheral
 * stream bytes, in order (xfer offsets and sums, FIFO contents, periph_rx order).
 * Source: seed 002 §3; provider.rst (device_prep_*, DMA_PREP_*); docs/SEMANTICS.md §Data.
 */
export const data8_bytes = (cx: Cx, ok: boolean, what: string): Fail | undefined =>
  engine(cx, ok, 'DATA-8', what);

/**
 * DATA-9: every dma mapping is eventually unmapped, on error and timeout paths too; a buffer
 * freed or left mapped at the end leaks the mapping (swiotlb slots, IOMMU entries the device can still reach).
 * Source: Documentation/core-api/dma-api-howto.rst (dma_map_single / dma_unmap_single pairs);
 * Documentation/core-api/dma-api.rst (DMA-API debugging: pending mappings at driver unload).
 */
export const data9_mappingReleased = (cx: Cx, leaked: boolean): Fail | undefined =>
  client(cx, !leaked, 'DATA-9', 'dma mapping never unmapped');

/**
 * DATA-10: a buffer the device writes (DEV_TO_MEM) goes back to its owner only after
 * dma_unmap_* (or dma_sync_*_for_cpu); before that the CPU may read stale cache lines.
 * Source: Documentation/core-api/dma-api-howto.rst (DMA_FROM_DEVICE, "until the buffer is unmapped ... the CPU must not touch it").
 */
export const data10_unmappedBeforeOwner = (cx: Cx, stillMapped: boolean): Fail | undefined =>
  client(cx, !stillMapped, 'DATA-10', 'DEV_TO_MEM buffer handed back while still mapped for the device');
