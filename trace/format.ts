/**
 * The recorded-trace file format (docs/TRACE.md): JSON Lines, a header line, one
 * `TraceEntry` per line, and an optional `end` line saying the run ended at a quiescent
 * point (so end-of-run obligations apply). Version 1.1 adds the header's `observe` (what
 * the recorder can see) and env steps nested inside calls, steps and callbacks; every
 * `dmacheck-trace/1` file is a valid trace with the same meaning.
 * @public
 */
import { z } from 'zod';
import type { EngineConfig } from '../spec/api/config.ts';
import type { Observation } from '../spec/api/trace.ts';
import type { EnvOp, EventKind } from '../spec/api/vocabulary.ts';
import { EngineConfigSchema, ObservationSchema } from '../spec/api/schema.ts';

/**
 * The first format: no nested env steps, everything observed. The recorder (record.ts)
 * still writes it: a lockstep run never nests and sees everything, so its traces are 1.0.
 * @public
 */
export const TRACE_FORMAT = 'dmacheck-trace/1';
/** Adds `observe` and nested env steps (recorders of real kernels). @public */
export const TRACE_FORMAT_1_1 = 'dmacheck-trace/1.1';
/** @public */
export type TraceFormat = typeof TRACE_FORMAT | typeof TRACE_FORMAT_1_1;
/** @public */
export const TRACE_FORMATS: readonly TraceFormat[] = [TRACE_FORMAT, TRACE_FORMAT_1_1];

/** First line of a trace file. @public */
export interface TraceHeader {
  readonly format: TraceFormat;
  /** Name of the implementation that produced the trace. */
  readonly implementation: string;
  readonly config: EngineConfig;
  /** Free-form provenance (seed, date, tool), ignored by the checker. */
  readonly meta?: Readonly<Record<string, unknown>>;
  /** 1.1 only: what the recorder can see; absent = everything. */
  readonly observe?: Observation;
}

/** Last line of a trace whose run ended quiescent (every pending interrupt and tasklet ran). @public */
export interface TraceEnd {
  readonly end: true;
}

/**
 * What the model cannot infer, so a recorder must observe it: the lifecycle events
 * (hardware start, completion, release) and the interrupt and tasklet steps they happen in.
 * @public
 */
export const MUST_OBSERVE: { readonly events: readonly EventKind[]; readonly env: readonly EnvOp[] } = {
  events: ['hw_start', 'complete', 'desc_freed'],
  env: ['irq', 'tasklet'],
};

const missing = (o: Observation): string | undefined => {
  const ev = MUST_OBSERVE.events.filter((k) => !o.events.includes(k));
  const env = MUST_OBSERVE.env.filter((k) => !o.env.includes(k));
  const all = [...ev.map((k) => `event ${k}`), ...env.map((k) => `env ${k}`)];
  return all.length === 0 ? undefined : `observe must include ${all.join(', ')} (the model cannot infer them)`;
};

export const TraceHeaderSchema: z.ZodType<TraceHeader> = z.discriminatedUnion('format', [
  z.strictObject({
    format: z.literal(TRACE_FORMAT),
    implementation: z.string(),
    config: EngineConfigSchema,
    meta: z.record(z.string(), z.unknown()).exactOptional(),
  }),
  z.strictObject({
    format: z.literal(TRACE_FORMAT_1_1),
    implementation: z.string(),
    config: EngineConfigSchema,
    meta: z.record(z.string(), z.unknown()).exactOptional(),
    observe: ObservationSchema.superRefine((o, ctx) => {
      const m = missing(o);
      if (m !== undefined) ctx.addIssue({ code: 'custom', message: m });
    }).exactOptional(),
  }),
]);

export const TraceEndSchema: z.ZodType<TraceEnd> = z.strictObject({ end: z.literal(true) });
