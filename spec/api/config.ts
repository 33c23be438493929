/**
 * Engine configuration handed to an implementation at `reset`, and the capability
 * profile an implementation declares. Types only.
 * @public
 */
import type { BusWidth, Direction, ResidueGranularity } from './vocabulary.ts';

/** One `dma_slave_map` entry: the name a client requests and its peripheral endpoint. */
export interface SlaveEntry {
  /** Name for dma_request_chan. */
  readonly name: string;
  /** Directions this channel's peripheral supports. */
  readonly directions: readonly Direction[];
  /** Peripheral FIFO depth in bytes (MEM_TO_DEV data waits here until drained). */
  readonly fifoDepth: number;
}

/** Provider capabilities: which device ops exist and which optional features are on. */
export interface EngineCaps {
  readonly config: boolean;          // device_config (CFG-3, CFG-6)
  readonly pause: boolean;           // device_pause (PAUSE-1, CAPS-2)
  readonly resume: boolean;          // device_resume
  readonly terminate: boolean;       // device_terminate_all (TERM-1, TERM-2)
  readonly synchronize: boolean;     // device_synchronize (SYNC-1)
  readonly slaveSg: boolean;         // device_prep_slave_sg
  readonly dmaVec: boolean;          // device_prep_peripheral_dma_vec
  readonly cyclic: boolean;          // DMA_CYCLIC
  readonly interleave: boolean;      // DMA_INTERLEAVE
  readonly repeat: boolean;          // DMA_REPEAT (CYC-6)
  readonly loadEot: boolean;         // DMA_LOAD_EOT
  readonly descriptorReuse: boolean; // caps.descriptor_reuse (DESC-10)
  readonly metadataClient: boolean;  // DESC_METADATA_CLIENT
  readonly metadataEngine: boolean;  // DESC_METADATA_ENGINE
  readonly completionNoOrder: boolean; // DMA_COMPLETION_NO_ORDER (CK-5)
}

/**
 * Everything an implementation needs to start a run. The model reads the same
 * object, so every engine choice that changes what is allowed is declared here.
 */
export interface EngineConfig {
  readonly slaves: readonly SlaveEntry[];
  readonly caps: EngineCaps;
  readonly residueGranularity: ResidueGranularity;
  /** Bytes each active channel moves per `advance` unit (>= 1). */
  readonly bytesPerUnit: number;
  /** Supported device-side widths (caps src/dst_addr_widths). */
  readonly addrWidths: readonly BusWidth[];
  readonly maxBurst: number;
  /** Initial value of chan->cookie = completed_cookie (1 per dma_cookie_init, CH-9); larger to test wrap-around. */
  readonly cookieInit: number;
  /** Upper bound of descriptor sizes the engine accepts (larger preps return NULL). */
  readonly maxTransferLen: number;
  /** Engine-dependent behaviour (fact sheet §7) an engine lets the harness pick; absent: its default. */
  readonly choices?: EngineChoices;
}

/**
 * Engine-dependent behaviour inside the range the model accepts (catalogue `range`), for
 * engines that can take either side (the built-in one; check-client draws them).
 */
export interface EngineChoices {
  /**
   * TERM-9 / Q10: the running descriptor is freed during terminate (the bcm2835 and stm32
   * order: vchan_terminate_vdesc, then vchan_get_all_descriptors) or parked until synchronize.
   */
  readonly freeActiveAt?: 'terminate' | 'synchronize';
  /**
   * STAT-3 / Q1: cookies aborted by terminate read DMA_IN_PROGRESS (bcm2835 leaves
   * completed_cookie alone) or DMA_COMPLETE (pl330 cookie-completes them).
   */
  readonly abortedStatus?: 'in_progress' | 'complete';
  /**
   * DESC-1 / DESC-17: the engine keeps a fixed pool of this many hardware descriptors per
   * channel (absent: unbounded); a prep finds it full, and returns NULL, while that many
   * descriptors of the channel are not yet freed. Every one comes back when freed.
   */
  readonly descSlots?: number;
}

/**
 * Capability profile an implementation declares (issue: certify any implementation).
 * Features it does not support are never generated against it; rules that need them
 * are reported "not supported", never pass or fail.
 */
export interface CapabilityProfile {
  readonly slaveSg: boolean;
  readonly dmaVec: boolean;
  readonly cyclic: boolean;
  readonly interleave: boolean;
  readonly repeat: boolean;
  readonly pause: boolean;
  readonly resume: boolean;
  readonly terminate: boolean;
  readonly synchronize: boolean;
  readonly reuse: boolean;
  readonly metadata: boolean;
  readonly callbacks: boolean;
  /** Several channels at once. */
  readonly multiChannel: boolean;
  /** Honours EngineConfig.cookieInit (needed for wrap-around checks). */
  readonly cookieInit: boolean;
  /** Accepts EngineConfig.caps switches (turning ops off); else only the default config is used. */
  readonly configurableCaps: boolean;
}
