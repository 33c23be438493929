/**
 * Citation helpers: expand the fact sheet's source abbreviations (§6 legend) into
 * kernel file paths, and name seed sections. Each helper returns the string stored
 * in {@link RuleSource}.
 * @internal
 */

const cite = (file: string) => (what?: string): string => (what === undefined ? file : `${file} (${what})`);

/** include/linux/dmaengine.h (fact sheet DH). */
export const DH = cite('include/linux/dmaengine.h');
/** drivers/dma/dmaengine.h (DE). */
export const DE = cite('drivers/dma/dmaengine.h');
/** drivers/dma/dmaengine.c (DC). */
export const DC = cite('drivers/dma/dmaengine.c');
/** drivers/dma/virt-dma.h (VH). */
export const VH = cite('drivers/dma/virt-dma.h');
/** drivers/dma/virt-dma.c (VC). */
export const VC = cite('drivers/dma/virt-dma.c');
/** drivers/dma/of-dma.c (OF). */
export const OF = cite('drivers/dma/of-dma.c');
/** Documentation/driver-api/dmaengine/provider.rst (PR). */
export const PR = cite('Documentation/driver-api/dmaengine/provider.rst');
/** Documentation/crypto/async-tx-api.rst (AT). */
export const AT = cite('Documentation/crypto/async-tx-api.rst');
/** Documentation/core-api/dma-api.rst and dma-api-howto.rst: the DMA mapping API a client maps its buffers with. */
export const DMA_API = cite('Documentation/core-api/dma-api.rst');
export const DMA_HOWTO = cite('Documentation/core-api/dma-api-howto.rst');
/** Driver and client files the fact sheet cites as practice or counter-examples. */
export const PL330 = cite('drivers/dma/pl330.c');
export const BCM2835 = cite('drivers/dma/bcm2835-dma.c');
export const STM32 = cite('drivers/dma/stm32/stm32-dma.c');
export const STM32_DMA3 = cite('drivers/dma/stm32/stm32-dma3.c');
export const XILINX = cite('drivers/dma/xilinx/xilinx_dma.c');
export const K3_UDMA = cite('drivers/dma/ti/k3-udma.c');
export const AXI_DMAC = cite('drivers/dma/dma-axi-dmac.c');
export const PCM = cite('sound/core/pcm_dmaengine.c');
export const IIO_DMA = cite('drivers/iio/buffer/industrialio-buffer-dmaengine.c');
export const TEGRA_GPC = cite('drivers/dma/tegra186-gpc-dma.c');
export const COH901318 = cite('drivers/dma/coh901318.c');
export const MTK_CQDMA = cite('drivers/dma/mediatek/mtk-cqdma.c');
/** The prep implementations of engine drivers in general. */
export const DRIVERS = cite('drivers/dma/*');

/** Sections of seed 002 (client.rst, Chinese translation): the five usage steps and "Further APIs". */
const SEED002_SECTIONS = {
  '1': '§1 (allocate a slave channel)',
  '2': '§2 (slave and controller parameters)',
  '3': '§3 (get a transaction descriptor)',
  '3-note': '§3 note (callbacks may submit; tasklet context)',
  '3-cyclic': '§3 (dma_cyclic mode)',
  '3-meta': '§3 (optional per-descriptor metadata)',
  '3-meta-note': '§3 metadata note (ENGINE-mode lifetime, no mixing)',
  '4': '§4 (submit the transaction)',
  '4-note': '§4 note (descriptor belongs to the engine)',
  '5': '§5 (issue pending requests, wait for callback)',
  'F1': '§Further APIs 1 (terminate)',
  'F2': '§Further APIs 2 (pause)',
  'F3': '§Further APIs 3 (resume)',
  'F4-note': '§Further APIs 4 note (reliable status on a running channel)',
  'F5': '§Further APIs 5 (synchronize)',
} as const;

/** A section key of seed 002. */
export type Seed002Section = keyof typeof SEED002_SECTIONS;

/** Seed 002 (client.rst), by section: `CR('3', 'F5')` → "seed 002 §3 (…), §Further APIs 5 (…)". */
export const CR = (...sections: readonly Seed002Section[]): string =>
  `seed 002 ${sections.map((s) => SEED002_SECTIONS[s]).join(', ')}`;

/** Seed 000: MEM_TO_DEV completion precedes the peripheral's receipt; synchronize does not wait for it. */
export const SEED000 =
  'seed 000 (linux-arm-kernel, Nov 2016, "Tearing down DMA transfer setup after DMA client has finished")';
