/**
 * zod schemas for the contract's JSON values (spec/api/vocabulary.ts, config.ts,
 * trace.ts). Shared by the stdio protocol (adapters/protocol/schema.ts), the trace
 * parser (trace/parse.ts) and the report schema (reports/schema/). Objects are strict:
 * an unknown key is an error, so a typo in a foreign implementation shows up at once
 * instead of as a silent default.
 * Each schema is annotated with the contract type, so the compiler keeps them in step.
 * @public
 */
import { z } from 'zod';
import type { CapabilityProfile, EngineCaps, EngineConfig, SlaveEntry } from './config.ts';
import type { Observation, TraceEntry } from './trace.ts';
import type {
  BusWidth, CallbackAction, CallbackInvocation, ClientCall, Ctx, Direction, EngineEvent, EnvStep,
  InterleavedTemplate, Ret, SgEntry, SlaveCaps, SlaveConfig, TxState,
} from './vocabulary.ts';

const int = z.number().int();
const nat = int.nonnegative();
const u32 = nat.max(0xffffffff);

export const DirectionSchema: z.ZodType<Direction> = z.enum(['MEM_TO_MEM', 'MEM_TO_DEV', 'DEV_TO_MEM', 'DEV_TO_DEV']);
export const BusWidthSchema: z.ZodType<BusWidth> = z.union([0, 1, 2, 3, 4, 8, 16, 32, 64, 128].map((w) => z.literal(w as BusWidth)) as [z.ZodLiteral<BusWidth>, z.ZodLiteral<BusWidth>]);
export const CtxSchema: z.ZodType<Ctx> = z.enum(['process', 'atomic', 'hardirq', 'callback']);
const ErrnoSchema = z.enum(['EPERM', 'ENXIO', 'ENODEV', 'EINVAL', 'ENOSYS', 'ENOTSUPP', 'EPROBE_DEFER', 'EBUSY', 'ENOMEM', 'EIO']);
const DmaStatusSchema = z.enum(['DMA_COMPLETE', 'DMA_IN_PROGRESS', 'DMA_PAUSED', 'DMA_ERROR', 'DMA_OUT_OF_ORDER']);
const TxResultSchema = z.enum(['DMA_TRANS_NOERROR', 'DMA_TRANS_READ_FAILED', 'DMA_TRANS_WRITE_FAILED', 'DMA_TRANS_ABORTED']);
const GranularitySchema = z.enum(['descriptor', 'segment', 'burst']);
const MetaModeSchema = z.enum(['client', 'engine']);

const SlaveEntrySchema: z.ZodType<SlaveEntry> = z.strictObject({ name: z.string(), directions: z.array(DirectionSchema), fifoDepth: nat });
const EngineCapsSchema: z.ZodType<EngineCaps> = z.strictObject({
  config: z.boolean(), pause: z.boolean(), resume: z.boolean(), terminate: z.boolean(), synchronize: z.boolean(),
  slaveSg: z.boolean(), dmaVec: z.boolean(), cyclic: z.boolean(), interleave: z.boolean(), repeat: z.boolean(),
  loadEot: z.boolean(), descriptorReuse: z.boolean(), metadataClient: z.boolean(), metadataEngine: z.boolean(),
  completionNoOrder: z.boolean(),
});
export const EngineConfigSchema: z.ZodType<EngineConfig> = z.strictObject({
  slaves: z.array(SlaveEntrySchema), caps: EngineCapsSchema, residueGranularity: GranularitySchema,
  bytesPerUnit: int.positive(), addrWidths: z.array(BusWidthSchema), maxBurst: nat, cookieInit: int, maxTransferLen: nat,
  choices: z.strictObject({
    freeActiveAt: z.enum(['terminate', 'synchronize']).exactOptional(),
    abortedStatus: z.enum(['in_progress', 'complete']).exactOptional(),
    descSlots: int.positive().exactOptional(),
  }).exactOptional(),
});
export const CapabilityProfileSchema: z.ZodType<CapabilityProfile> = z.strictObject({
  slaveSg: z.boolean(), dmaVec: z.boolean(), cyclic: z.boolean(), interleave: z.boolean(), repeat: z.boolean(),
  pause: z.boolean(), resume: z.boolean(), terminate: z.boolean(), synchronize: z.boolean(), reuse: z.boolean(),
  metadata: z.boolean(), callbacks: z.boolean(), multiChannel: z.boolean(), cookieInit: z.boolean(), configurableCaps: z.boolean(),
});

const SgEntrySchema: z.ZodType<SgEntry> = z.strictObject({ buf: int, offset: int, len: int });
const SlaveConfigSchema: z.ZodType<SlaveConfig> = z.strictObject({
  direction: DirectionSchema.exactOptional(), srcAddrWidth: BusWidthSchema, dstAddrWidth: BusWidthSchema,
  srcMaxburst: int, dstMaxburst: int, deviceFc: z.boolean().exactOptional(), slaveId: nat.exactOptional(),
});
const InterleavedSchema: z.ZodType<InterleavedTemplate> = z.strictObject({
  dir: DirectionSchema, buf: int, offset: int, numf: int, chunks: z.array(z.strictObject({ size: int, icg: int })),
});
const CallbackActionSchema: z.ZodType<CallbackAction> = z.lazy(() => z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('chain'), buf: int, len: int, dir: DirectionSchema }),
  z.strictObject({ kind: z.literal('terminate_async') }),
  z.strictObject({ kind: z.literal('synchronize') }),
  z.strictObject({ kind: z.literal('terminate_sync') }),
  z.strictObject({ kind: z.literal('read_metadata') }),
  z.strictObject({ kind: z.literal('tx_status') }),
  z.strictObject({ kind: z.literal('resubmit_self') }),
  z.strictObject({ kind: z.literal('busy_wait_periph') }),
  z.strictObject({ kind: z.literal('seq'), actions: z.array(CallbackActionSchema) }),
  z.strictObject({ kind: z.literal('unmap'), buf: int }),
]));
const MemcpyEndSchema = z.strictObject({ buf: int, offset: int });

const chanOp = <T extends string>(op: T) => z.strictObject({ op: z.literal(op), chan: int });
const descOp = <T extends string>(op: T) => z.strictObject({ op: z.literal(op), desc: int });
export const ClientCallSchema: z.ZodType<ClientCall> = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('request_chan'), name: z.string() }),
  z.strictObject({ op: z.literal('request_channel'), mask: z.enum(['slave', 'memcpy', 'cyclic']) }),
  chanOp('release_channel'),
  z.strictObject({ op: z.literal('slave_config'), chan: int, cfg: SlaveConfigSchema }),
  chanOp('get_slave_caps'),
  z.strictObject({ op: z.literal('alloc_buf'), buf: int, len: int }),
  z.strictObject({ op: z.literal('free_buf'), buf: int }),
  z.strictObject({ op: z.literal('map_buf'), chan: int, buf: int, dev: z.enum(['dma', 'client']) }),
  z.strictObject({ op: z.literal('unmap_buf'), buf: int, dev: z.enum(['dma', 'client']).exactOptional() }),
  z.strictObject({ op: z.literal('give_back'), buf: int }),
  z.strictObject({ op: z.literal('prep_slave_sg'), chan: int, desc: int, sgl: z.array(SgEntrySchema), dir: DirectionSchema, flags: nat }),
  z.strictObject({ op: z.literal('prep_dma_vec'), chan: int, desc: int, vecs: z.array(SgEntrySchema), dir: DirectionSchema, flags: nat }),
  z.strictObject({ op: z.literal('prep_cyclic'), chan: int, desc: int, buf: int, bufLen: int, periodLen: int, dir: DirectionSchema, flags: nat }),
  z.strictObject({ op: z.literal('prep_interleaved'), chan: int, desc: int, xt: InterleavedSchema, flags: nat }),
  z.strictObject({ op: z.literal('prep_memcpy'), chan: int, desc: int, dst: MemcpyEndSchema, src: MemcpyEndSchema, len: int, flags: nat }),
  z.strictObject({ op: z.literal('set_callback'), desc: int, fn: z.enum(['callback', 'callback_result']), action: CallbackActionSchema }),
  descOp('set_reuse'),
  descOp('desc_free'),
  z.strictObject({ op: z.literal('metadata_supported'), chan: int, mode: MetaModeSchema }),
  z.strictObject({ op: z.literal('attach_metadata'), desc: int, len: int }),
  descOp('get_metadata_ptr'),
  z.strictObject({ op: z.literal('set_metadata_len'), desc: int, len: int }),
  z.strictObject({ op: z.literal('access_metadata'), desc: int, write: z.boolean() }),
  descOp('submit'),
  chanOp('issue_pending'),
  z.strictObject({ op: z.literal('tx_status'), chan: int, cookie: int, withState: z.boolean() }),
  z.strictObject({ op: z.literal('is_tx_complete'), chan: int, cookie: int }),
  chanOp('pause'), chanOp('resume'), chanOp('terminate_async'), chanOp('terminate_sync'),
  chanOp('terminate_all'), chanOp('synchronize'), chanOp('periph_enable'),
  z.strictObject({ op: z.literal('periph_teardown'), chan: int, discard: z.boolean().exactOptional() }),
]);

export const EnvStepSchema: z.ZodType<EnvStep> = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('advance'), units: nat }),
  chanOp('irq'),
  chanOp('tasklet'),
  z.strictObject({ op: z.literal('drain'), chan: int, bytes: nat }),
]);

const TxStateSchema: z.ZodType<TxState> = z.strictObject({
  status: DmaStatusSchema, last: int.exactOptional(), used: int.exactOptional(),
  residue: nat.exactOptional(), inFlight: nat.exactOptional(),
});
const SlaveCapsSchema: z.ZodType<SlaveCaps> = z.strictObject({
  srcAddrWidths: z.array(BusWidthSchema), dstAddrWidths: z.array(BusWidthSchema), directions: z.array(DirectionSchema),
  minBurst: nat, maxBurst: nat, maxSgBurst: nat, residueGranularity: GranularitySchema,
  descriptorReuse: z.boolean(), cmdPause: z.boolean(), cmdResume: z.boolean(), cmdTerminate: z.boolean(),
});
export const RetSchema: z.ZodType<Ret> = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('void') }),
  z.strictObject({ t: z.literal('int'), v: int }),
  z.strictObject({ t: z.literal('err'), e: ErrnoSchema }),
  z.strictObject({ t: z.literal('null') }),
  z.strictObject({ t: z.literal('ok') }),
  z.strictObject({ t: z.literal('bool'), v: z.boolean() }),
  z.strictObject({ t: z.literal('cookie'), v: int }),
  z.strictObject({ t: z.literal('status'), st: TxStateSchema }),
  z.strictObject({ t: z.literal('caps'), caps: SlaveCapsSchema }),
  z.strictObject({ t: z.literal('metaptr'), payloadLen: nat, maxLen: nat }),
]);

const chanEv = <T extends string>(ev: T) => z.strictObject({ ev: z.literal(ev), chan: int });
const descEv = <T extends string>(ev: T) => z.strictObject({ ev: z.literal(ev), chan: int, desc: int });
export const EngineEventSchema: z.ZodType<EngineEvent> = z.discriminatedUnion('ev', [
  chanEv('irq_raised'),
  chanEv('tasklet_scheduled'),
  descEv('hw_start'),
  z.strictObject({ ev: z.literal('xfer'), chan: int, desc: int, offset: nat, len: nat, sum: u32, width: BusWidthSchema }),
  z.strictObject({ ev: z.literal('periph_rx'), chan: int, len: nat, sum: u32 }),
  z.strictObject({ ev: z.literal('periph_lost'), chan: int, len: nat }),
  z.strictObject({ ev: z.literal('complete'), chan: int, desc: int, cookie: int }),
  descEv('period'),
  descEv('meta_copied'),
  z.strictObject({ ev: z.literal('desc_freed'), chan: int, desc: int, recycled: z.boolean() }),
  z.strictObject({ ev: z.literal('dma_fault'), chan: int, desc: int, buf: int, why: z.enum(['unmapped', 'freed', 'wrong_device']) }),
  descEv('meta_fault'),
  z.strictObject({ ev: z.literal('lock_splat'), chan: int, why: z.enum(['recursion', 'held_at_return']) }),
]);

const EVENT_KINDS = ['irq_raised', 'tasklet_scheduled', 'hw_start', 'xfer', 'periph_rx', 'periph_lost', 'complete', 'period', 'meta_copied', 'desc_freed', 'dma_fault', 'meta_fault', 'lock_splat'] as const;
/** What a trace observes (format 1.1 header `observe`, spec/api/trace.ts Observation). */
export const ObservationSchema: z.ZodType<Observation> = z.strictObject({
  events: z.array(z.enum(EVENT_KINDS)),
  env: z.array(z.enum(['advance', 'irq', 'tasklet', 'drain'])),
  data: z.boolean(),
});

export const CallbackInvocationSchema: z.ZodType<CallbackInvocation> = z.strictObject({
  chan: int, desc: int, fn: z.enum(['callback', 'callback_result']), result: TxResultSchema.exactOptional(),
  residue: nat.exactOptional(), period: z.boolean(), ctx: z.enum(['process', 'atomic', 'hardirq', 'tasklet']), locksHeld: z.boolean(),
});

export const TraceEntrySchema: z.ZodType<TraceEntry> = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('call'), call: ClientCallSchema, ctx: CtxSchema }),
  z.strictObject({ k: z.literal('ret'), ret: RetSchema }),
  z.strictObject({ k: z.literal('env'), step: EnvStepSchema }),
  z.strictObject({ k: z.literal('env_end') }),
  z.strictObject({ k: z.literal('ev'), ev: EngineEventSchema }),
  z.strictObject({ k: z.literal('cb'), cb: CallbackInvocationSchema }),
  z.strictObject({ k: z.literal('cb_ret') }),
]);

/**
 * One short line describing the first problem zod found, e.g. `steps.3.do.op: not a known op`.
 * Inside a union it follows the alternative that came closest (fewest problems), so the
 * path points into the value rather than at the union.
 * @internal
 */
export function describeZodError(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid value';
  const { path, message } = closest(issue, []);
  return `${path.length > 0 ? `${path.join('.')}: ` : ''}${message}`.replace(/\s+/g, ' ').slice(0, 200);
}

function closest(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): { path: PropertyKey[]; message: string } {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union') return { path, message: issue.message };
  const best = issue.errors.filter((b) => b.length > 0).sort((a, b) => a.length - b.length)[0]?.[0];
  if (best !== undefined) return closest(best, path);
  const d = (issue as { discriminator?: string }).discriminator;
  return { path, message: d === undefined ? issue.message : `not a known ${d}` };
}
