/**
 * Legal traces the model must accept, each exercising one area of the API. Used by
 * the rule tests (the "legal sequence" of every rule) and by bench/model.ts.
 * @internal
 */
import { DMA_CTRL_REUSE, DMA_PREP_LOAD_EOT, DMA_PREP_REPEAT, fnv1a, memPatternByte } from '../api/index.ts';
import type { EngineConfig, TraceEntry } from '../api/index.ts';
import {
  call, callIn, cb, config, cookie, devSum, drain, drainParts, env, memSumParts, err, IA, memSum, NULL, OK, prepSg, runM2D, setup, submitIssue,
  tasklet, VOID, xfer, ZERO,
} from './trace-builder.ts';

/** A configuration and a trace. @internal */
export interface Scenario { readonly cfg: EngineConfig; readonly trace: readonly TraceEntry[] }

const cbNone = (desc: number): TraceEntry[] => call({ op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } }, VOID);
const release = (chan = 0): TraceEntry[] => call({ op: 'release_channel', chan }, VOID);
const st = (chan: number, ck: number, status: 'DMA_IN_PROGRESS' | 'DMA_COMPLETE' | 'DMA_PAUSED', residue: number, last: number, used: number): TraceEntry[] =>
  call({ op: 'tx_status', chan, cookie: ck, withState: true }, { t: 'status', st: { status, last, used, residue } });

/** One MEM_TO_DEV transfer with a callback, drained, released. */
export const BASE: Scenario = {
  cfg: config(),
  trace: [
    ...setup(0, 1, 64), ...prepSg(0, 1, 1, 16), ...cbNone(1), ...submitIssue(0, 1, 2),
    ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1), ...drain(0, 1, 16), ...release(),
  ],
};

/** DEV_TO_MEM with callback_result and status queries in every phase; two queued descriptors. */
export const STATUS: Scenario = {
  cfg: config(),
  trace: [
    ...setup(0, 1, 64),
    ...prepSg(0, 1, 1, 16, 'DEV_TO_MEM'), ...call({ op: 'set_callback', desc: 1, fn: 'callback_result', action: { kind: 'tx_status' } }, VOID),
    ...prepSg(0, 2, 1, 8, 'DEV_TO_MEM', IA, 16), ...cbNone(2),
    ...call({ op: 'submit', desc: 1 }, cookie(2)), ...st(0, 2, 'DMA_IN_PROGRESS', 16, 1, 2),
    ...call({ op: 'submit', desc: 2 }, cookie(3)), ...st(0, 3, 'DMA_IN_PROGRESS', 0, 1, 3),
    ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }),
    ...st(0, 3, 'DMA_IN_PROGRESS', 8, 1, 3),
    ...env({ op: 'advance', units: 2 }, xfer(0, 1, 0, 8, devSum(0, 0, 8))),
    ...st(0, 2, 'DMA_IN_PROGRESS', 8, 1, 3),
    ...call({ op: 'is_tx_complete', chan: 0, cookie: 2 }, { t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1, used: 3 } }),
    ...env({ op: 'advance', units: 2 }, xfer(0, 1, 8, 8, devSum(0, 8, 8)), { ev: 'irq_raised', chan: 0 }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 2 }, { ev: 'hw_start', chan: 0, desc: 2 }, { ev: 'tasklet_scheduled', chan: 0 }),
    ...st(0, 2, 'DMA_COMPLETE', 0, 2, 3),
    ...env({ op: 'tasklet', chan: 0 },
      ...cb({ chan: 0, desc: 1, fn: 'callback_result', result: 'DMA_TRANS_NOERROR', residue: 0 },
        ...callIn('callback', { op: 'tx_status', chan: 0, cookie: 2, withState: false }, { t: 'status', st: { status: 'DMA_COMPLETE' } })),
      { ev: 'desc_freed', chan: 0, desc: 1, recycled: false }),
    ...env({ op: 'advance', units: 2 }, xfer(0, 2, 0, 8, devSum(0, 16, 8)), { ev: 'irq_raised', chan: 0 }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 2, cookie: 3 }, { ev: 'tasklet_scheduled', chan: 0 }),
    ...tasklet(0, 2), ...release(),
  ],
};

/** Pause a running transfer, read PAUSED, resume, finish; pause of an idle channel gives EPERM. */
export const PAUSE: Scenario = {
  cfg: config(),
  trace: [
    ...setup(0, 1, 64), ...call({ op: 'pause', chan: 0 }, err('EPERM')),
    ...prepSg(0, 1, 1, 16), ...cbNone(1), ...submitIssue(0, 1, 2),
    ...env({ op: 'advance', units: 2 }, xfer(0, 1, 0, 8, memSum(1, 0, 8))),
    ...call({ op: 'pause', chan: 0 }, ZERO), ...env({ op: 'advance', units: 4 }),
    ...st(0, 2, 'DMA_PAUSED', 8, 1, 2), ...st(0, 2, 'DMA_IN_PROGRESS', 8, 1, 2),
    ...call({ op: 'resume', chan: 0 }, ZERO),
    ...env({ op: 'advance', units: 2 }, xfer(0, 1, 8, 8, memSum(1, 8, 8)), { ev: 'irq_raised', chan: 0 }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 2 }, { ev: 'tasklet_scheduled', chan: 0 }),
    ...tasklet(0, 1), ...drain(0, 1, 16), ...release(),
  ],
};

/** terminate_async with active, issued and prepared work; synchronize; the channel is reused (TERM-10). */
export const TERM: Scenario = {
  cfg: config(),
  trace: [
    ...setup(0, 1, 64), ...prepSg(0, 1, 1, 16), ...cbNone(1), ...prepSg(0, 2, 1, 16, 'MEM_TO_DEV', IA, 16), ...cbNone(2),
    ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'submit', desc: 2 }, cookie(3)),
    ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }),
    ...prepSg(0, 3, 1, 8),
    ...env({ op: 'advance', units: 1 }, xfer(0, 1, 0, 4, memSum(1, 0, 4))),
    ...call({ op: 'pause', chan: 0 }, ZERO),
    ...call({ op: 'terminate_async', chan: 0 }, ZERO,
      { ev: 'desc_freed', chan: 0, desc: 2, recycled: false }, { ev: 'desc_freed', chan: 0, desc: 3, recycled: false }),
    ...st(0, 3, 'DMA_IN_PROGRESS', 0, 1, 3),
    ...call({ op: 'synchronize', chan: 0 }, VOID, { ev: 'desc_freed', chan: 0, desc: 1, recycled: false }),
    ...call({ op: 'periph_teardown', chan: 0 }, VOID, { ev: 'periph_lost', chan: 0, len: 4 }),
    ...prepSg(0, 4, 1, 8), ...cbNone(4), ...submitIssue(0, 4, 4),
    ...runM2D(0, 4, 1, 8, 4), ...tasklet(0, 4),
    ...st(0, 2, 'DMA_COMPLETE', 0, 4, 4),
    ...drain(0, 1, 8), ...release(),
  ],
};

/** terminate_sync releasing the active descriptor itself, and cookie-completing it (Q1). */
export const TERM_SYNC: Scenario = {
  cfg: config(),
  trace: [
    ...setup(0, 1, 64), ...prepSg(0, 1, 1, 16), ...cbNone(1), ...submitIssue(0, 1, 2),
    ...call({ op: 'terminate_sync', chan: 0 }, ZERO, { ev: 'complete', chan: 0, desc: 1, cookie: 2 }, { ev: 'desc_freed', chan: 0, desc: 1, recycled: false }),
    ...st(0, 2, 'DMA_COMPLETE', 0, 2, 2), ...release(),
  ],
};

const cyc = (desc: number, len: number, period: number, flags = IA): TraceEntry[] =>
  call({ op: 'prep_cyclic', chan: 0, desc, buf: 1, bufLen: len, periodLen: period, dir: 'MEM_TO_DEV', flags }, OK);

/** A completed slave_sg then a cyclic transfer: coalesced period callbacks, period callback first, terminate from the callback. */
export const CYCLIC: Scenario = {
  cfg: config({ slaves: [{ name: 'tx', directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], fifoDepth: 256 }, { name: 'rx', directions: ['DEV_TO_MEM'], fifoDepth: 64 }] }),
  trace: [
    ...setup(0, 1, 64), ...prepSg(0, 1, 1, 16), ...cbNone(1), ...cyc(2, 32, 8),
    ...call({ op: 'set_callback', desc: 2, fn: 'callback', action: { kind: 'none' } }, VOID),
    ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'submit', desc: 2 }, cookie(3)),
    ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }),
    ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16)), { ev: 'irq_raised', chan: 0 }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 2 }, { ev: 'hw_start', chan: 0, desc: 2 }, { ev: 'tasklet_scheduled', chan: 0 }),
    ...env({ op: 'advance', units: 2 }, xfer(0, 2, 0, 8, memSum(1, 0, 8)), { ev: 'irq_raised', chan: 0 }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'period', chan: 0, desc: 2 }, { ev: 'tasklet_scheduled', chan: 0 }),
    ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 2, period: true }), ...cb({ chan: 0, desc: 1 }), { ev: 'desc_freed', chan: 0, desc: 1, recycled: false }),
    ...env({ op: 'advance', units: 6 }, xfer(0, 2, 8, 24, memSum(1, 8, 24)), { ev: 'irq_raised', chan: 0 }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'period', chan: 0, desc: 2 }, { ev: 'period', chan: 0, desc: 2 }, { ev: 'tasklet_scheduled', chan: 0 }),
    ...st(0, 3, 'DMA_IN_PROGRESS', 32, 2, 3),
    ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 2, period: true },
      ...callIn('callback', { op: 'terminate_async', chan: 0 }, ZERO, { ev: 'desc_freed', chan: 0, desc: 2, recycled: false }))),
    ...call({ op: 'synchronize', chan: 0 }, VOID), ...drainParts(0, 1, [[0, 16], [0, 32]]), ...release(),
  ],
};

/** A REUSE descriptor completed twice (fresh cookies), recycled, then freed with desc_free. */
export const REUSE: Scenario = {
  cfg: config(),
  trace: [
    ...setup(0, 1, 64), ...prepSg(0, 1, 1, 8), ...call({ op: 'set_reuse', desc: 1 }, ZERO), ...cbNone(1),
    ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 8, 2),
    ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }), { ev: 'desc_freed', chan: 0, desc: 1, recycled: true }),
    ...submitIssue(0, 1, 3), ...runM2D(0, 1, 1, 8, 3),
    ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }), { ev: 'desc_freed', chan: 0, desc: 1, recycled: true }),
    ...call({ op: 'desc_free', desc: 1 }, ZERO, { ev: 'desc_freed', chan: 0, desc: 1, recycled: false }),
    ...prepSg(0, 2, 1, 8, 'MEM_TO_DEV', IA | DMA_CTRL_REUSE),
    ...call({ op: 'desc_free', desc: 2 }, ZERO, { ev: 'desc_freed', chan: 0, desc: 2, recycled: false }),
    ...drainParts(0, 1, [[0, 8], [0, 8]]), ...release(),
  ],
};

/** CLIENT metadata on DEV_TO_MEM (copied before completion) and ENGINE metadata read in the callback. */
export const META: Scenario = {
  cfg: config(),
  trace: [
    ...setup(0, 1, 64),
    ...call({ op: 'metadata_supported', chan: 0, mode: 'client' }, { t: 'bool', v: true }),
    ...call({ op: 'metadata_supported', chan: 0, mode: 'engine' }, { t: 'bool', v: true }),
    ...prepSg(0, 1, 1, 8, 'DEV_TO_MEM'), ...call({ op: 'attach_metadata', desc: 1, len: 4 }, ZERO), ...cbNone(1),
    ...submitIssue(0, 1, 2),
    ...env({ op: 'advance', units: 2 }, xfer(0, 1, 0, 8, devSum(0, 0, 8)), { ev: 'meta_copied', chan: 0, desc: 1 }, { ev: 'irq_raised', chan: 0 }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 2 }, { ev: 'tasklet_scheduled', chan: 0 }),
    ...tasklet(0, 1),
    ...prepSg(0, 2, 1, 8, 'MEM_TO_DEV', IA, 16), ...call({ op: 'get_metadata_ptr', desc: 2 }, { t: 'metaptr', payloadLen: 0, maxLen: 16 }),
    ...call({ op: 'access_metadata', desc: 2, write: true }, VOID), ...call({ op: 'set_metadata_len', desc: 2, len: 8 }, ZERO),
    ...cbNone(2), ...submitIssue(0, 2, 3), ...runM2D(0, 2, 1, 8, 3, 16), ...tasklet(0, 2),
    ...prepSg(0, 3, 1, 8, 'DEV_TO_MEM', IA, 8), ...call({ op: 'set_callback', desc: 3, fn: 'callback', action: { kind: 'read_metadata' } }, VOID),
    ...submitIssue(0, 3, 4),
    ...env({ op: 'advance', units: 2 }, xfer(0, 3, 0, 8, devSum(0, 8, 8)), { ev: 'irq_raised', chan: 0 }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 3, cookie: 4 }, { ev: 'tasklet_scheduled', chan: 0 }),
    ...tasklet(0, 3, true,
      ...callIn('callback', { op: 'get_metadata_ptr', desc: 3 }, { t: 'metaptr', payloadLen: 4, maxLen: 16 }),
      ...callIn('callback', { op: 'access_metadata', desc: 3, write: false }, VOID)),
    ...drain(0, 1, 8, 16), ...release(),
  ],
};

const ilv = (desc: number, flags: number, off: number): TraceEntry[] =>
  call({ op: 'prep_interleaved', chan: 0, desc, xt: { dir: 'MEM_TO_DEV', buf: 1, offset: off, numf: 2, chunks: [{ size: 4, icg: 4 }] }, flags }, OK);

/** A repeated interleaved transfer replaced by a LOAD_EOT one at the end of a repetition. */
export const REPEAT: Scenario = {
  cfg: config({ slaves: [{ name: 'tx', directions: ['MEM_TO_DEV'], fifoDepth: 256 }] }),
  trace: [
    ...setup(0, 1, 64), ...ilv(1, IA | DMA_PREP_REPEAT, 0), ...cbNone(1), ...submitIssue(0, 1, 2),
    ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 8, memSumParts(1, [[0, 4], [8, 4]])), xfer(0, 1, 0, 4, memSumParts(1, [[0, 4]]))),
    ...ilv(2, IA | DMA_PREP_LOAD_EOT, 16), ...cbNone(2),
    ...call({ op: 'submit', desc: 2 }, cookie(3)), ...call({ op: 'issue_pending', chan: 0 }, VOID),
    ...env({ op: 'advance', units: 4 }, xfer(0, 1, 4, 4, memSumParts(1, [[8, 4]])), { ev: 'hw_start', chan: 0, desc: 2 }, xfer(0, 2, 0, 8, memSumParts(1, [[16, 4], [24, 4]])), { ev: 'irq_raised', chan: 0 }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 2 }, { ev: 'complete', chan: 0, desc: 2, cookie: 3 }, { ev: 'tasklet_scheduled', chan: 0 }),
    ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }), { ev: 'desc_freed', chan: 0, desc: 1, recycled: false }, ...cb({ chan: 0, desc: 2 }), { ev: 'desc_freed', chan: 0, desc: 2, recycled: false }),
    ...drainParts(0, 1, [[0, 4], [8, 4], [0, 4], [8, 4], [16, 4], [24, 4]]),
    ...release(),
  ],
};

/** A callback that chains a new transfer (CB-3) on a second channel pair; caps and metadata queries. */
export const CHAIN: Scenario = {
  cfg: config(),
  trace: [
    ...setup(0, 1, 64), ...call({ op: 'alloc_buf', buf: 2, len: 32 }, ZERO), ...call({ op: 'map_buf', chan: 0, buf: 2, dev: 'dma' }, ZERO),
    ...call({ op: 'get_slave_caps', chan: 0 }, { t: 'caps', caps: {
      srcAddrWidths: [1, 2, 4], dstAddrWidths: [1, 2, 4], directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], minBurst: 1, maxBurst: 16,
      maxSgBurst: 0, residueGranularity: 'burst', descriptorReuse: true, cmdPause: true, cmdResume: true, cmdTerminate: true } }),
    ...prepSg(0, 1, 1, 8), ...call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'chain', buf: 2, len: 8, dir: 'MEM_TO_DEV' } }, VOID),
    ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 8, 2),
    ...tasklet(0, 1, true,
      ...callIn('callback', { op: 'prep_slave_sg', chan: 0, desc: 2, sgl: [{ buf: 2, offset: 0, len: 8 }], dir: 'MEM_TO_DEV', flags: IA }, OK),
      ...callIn('callback', { op: 'submit', desc: 2 }, cookie(3)),
      ...callIn('callback', { op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 2 })),
    ...runM2D(0, 2, 2, 8, 3), ...tasklet(0, 2, false),
    // NULL stays allowed for a prep larger than any that succeeded (DESC-1; DESC-17 covers only no larger ones).
    ...call({ op: 'prep_slave_sg', chan: 0, desc: 3, sgl: [{ buf: 1, offset: 0, len: 16 }], dir: 'MEM_TO_DEV', flags: IA }, NULL),
    ...env({ op: 'drain', chan: 0, bytes: 100 }, { ev: 'periph_rx', chan: 0, len: 16, sum: twoBufs() }),
    ...call({ op: 'unmap_buf', buf: 2 }, VOID), ...call({ op: 'free_buf', buf: 2 }, VOID), ...release(),
  ],
};

/** An engine without optional ops: every call gets the kernel's missing-op answer. */
export const NOCAPS: Scenario = {
  cfg: config({ caps: { pause: false, resume: false, terminate: false, synchronize: false, descriptorReuse: false, metadataClient: false, metadataEngine: false, repeat: false } }),
  trace: [
    ...setup(0, 1, 64), ...call({ op: 'pause', chan: 0 }, err('ENOSYS')),
    ...call({ op: 'terminate_async', chan: 0 }, err('EINVAL')), ...call({ op: 'terminate_sync', chan: 0 }, err('EINVAL')),
    ...call({ op: 'metadata_supported', chan: 0, mode: 'client' }, { t: 'bool', v: false }),
    ...prepSg(0, 1, 1, 8), ...call({ op: 'attach_metadata', desc: 1, len: 4 }, err('ENOTSUPP')),
    ...call({ op: 'desc_free', desc: 1 }, err('EPERM')),
    ...call({ op: 'prep_interleaved', chan: 0, desc: 2, xt: { dir: 'MEM_TO_DEV', buf: 1, offset: 0, numf: 1, chunks: [{ size: 4, icg: 0 }] }, flags: IA | DMA_PREP_REPEAT }, NULL),
    ...cbNone(1), ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 8, 2), ...tasklet(0, 1),
    ...call({ op: 'synchronize', chan: 0 }, VOID), ...drain(0, 1, 8), ...release(),
  ],
};

/** Release and re-request: the cookie counter may restart at cookieInit (CH-9); a second channel runs alongside. */
export const REREQUEST: Scenario = {
  cfg: config({ cookieInit: 0x7ffffffe }),
  trace: [
    ...setup(0, 1, 64), ...setup(1, 2, 64),
    ...prepSg(0, 1, 1, 8), ...cbNone(1), ...submitIssue(0, 1, 0x7fffffff),
    ...prepSg(0, 2, 1, 8), ...cbNone(2), ...call({ op: 'submit', desc: 2 }, cookie(1)), ...call({ op: 'issue_pending', chan: 0 }, VOID),
    ...prepSg(1, 3, 2, 8, 'DEV_TO_MEM'), ...cbNone(3), ...submitIssue(1, 3, 0x7fffffff),
    ...env({ op: 'advance', units: 2 }, xfer(0, 1, 0, 8, memSum(1, 0, 8)), { ev: 'irq_raised', chan: 0 }, xfer(1, 3, 0, 8, devSum(1, 0, 8)), { ev: 'irq_raised', chan: 1 }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 0x7fffffff }, { ev: 'hw_start', chan: 0, desc: 2 }, { ev: 'tasklet_scheduled', chan: 0 }),
    ...env({ op: 'irq', chan: 1 }, { ev: 'complete', chan: 1, desc: 3, cookie: 0x7fffffff }, { ev: 'tasklet_scheduled', chan: 1 }),
    ...st(0, 1, 'DMA_IN_PROGRESS', 8, 0x7fffffff, 1),
    ...tasklet(0, 1), ...tasklet(1, 3),
    ...env({ op: 'advance', units: 2 }, xfer(0, 2, 0, 8, memSum(1, 0, 8)), { ev: 'irq_raised', chan: 0 }),
    ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 2, cookie: 1 }, { ev: 'tasklet_scheduled', chan: 0 }),
    ...tasklet(0, 2), ...drainParts(0, 1, [[0, 8], [0, 8]]), ...release(0), ...release(1),
    ...call({ op: 'request_chan', name: 'tx' }, OK), ...call({ op: 'request_chan', name: 'tx' }, err('EPROBE_DEFER')),
    ...call({ op: 'request_chan', name: 'nope' }, err('ENODEV')),
    ...call({ op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 4, dstMaxburst: 4 } }, ZERO),
    ...prepSg(0, 4, 1, 8), ...cbNone(4), ...submitIssue(0, 4, 0x7fffffff),
    ...runM2D(0, 4, 1, 8, 0x7fffffff), ...tasklet(0, 4), ...drain(0, 1, 8), ...release(),
  ],
};

/** Prep, submit, issue and status from atomic and hard-IRQ context (DESC-2, STAT-7). */
export const CONTEXTS: Scenario = {
  cfg: config(),
  trace: [
    ...setup(0, 1, 64),
    ...callIn('hardirq', { op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'MEM_TO_DEV', flags: IA }, OK),
    ...callIn('hardirq', { op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } }, VOID),
    ...callIn('hardirq', { op: 'submit', desc: 1 }, cookie(2)),
    ...callIn('atomic', { op: 'prep_dma_vec', chan: 0, desc: 2, vecs: [{ buf: 1, offset: 8, len: 8 }], dir: 'MEM_TO_DEV', flags: IA }, NULL),
    ...callIn('atomic', { op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }),
    ...callIn('hardirq', { op: 'tx_status', chan: 0, cookie: 2, withState: true }, { t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1, used: 2, residue: 8 } }),
    ...runM2D(0, 1, 1, 8, 2),
    ...callIn('atomic', { op: 'is_tx_complete', chan: 0, cookie: 2 }, { t: 'status', st: { status: 'DMA_COMPLETE', last: 2, used: 2 } }),
    ...tasklet(0, 1), ...drain(0, 1, 8), ...release(),
  ],
};

/** All legal scenarios by name. @internal */
export const SCENARIOS = { BASE, STATUS, PAUSE, TERM, TERM_SYNC, CYCLIC, REUSE, META, REPEAT, CHAIN, NOCAPS, REREQUEST, CONTEXTS } as const;
/** The name of a legal scenario. @internal */
export type ScenarioName = keyof typeof SCENARIOS;

function twoBufs(): number {
  return fnv1a([...Array.from({ length: 8 }, (_, i) => memPatternByte(1, i)), ...Array.from({ length: 8 }, (_, i) => memPatternByte(2, i))]);
}
