/**
 * The dmaengine slave API vocabulary: the words that the model (spec/model), every
 * implementation (impl/, mutants, foreign engines over the stdio protocol) and the
 * harness speak. Types only — impl/ may `import type` from here and nothing else
 * from spec/.
 *
 * Conventions: `chan` = a channel id (the index of its entry in the slave map,
 * {@link EngineConfig.slaves}); `desc` = a descriptor id chosen by the client at
 * prep time, unique within one run; `buf` = a client buffer id; `ctx` = the
 * execution context a call is made from. All values are JSON-serialisable, so the
 * same shapes travel over the stdio protocol (docs/PROTOCOL.md) and in traces
 * (docs/TRACE.md).
 * @public
 */

/** Index of a slave-map entry ({@link EngineConfig.slaves}); identifies the channel once requested. */
export type ChanId = number;
/** Client-chosen descriptor id, assigned in the prep call; never reused within a run. */
export type DescId = number;
/** Client buffer id, assigned in `alloc_buf`. */
export type BufId = number;
/** dma_cookie_t: s32; >= 1 a request cookie, < 0 an error (CK-1). */
export type Cookie = number;

/**
 * Execution context of a client call (fact sheet §2 legend).
 * `callback` = inside a completion callback; the model knows which channel's.
 */
export type Ctx = 'process' | 'atomic' | 'hardirq' | 'callback';

/** Context the engine runs a piece of its own code in (reported with callbacks). */
export type EngineCtx = 'process' | 'atomic' | 'hardirq' | 'tasklet';

/** enum dma_transfer_direction. */
export type Direction = 'MEM_TO_MEM' | 'MEM_TO_DEV' | 'DEV_TO_MEM' | 'DEV_TO_DEV';

/** Kernel errno names used by the API (returned negated in C). */
export type Errno =
  | 'EPERM' | 'ENXIO' | 'ENODEV' | 'EINVAL' | 'ENOSYS' | 'ENOTSUPP'
  | 'EPROBE_DEFER' | 'EBUSY' | 'ENOMEM' | 'EIO';

/** enum dma_status. */
export type DmaStatus = 'DMA_COMPLETE' | 'DMA_IN_PROGRESS' | 'DMA_PAUSED' | 'DMA_ERROR' | 'DMA_OUT_OF_ORDER';

/** enum dmaengine_tx_result. */
export type TxResult = 'DMA_TRANS_NOERROR' | 'DMA_TRANS_READ_FAILED' | 'DMA_TRANS_WRITE_FAILED' | 'DMA_TRANS_ABORTED';

/** enum dma_residue_granularity. */
export type ResidueGranularity = 'descriptor' | 'segment' | 'burst';

/** enum dma_desc_metadata_mode (NONE is the absence of a mode). */
export type MetadataMode = 'client' | 'engine';

/** enum dma_slave_buswidth, in bytes (0 = UNDEFINED). */
export type BusWidth = 0 | 1 | 2 | 3 | 4 | 8 | 16 | 32 | 64 | 128;

/**
 * Prep flags, a bit mask with the kernel's bit values (enum dma_ctrl_flags):
 * DMA_PREP_INTERRUPT = 1, DMA_CTRL_ACK = 2, DMA_CTRL_REUSE = 64,
 * DMA_PREP_REPEAT = 256, DMA_PREP_LOAD_EOT = 512.
 */
export type PrepFlags = number;

/** One scatterlist / dma_vec entry: `len` bytes of buffer `buf` starting at `offset`. */
export interface SgEntry { readonly buf: BufId; readonly offset: number; readonly len: number }

/** struct dma_slave_config (the fields a simulation can act on). */
export interface SlaveConfig {
  /** Deprecated field; the prep direction is authoritative (CFG-4). */
  readonly direction?: Direction;
  readonly srcAddrWidth: BusWidth;
  readonly dstAddrWidth: BusWidth;
  /** In words of the matching width (CFG-5). */
  readonly srcMaxburst: number;
  readonly dstMaxburst: number;
  readonly deviceFc?: boolean;
  /** Legacy controller-specific request line (dma_slave_config.slave_id); its widths come from the controller's own table. */
  readonly slaveId?: number;
}

/**
 * An interleaved template reduced to one memory side: `numf` frames, each frame the
 * chunks in order, chunk i moving `size` bytes then skipping `icg` bytes of memory.
 * The memory side starts at `buf`+`offset`; the other side is the channel's peripheral.
 */
export interface InterleavedTemplate {
  readonly dir: Direction;
  readonly buf: BufId;
  readonly offset: number;
  readonly numf: number;
  readonly chunks: readonly { readonly size: number; readonly icg: number }[];
}

/**
 * What the client does inside a completion callback, fixed when the callback is set
 * (so re-entrant sequences are part of the command language). The harness expands an
 * action into concrete nested {@link ClientCall}s, made with ctx `callback`.
 * - `none`: return at once.
 * - `chain`: prep_slave_sg of `len` bytes of `buf` in direction `dir` (flags
 *   DMA_PREP_INTERRUPT|DMA_CTRL_ACK, callback action none), submit it, issue_pending (CB-3).
 * - `terminate_async`: stop the channel from the callback (CB-5, CYC-5).
 * - `synchronize` / `terminate_sync`: illegal in a callback (CB-6, SYNC-2, TERM-5).
 * - `read_metadata`: ENGINE-mode DEV_TO_MEM read via get_metadata_ptr + access (META-8).
 * - `tx_status`: query the own cookie (must already read COMPLETE for a non-cyclic, STAT-9/CB-8).
 * - `resubmit_self`: resubmit this (REUSE) descriptor from its own callback (DESC-16).
 * - `busy_wait_periph`: spin until the channel's peripheral FIFO is empty (the fix of seed 000:
 *   tango_nand waits for the NFC before disabling it, DATA-4).
 * - `seq`: the `actions` in order (e.g. a tx_status residue read, then an unmap).
 * - `unmap`: dma_unmap_single of `buf` in the callback (DATA-3, DATA-9).
 */
export type CallbackAction =
  | { readonly kind: 'none' }
  | { readonly kind: 'chain'; readonly buf: BufId; readonly len: number; readonly dir: Direction }
  | { readonly kind: 'terminate_async' }
  | { readonly kind: 'synchronize' }
  | { readonly kind: 'terminate_sync' }
  | { readonly kind: 'read_metadata' }
  | { readonly kind: 'tx_status' }
  | { readonly kind: 'resubmit_self' }
  | { readonly kind: 'busy_wait_periph' }
  | { readonly kind: 'seq'; readonly actions: readonly CallbackAction[] }
  | { readonly kind: 'unmap'; readonly buf: BufId };

/**
 * A dma_cap_mask_t of dma_request_channel with one capability: `slave` (DMA_SLAVE),
 * `memcpy` (DMA_MEMCPY), `cyclic` (DMA_SLAVE + DMA_CYCLIC).
 */
export type DmaCapMask = 'slave' | 'memcpy' | 'cyclic';

/** One side of a memcpy: `buf` from `offset`. */
export interface MemcpyEnd { readonly buf: BufId; readonly offset: number }

/**
 * A client call with concrete arguments, as an implementation receives it.
 * Buffers: `alloc_buf` creates `len` bytes whose byte i is {@link memPatternByte}
 * (buf, i); DEV_TO_MEM transfers read the channel's peripheral stream whose byte k is
 * `periphPatternByte(chan, k)` (see docs/PROTOCOL.md §Data).
 */
export type ClientCall =
  | { readonly op: 'request_chan'; readonly name: string }
  /**
   * dma_request_channel(mask, NULL, NULL): the first channel in slave-map order that is not
   * held and has the capability (a `memcpy` channel lists MEM_TO_MEM in its directions);
   * returns `ok` (that channel is now held) or `null` (none).
   */
  | { readonly op: 'request_channel'; readonly mask: DmaCapMask }
  | { readonly op: 'release_channel'; readonly chan: ChanId }
  | { readonly op: 'slave_config'; readonly chan: ChanId; readonly cfg: SlaveConfig }
  | { readonly op: 'get_slave_caps'; readonly chan: ChanId }
  | { readonly op: 'alloc_buf'; readonly buf: BufId; readonly len: number }
  | { readonly op: 'free_buf'; readonly buf: BufId }
  /** dma_map_single with `dev`: the channel's DMA device or, not portably, the client's own device (DATA-11). */
  | { readonly op: 'map_buf'; readonly chan: ChanId; readonly buf: BufId; readonly dev: 'dma' | 'client' }
  /** dma_unmap_single; `dev` the device it unmaps with (default the mapping's): another device than the mapping's does not release it (DATA-9). */
  | { readonly op: 'unmap_buf'; readonly buf: BufId; readonly dev?: 'dma' | 'client' }
  /**
   * The client hands `buf` to its owner (completes the request, the CPU reads it) without
   * unmapping it; a DEV_TO_MEM buffer still mapped for the device is DATA-10.
   */
  | { readonly op: 'give_back'; readonly buf: BufId }
  | { readonly op: 'prep_slave_sg'; readonly chan: ChanId; readonly desc: DescId; readonly sgl: readonly SgEntry[]; readonly dir: Direction; readonly flags: PrepFlags }
  | { readonly op: 'prep_dma_vec'; readonly chan: ChanId; readonly desc: DescId; readonly vecs: readonly SgEntry[]; readonly dir: Direction; readonly flags: PrepFlags }
  | { readonly op: 'prep_cyclic'; readonly chan: ChanId; readonly desc: DescId; readonly buf: BufId; readonly bufLen: number; readonly periodLen: number; readonly dir: Direction; readonly flags: PrepFlags }
  | { readonly op: 'prep_interleaved'; readonly chan: ChanId; readonly desc: DescId; readonly xt: InterleavedTemplate; readonly flags: PrepFlags }
  /** dmaengine_prep_dma_memcpy: MEM_TO_MEM copy of `len` bytes; the channel needs the memcpy capability. */
  | { readonly op: 'prep_memcpy'; readonly chan: ChanId; readonly desc: DescId; readonly dst: MemcpyEnd; readonly src: MemcpyEnd; readonly len: number; readonly flags: PrepFlags }
  /** Sets desc->callback (`fn: 'callback'`) or desc->callback_result; `action` is what it will do. */
  | { readonly op: 'set_callback'; readonly desc: DescId; readonly fn: 'callback' | 'callback_result'; readonly action: CallbackAction }
  | { readonly op: 'set_reuse'; readonly desc: DescId }
  | { readonly op: 'desc_free'; readonly desc: DescId }
  | { readonly op: 'metadata_supported'; readonly chan: ChanId; readonly mode: MetadataMode }
  | { readonly op: 'attach_metadata'; readonly desc: DescId; readonly len: number }
  | { readonly op: 'get_metadata_ptr'; readonly desc: DescId }
  | { readonly op: 'set_metadata_len'; readonly desc: DescId; readonly len: number }
  /** The client reads (or writes) through the ENGINE metadata pointer it got earlier (META-9). */
  | { readonly op: 'access_metadata'; readonly desc: DescId; readonly write: boolean }
  | { readonly op: 'submit'; readonly desc: DescId }
  | { readonly op: 'issue_pending'; readonly chan: ChanId }
  | { readonly op: 'tx_status'; readonly chan: ChanId; readonly cookie: Cookie; readonly withState: boolean }
  /** dma_async_is_tx_complete(chan, cookie, &last, &used). */
  | { readonly op: 'is_tx_complete'; readonly chan: ChanId; readonly cookie: Cookie }
  | { readonly op: 'pause'; readonly chan: ChanId }
  | { readonly op: 'resume'; readonly chan: ChanId }
  | { readonly op: 'terminate_async'; readonly chan: ChanId }
  | { readonly op: 'terminate_sync'; readonly chan: ChanId }
  /** Deprecated dmaengine_terminate_all (TERM-2, TERM-6). */
  | { readonly op: 'terminate_all'; readonly chan: ChanId }
  | { readonly op: 'synchronize'; readonly chan: ChanId }
  /** The client enables its peripheral (e.g. the UART's DMA request line); a no-op for the data path. */
  | { readonly op: 'periph_enable'; readonly chan: ChanId }
  /**
   * The client disables its peripheral (e.g. the NFC sbox of seed 000); bytes still in the
   * device FIFO are lost. `discard: true` = an intentional abort (the client does not want
   * them): not DATA-4 / SYNC-6.
   */
  | { readonly op: 'periph_teardown'; readonly chan: ChanId; readonly discard?: boolean };

/** The `op` names of client calls. */
export type ClientOp = ClientCall['op'];

/**
 * Environment steps: the only way time passes. Nothing asynchronous happens in an
 * implementation unless one of these asks for it.
 * - `advance`: the hardware clock moves `units`; each active channel moves at most
 *   {@link EngineConfig.bytesPerUnit} bytes per unit; interrupts get raised (pending), not delivered.
 * - `irq`: deliver the pending interrupt of channel `chan` (its hard-IRQ handler runs).
 * - `tasklet`: run the scheduled completion tasklet of channel `chan`.
 * - `drain`: the channel's peripheral consumes up to `bytes` bytes from its FIFO.
 */
export type EnvStep =
  | { readonly op: 'advance'; readonly units: number }
  | { readonly op: 'irq'; readonly chan: ChanId }
  | { readonly op: 'tasklet'; readonly chan: ChanId }
  | { readonly op: 'drain'; readonly chan: ChanId; readonly bytes: number };

export type EnvOp = EnvStep['op'];

/** struct dma_slave_caps, as returned by dma_get_slave_caps. */
export interface SlaveCaps {
  readonly srcAddrWidths: readonly BusWidth[];
  readonly dstAddrWidths: readonly BusWidth[];
  readonly directions: readonly Direction[];
  readonly minBurst: number;
  readonly maxBurst: number;
  readonly maxSgBurst: number;
  readonly residueGranularity: ResidueGranularity;
  readonly descriptorReuse: boolean;
  readonly cmdPause: boolean;
  readonly cmdResume: boolean;
  readonly cmdTerminate: boolean;
}

/** struct dma_tx_state plus the status (tx_status / is_tx_complete return). */
export interface TxState {
  readonly status: DmaStatus;
  /** Present when the call passed a state (`withState`), always for is_tx_complete. */
  readonly last?: Cookie;
  readonly used?: Cookie;
  readonly residue?: number;
  readonly inFlight?: number;
}

/**
 * Return value of a client call.
 * - `void`: C void functions.
 * - `int`: 0 or a non-error int; errors are `err`.
 * - `err`: -errno, ERR_PTR(-errno) or a negative cookie.
 * - `null`: a NULL pointer (prep failure; a NULL channel would break CH-1).
 * - `ok`: a valid pointer (channel from request_chan, descriptor from prep).
 * - `bool`: metadata_supported.
 */
export type Ret =
  | { readonly t: 'void' }
  | { readonly t: 'int'; readonly v: number }
  | { readonly t: 'err'; readonly e: Errno }
  | { readonly t: 'null' }
  | { readonly t: 'ok' }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'cookie'; readonly v: Cookie }
  | { readonly t: 'status'; readonly st: TxState }
  | { readonly t: 'caps'; readonly caps: SlaveCaps }
  | { readonly t: 'metaptr'; readonly payloadLen: number; readonly maxLen: number };

/**
 * Engine events, reported by an implementation in the order they happen, from
 * inside client calls and environment steps.
 * - `irq_raised`: the channel's interrupt line became pending.
 * - `tasklet_scheduled`: the completion tasklet of `chan` was scheduled.
 * - `hw_start`: the hardware began executing `desc`.
 * - `xfer`: the DMA moved bytes [offset, offset+len) of `desc`'s transfer (offset counts
 *   bytes of the descriptor in order; for cyclic it wraps at buf_len). `sum` is the
 *   FNV-1a 32-bit hash of the bytes moved, `width` the device-side bus width used.
 * - `periph_rx`: the peripheral of `chan` received `len` bytes (MEM_TO_DEV delivery), hash `sum`.
 * - `periph_lost`: `len` bytes still in the peripheral path were discarded.
 * - `complete`: the cookie of `desc` was marked complete (vchan_cookie_complete).
 * - `period`: a cyclic period of `desc` elapsed.
 * - `meta_copied`: CLIENT-mode DEV_TO_MEM metadata was written into the client buffer.
 * - `desc_freed`: the engine freed (or, for REUSE, recycled: `recycled` true) `desc`.
 * - `dma_fault`: the DMA touched a buffer that is not mapped for it (or freed).
 * - `meta_fault`: the client touched engine metadata memory that the engine had freed.
 * - `lock_splat`: the engine's own lock check (the kernel's spinlock debugging / lockdep)
 *   caught a lock bug on `chan`: `recursion` = it took the channel lock it already held
 *   (a deadlock in the kernel), `held_at_return` = a call returned to the client with the
 *   channel lock still held (PROV-8). Reported inside the call or step that did it.
 */
export type EngineEvent =
  | { readonly ev: 'irq_raised'; readonly chan: ChanId }
  | { readonly ev: 'tasklet_scheduled'; readonly chan: ChanId }
  | { readonly ev: 'hw_start'; readonly chan: ChanId; readonly desc: DescId }
  | { readonly ev: 'xfer'; readonly chan: ChanId; readonly desc: DescId; readonly offset: number; readonly len: number; readonly sum: number; readonly width: BusWidth }
  | { readonly ev: 'periph_rx'; readonly chan: ChanId; readonly len: number; readonly sum: number }
  | { readonly ev: 'periph_lost'; readonly chan: ChanId; readonly len: number }
  | { readonly ev: 'complete'; readonly chan: ChanId; readonly desc: DescId; readonly cookie: Cookie }
  | { readonly ev: 'period'; readonly chan: ChanId; readonly desc: DescId }
  | { readonly ev: 'meta_copied'; readonly chan: ChanId; readonly desc: DescId }
  | { readonly ev: 'desc_freed'; readonly chan: ChanId; readonly desc: DescId; readonly recycled: boolean }
  | { readonly ev: 'dma_fault'; readonly chan: ChanId; readonly desc: DescId; readonly buf: BufId; readonly why: 'unmapped' | 'freed' | 'wrong_device' }
  | { readonly ev: 'meta_fault'; readonly chan: ChanId; readonly desc: DescId }
  | { readonly ev: 'lock_splat'; readonly chan: ChanId; readonly why: 'recursion' | 'held_at_return' };

export type EventKind = EngineEvent['ev'];

/**
 * The engine invokes a client completion callback. `fn` says which pointer it called
 * (CB-7); `result`/`residue` are passed to callback_result only; `period` is true for
 * a cyclic period callback; `ctx` and `locksHeld` describe where the engine called it
 * from (CB-1, CB-2). The client's action runs before the invocation returns.
 */
export interface CallbackInvocation {
  readonly chan: ChanId;
  readonly desc: DescId;
  readonly fn: 'callback' | 'callback_result';
  readonly result?: TxResult;
  readonly residue?: number;
  readonly period: boolean;
  readonly ctx: EngineCtx;
  readonly locksHeld: boolean;
}
