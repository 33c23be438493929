/**
 * What the trace header says about the real engine: bcm2835-dma as Linux 6.1 declares
 * it in bcm2835_dma_probe() (drivers/dma/bcm2835-dma.c), and what the agent observes.
 * @internal
 */
import type { EngineConfig, EventKind, EnvOp, SlaveEntry } from '../../spec/api/index.ts';

/** dma_device.directions of bcm2835-dma: DEV_TO_MEM | MEM_TO_DEV | MEM_TO_MEM. */
const DIRECTIONS = ['MEM_TO_DEV', 'DEV_TO_MEM', 'MEM_TO_MEM'] as const;

/** The agent's stand-in peripheral: one coherent 32-bit RAM word (kernel/agent/exec.c). */
export function slaveEntry(name: string): SlaveEntry {
  return { name, directions: DIRECTIONS, fifoDepth: 4 };
}

export function bcm2835Config(slaves: readonly SlaveEntry[]): EngineConfig {
  return {
    slaves,
    caps: {
      config: true, // device_config
      pause: false, resume: false, // no device_pause/device_resume: -ENOSYS
      terminate: true, synchronize: true, slaveSg: true,
      dmaVec: false, // no device_prep_peripheral_dma_vec in 6.1
      cyclic: true, // DMA_CYCLIC is set (QEMU hangs on it, so certify never generates it)
      interleave: false, repeat: false, loadEot: false,
      descriptorReuse: true,
      metadataClient: false, metadataEngine: false,
      completionNoOrder: false,
    },
    residueGranularity: 'burst', // DMA_RESIDUE_GRANULARITY_BURST
    bytesPerUnit: 4, // no `advance` is ever recorded: time is not observed
    addrWidths: [4], // src/dst_addr_widths = BIT(DMA_SLAVE_BUSWIDTH_4_BYTES)
    maxBurst: 0, // dma_device.max_burst is not set
    cookieInit: 1, // the agent starts each program from dma_cookie_init()'s state
    maxTransferLen: 1 << 30, // MAX_DMA_LEN (SZ_1G) of a full channel; frames are chained beyond
  };
}

/** What a kernel recorder sees (HELPERS-BRIEF §Trace format 1.1): no xfer, no irq_raised, no data. */
export const OBSERVED: { readonly events: readonly EventKind[]; readonly env: readonly EnvOp[]; readonly data: false } = {
  events: ['hw_start', 'complete', 'tasklet_scheduled', 'desc_freed'],
  env: ['irq', 'tasklet'],
  data: false,
};
