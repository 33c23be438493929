/**
 * A small builder so tests and the benchmark read like call traces:
 * `call(op, ret, ...events)`, `env(step, ...inner)`, `cb(inv, ...nested)`, plus the
 * data helpers (expected xfer hashes) and `runTrace` that feeds a model.
 * @internal
 */
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT, fnv1a, memPatternByte, periphPatternByte } from '../api/index.ts';
import type {
  BufId, BusWidth, CallbackInvocation, ChanId, ClientCall, CoverageSink, Ctx, DescId, EngineConfig, EngineEvent,
  EnvStep, Observation, Ret, TraceEntry, Verdict,
} from '../api/index.ts';
import { model, type ModelState } from './index.ts';

/** A trace. @internal */
export type Entries = readonly TraceEntry[];

/** Return value shorthands. @internal */
export const VOID: Ret = { t: 'void' };
export const OK: Ret = { t: 'ok' };
export const NULL: Ret = { t: 'null' };
export const ZERO: Ret = { t: 'int', v: 0 };
export const err = (e: Extract<Ret, { t: 'err' }>['e']): Ret => ({ t: 'err', e });
export const cookie = (v: number): Ret => ({ t: 'cookie', v });
/** DMA_PREP_INTERRUPT | DMA_CTRL_ACK, the usual slave flags. @internal */
export const IA = DMA_PREP_INTERRUPT | DMA_CTRL_ACK;

/** A two-channel engine with every feature on; `over` replaces fields (caps merged). */
export function config(over: Partial<Omit<EngineConfig, 'caps'>> & { readonly caps?: Partial<EngineConfig['caps']> } = {}): EngineConfig {
  const { caps, ...rest } = over;
  return {
    slaves: [
      { name: 'tx', directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], fifoDepth: 64 },
      { name: 'rx', directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], fifoDepth: 64 },
    ],
    caps: {
      config: true, pause: true, resume: true, terminate: true, synchronize: true, slaveSg: true, dmaVec: true,
      cyclic: true, interleave: true, repeat: true, loadEot: true, descriptorReuse: true, metadataClient: true,
      metadataEngine: true, completionNoOrder: false, ...caps,
    },
    residueGranularity: 'burst', bytesPerUnit: 4, addrWidths: [1, 2, 4], maxBurst: 16, cookieInit: 1, maxTransferLen: 4096,
    ...rest,
  };
}

/** A call from process context, its events, its return. @internal */
export const call = (c: ClientCall, r: Ret, ...evs: readonly (EngineEvent | TraceEntry)[]): TraceEntry[] => callIn('process', c, r, ...evs);

/** A call from `ctx`, its events (or nested entries), its return. @internal */
export function callIn(ctx: Ctx, c: ClientCall, r: Ret, ...evs: readonly (EngineEvent | TraceEntry)[]): TraceEntry[] {
  return [{ k: 'call', call: c, ctx }, ...evs.map(wrap), { k: 'ret', ret: r }];
}

const wrap = (x: EngineEvent | TraceEntry): TraceEntry => ('k' in x ? x : { k: 'ev', ev: x });

/** An environment step with its events / nested entries. @internal */
export function env(st: EnvStep, ...inner: readonly (EngineEvent | TraceEntry | readonly TraceEntry[])[]): TraceEntry[] {
  return [{ k: 'env', step: st }, ...inner.flatMap((x) => (Array.isArray(x) ? (x as readonly TraceEntry[]) : [wrap(x as EngineEvent | TraceEntry)])), { k: 'env_end' }];
}

/** A callback invocation (tasklet context, no locks by default) with the calls it makes. @internal */
export function cb(inv: Partial<CallbackInvocation> & { readonly chan: ChanId; readonly desc: DescId }, ...nested: readonly TraceEntry[]): TraceEntry[] {
  const full: CallbackInvocation = { fn: 'callback', period: false, ctx: 'tasklet', locksHeld: false, ...inv };
  return [{ k: 'cb', cb: full }, ...nested, { k: 'cb_ret' }];
}

/** FNV of bytes [off, off+len) of a freshly allocated buffer. */
export const memSum = (buf: BufId, off: number, len: number): number =>
  fnv1a(Array.from({ length: len }, (_, i) => memPatternByte(buf, off + i)));

/** FNV of the concatenated extents [off, off+len) of a fresh buffer. */
export const memSumParts = (buf: BufId, parts: readonly (readonly [number, number])[]): number =>
  fnv1a(parts.flatMap(([off, len]) => Array.from({ length: len }, (_, i) => memPatternByte(buf, off + i))));

/** Let the peripheral of `chan` drain the given extents of `buf`, in order. */
export function drainParts(chan: ChanId, buf: BufId, parts: readonly (readonly [number, number])[]): TraceEntry[] {
  const len = parts.reduce((a, [, l]) => a + l, 0);
  return env({ op: 'drain', chan, bytes: len }, { ev: 'periph_rx', chan, len, sum: memSumParts(buf, parts) });
}

/** FNV of bytes [k, k+len) of channel `chan`'s peripheral stream. */
export const devSum = (chan: ChanId, k: number, len: number): number =>
  fnv1a(Array.from({ length: len }, (_, i) => periphPatternByte(chan, k + i)));

/** An xfer event (4-byte width by default). @internal */
export const xfer = (chan: ChanId, desc: DescId, offset: number, len: number, sum: number, width: BusWidth = 4): EngineEvent =>
  ({ ev: 'xfer', chan, desc, offset, len, sum, width });

/** Request channel `chan` ("tx"/"rx"), configure 4-byte widths, allocate and map buffer `buf` of `len`. */
export function setup(chan: ChanId = 0, buf: BufId = 1, len = 64): TraceEntry[] {
  return [
    ...call({ op: 'request_chan', name: chan === 0 ? 'tx' : 'rx' }, OK),
    ...call({ op: 'slave_config', chan, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 4, dstMaxburst: 4 } }, ZERO),
    ...call({ op: 'alloc_buf', buf, len }, ZERO),
    ...call({ op: 'map_buf', chan, buf, dev: 'dma' }, ZERO),
  ];
}

/** prep_slave_sg of `len` bytes of `buf` (one entry) that succeeds. */
export const prepSg = (chan: ChanId, desc: DescId, buf: BufId, len: number, dir: 'MEM_TO_DEV' | 'DEV_TO_MEM' = 'MEM_TO_DEV', flags = IA, off = 0): TraceEntry[] =>
  call({ op: 'prep_slave_sg', chan, desc, sgl: [{ buf, offset: off, len }], dir, flags }, OK);

/** Submit (cookie `ck`) and issue a descriptor that starts at once. */
export const submitIssue = (chan: ChanId, desc: DescId, ck: number): TraceEntry[] => [
  ...call({ op: 'submit', desc }, cookie(ck)),
  ...call({ op: 'issue_pending', chan }, VOID, { ev: 'hw_start', chan, desc }),
];

/** Move all `len` bytes of a MEM_TO_DEV descriptor from `buf`, raise the IRQ, complete, schedule the tasklet. */
export const runM2D = (chan: ChanId, desc: DescId, buf: BufId, len: number, ck: number, off = 0): TraceEntry[] => [
  ...env({ op: 'advance', units: len }, xfer(chan, desc, 0, len, memSum(buf, off, len)), { ev: 'irq_raised', chan }),
  ...env({ op: 'irq', chan }, { ev: 'complete', chan, desc, cookie: ck }, { ev: 'tasklet_scheduled', chan }),
];

/** Run the tasklet of `chan`: callback of `desc` (if `withCb`) then free it. */
export const tasklet = (chan: ChanId, desc: DescId, withCb = true, ...nested: readonly TraceEntry[]): TraceEntry[] =>
  env({ op: 'tasklet', chan }, ...(withCb ? cb({ chan, desc }, ...nested) : []), { ev: 'desc_freed', chan, desc, recycled: false });

/** Let the peripheral of `chan` drain `len` bytes of `buf` sent earlier. */
export const drain = (chan: ChanId, buf: BufId, len: number, off = 0): TraceEntry[] =>
  env({ op: 'drain', chan, bytes: len }, { ev: 'periph_rx', chan, len, sum: memSum(buf, off, len) });

/** Verdicts of a whole run (end included) and the final state. @internal */
export interface RunResult {
  readonly verdicts: readonly Verdict[];
  readonly state: ModelState;
  readonly endVerdict: Verdict | undefined;
}

/** Feed `entries` to the model; collects every verdict, then checks the end. */
export function runTrace(cfg: EngineConfig, entries: Entries, cov?: CoverageSink, observe?: Observation): RunResult {
  let s = model.init(cfg, observe);
  const verdicts: Verdict[] = [];
  entries.forEach((e, i) => {
    const r = model.step(s, e, i, cov);
    s = r.state;
    if (r.advisories !== undefined) verdicts.push(...r.advisories);
    if (r.verdict !== undefined) verdicts.push(r.verdict);
  });
  const r = model.end(s, entries.length, cov);
  if (r.verdict !== undefined) verdicts.push(r.verdict);
  return { verdicts, state: r.state, endVerdict: r.verdict };
}
