/**
 * Zod schemas of the contract vocabulary that appears inside a report (trace
 * entries, engine configuration, capability profile). They mirror spec/api/ one to
 * one; reports/schema/type-checks.ts proves at compile time that they agree, so a
 * contract change that is not reflected here fails the type check.
 * @internal
 */
import { z } from 'zod';

const id = z.number().int();
const opt = <T extends z.ZodType>(t: T) => t.exactOptional();

export const directionSchema = z.enum(['MEM_TO_MEM', 'MEM_TO_DEV', 'DEV_TO_MEM', 'DEV_TO_DEV']);
export const busWidthSchema = z.union([0, 1, 2, 3, 4, 8, 16, 32, 64, 128].map((w) => z.literal(w)) as [
  z.ZodLiteral<0>, z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>,
  z.ZodLiteral<8>, z.ZodLiteral<16>, z.ZodLiteral<32>, z.ZodLiteral<64>, z.ZodLiteral<128>,
]);
const ctxSchema = z.enum(['process', 'atomic', 'hardirq', 'callback']);
const engineCtxSchema = z.enum(['process', 'atomic', 'hardirq', 'tasklet']);
const errnoSchema = z.enum(['EPERM', 'ENXIO', 'ENODEV', 'EINVAL', 'ENOSYS', 'ENOTSUPP', 'EPROBE_DEFER', 'EBUSY', 'ENOMEM', 'EIO']);
const dmaStatusSchema = z.enum(['DMA_COMPLETE', 'DMA_IN_PROGRESS', 'DMA_PAUSED', 'DMA_ERROR', 'DMA_OUT_OF_ORDER']);
const txResultSchema = z.enum(['DMA_TRANS_NOERROR', 'DMA_TRANS_READ_FAILED', 'DMA_TRANS_WRITE_FAILED', 'DMA_TRANS_ABORTED']);
const residueGranularitySchema = z.enum(['descriptor', 'segment', 'burst']);

const sgEntry = z.strictObject({ buf: id, offset: z.number(), len: z.number() });
const slaveConfig = z.strictObject({
  direction: opt(directionSchema),
  srcAddrWidth: busWidthSchema,
  dstAddrWidth: busWidthSchema,
  srcMaxburst: z.number(),
  dstMaxburst: z.number(),
  deviceFc: opt(z.boolean()),
});
const interleaved = z.strictObject({
  dir: directionSchema, buf: id, offset: z.number(), numf: z.number(),
  chunks: z.array(z.strictObject({ size: z.number(), icg: z.number() })),
});
const callbackAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('chain'), buf: id, len: z.number(), dir: directionSchema }),
  z.strictObject({ kind: z.literal('terminate_async') }),
  z.strictObject({ kind: z.literal('synchronize') }),
  z.strictObject({ kind: z.literal('terminate_sync') }),
  z.strictObject({ kind: z.literal('read_metadata') }),
  z.strictObject({ kind: z.literal('tx_status') }),
  z.strictObject({ kind: z.literal('resubmit_self') }),
]);

const onChan = <O extends string>(op: O) => z.strictObject({ op: z.literal(op), chan: id });
const onDesc = <O extends string>(op: O) => z.strictObject({ op: z.literal(op), desc: id });

export const clientCallSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('request_chan'), name: z.string() }),
  onChan('release_channel'),
  z.strictObject({ op: z.literal('slave_config'), chan: id, cfg: slaveConfig }),
  onChan('get_slave_caps'),
  z.strictObject({ op: z.literal('alloc_buf'), buf: id, len: z.number() }),
  z.strictObject({ op: z.literal('free_buf'), buf: id }),
  z.strictObject({ op: z.literal('map_buf'), chan: id, buf: id, dev: z.enum(['dma', 'client']) }),
  z.strictObject({ op: z.literal('unmap_buf'), buf: id }),
  z.strictObject({ op: z.literal('prep_slave_sg'), chan: id, desc: id, sgl: z.array(sgEntry), dir: directionSchema, flags: z.number() }),
  z.strictObject({ op: z.literal('prep_dma_vec'), chan: id, desc: id, vecs: z.array(sgEntry), dir: directionSchema, flags: z.number() }),
  z.strictObject({
    op: z.literal('prep_cyclic'), chan: id, desc: id, buf: id, bufLen: z.number(), periodLen: z.number(),
    dir: directionSchema, flags: z.number(),
  }),
  z.strictObject({ op: z.literal('prep_interleaved'), chan: id, desc: id, xt: interleaved, flags: z.number() }),
  z.strictObject({ op: z.literal('set_callback'), desc: id, fn: z.enum(['callback', 'callback_result']), action: callbackAction }),
  onDesc('set_reuse'),
  onDesc('desc_free'),
  z.strictObject({ op: z.literal('metadata_supported'), chan: id, mode: z.enum(['client', 'engine']) }),
  z.strictObject({ op: z.literal('attach_metadata'), desc: id, len: z.number() }),
  onDesc('get_metadata_ptr'),
  z.strictObject({ op: z.literal('set_metadata_len'), desc: id, len: z.number() }),
  z.strictObject({ op: z.literal('access_metadata'), desc: id, write: z.boolean() }),
  onDesc('submit'),
  onChan('issue_pending'),
  z.strictObject({ op: z.literal('tx_status'), chan: id, cookie: z.number().int(), withState: z.boolean() }),
  z.strictObject({ op: z.literal('is_tx_complete'), chan: id, cookie: z.number().int() }),
  onChan('pause'),
  onChan('resume'),
  onChan('terminate_async'),
  onChan('terminate_sync'),
  onChan('terminate_all'),
  onChan('synchronize'),
  onChan('periph_teardown'),
]);

export const envStepSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('advance'), units: z.number() }),
  z.strictObject({ op: z.literal('irq'), chan: id }),
  z.strictObject({ op: z.literal('tasklet'), chan: id }),
  z.strictObject({ op: z.literal('drain'), chan: id, bytes: z.number() }),
]);

const slaveCaps = z.strictObject({
  srcAddrWidths: z.array(busWidthSchema), dstAddrWidths: z.array(busWidthSchema), directions: z.array(directionSchema),
  minBurst: z.number(), maxBurst: z.number(), maxSgBurst: z.number(), residueGranularity: residueGranularitySchema,
  descriptorReuse: z.boolean(), cmdPause: z.boolean(), cmdResume: z.boolean(), cmdTerminate: z.boolean(),
});
const txState = z.strictObject({
  status: dmaStatusSchema, last: opt(z.number().int()), used: opt(z.number().int()),
  residue: opt(z.number()), inFlight: opt(z.number()),
});

export const retSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('void') }),
  z.strictObject({ t: z.literal('int'), v: z.number() }),
  z.strictObject({ t: z.literal('err'), e: errnoSchema }),
  z.strictObject({ t: z.literal('null') }),
  z.strictObject({ t: z.literal('ok') }),
  z.strictObject({ t: z.literal('bool'), v: z.boolean() }),
  z.strictObject({ t: z.literal('cookie'), v: z.number().int() }),
  z.strictObject({ t: z.literal('status'), st: txState }),
  z.strictObject({ t: z.literal('caps'), caps: slaveCaps }),
  z.strictObject({ t: z.literal('metaptr'), payloadLen: z.number(), maxLen: z.number() }),
]);

const chanEv = <E extends string>(ev: E) => z.strictObject({ ev: z.literal(ev), chan: id });
const descEv = <E extends string>(ev: E) => z.strictObject({ ev: z.literal(ev), chan: id, desc: id });

export const engineEventSchema = z.discriminatedUnion('ev', [
  chanEv('irq_raised'),
  chanEv('tasklet_scheduled'),
  descEv('hw_start'),
  z.strictObject({ ev: z.literal('xfer'), chan: id, desc: id, offset: z.number(), len: z.number(), sum: z.number(), width: busWidthSchema }),
  z.strictObject({ ev: z.literal('periph_rx'), chan: id, len: z.number(), sum: z.number() }),
  z.strictObject({ ev: z.literal('periph_lost'), chan: id, len: z.number() }),
  z.strictObject({ ev: z.literal('complete'), chan: id, desc: id, cookie: z.number().int() }),
  descEv('period'),
  descEv('meta_copied'),
  z.strictObject({ ev: z.literal('desc_freed'), chan: id, desc: id, recycled: z.boolean() }),
  z.strictObject({ ev: z.literal('dma_fault'), chan: id, desc: id, buf: id, why: z.enum(['unmapped', 'freed', 'wrong_device']) }),
  descEv('meta_fault'),
]);

export const callbackInvocationSchema = z.strictObject({
  chan: id, desc: id, fn: z.enum(['callback', 'callback_result']),
  result: opt(txResultSchema), residue: opt(z.number()),
  period: z.boolean(), ctx: engineCtxSchema, locksHeld: z.boolean(),
});

/** One trace entry (spec/api/trace.ts `TraceEntry`). */
export const traceEntrySchema = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('call'), call: clientCallSchema, ctx: ctxSchema }),
  z.strictObject({ k: z.literal('ret'), ret: retSchema }),
  z.strictObject({ k: z.literal('env'), step: envStepSchema }),
  z.strictObject({ k: z.literal('env_end') }),
  z.strictObject({ k: z.literal('ev'), ev: engineEventSchema }),
  z.strictObject({ k: z.literal('cb'), cb: callbackInvocationSchema }),
  z.strictObject({ k: z.literal('cb_ret') }),
]);

export const engineConfigSchema = z.strictObject({
  slaves: z.array(z.strictObject({ name: z.string(), directions: z.array(directionSchema), fifoDepth: z.number() })),
  caps: z.strictObject({
    config: z.boolean(), pause: z.boolean(), resume: z.boolean(), terminate: z.boolean(), synchronize: z.boolean(),
    slaveSg: z.boolean(), dmaVec: z.boolean(), cyclic: z.boolean(), interleave: z.boolean(), repeat: z.boolean(),
    loadEot: z.boolean(), descriptorReuse: z.boolean(), metadataClient: z.boolean(), metadataEngine: z.boolean(),
    completionNoOrder: z.boolean(),
  }),
  residueGranularity: residueGranularitySchema,
  bytesPerUnit: z.number(),
  addrWidths: z.array(busWidthSchema),
  maxBurst: z.number(),
  cookieInit: z.number().int(),
  maxTransferLen: z.number(),
});

export const capabilityProfileSchema = z.strictObject({
  slaveSg: z.boolean(), dmaVec: z.boolean(), cyclic: z.boolean(), interleave: z.boolean(), repeat: z.boolean(),
  pause: z.boolean(), resume: z.boolean(), terminate: z.boolean(), synchronize: z.boolean(), reuse: z.boolean(),
  metadata: z.boolean(), callbacks: z.boolean(), multiChannel: z.boolean(), cookieInit: z.boolean(),
  configurableCaps: z.boolean(),
});
