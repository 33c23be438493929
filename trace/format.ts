/**
 * The recorded-trace file format `dmacheck-trace/1` (docs/TRACE.md): JSON Lines, a
 * header line, one `TraceEntry` per line, and an optional `end` line saying the run
 * ended at a quiescent point (so end-of-run obligations apply).
 * @public
 */
import { z } from 'zod';
import type { EngineConfig } from '../spec/api/config.ts';
import { EngineConfigSchema } from '../spec/api/schema.ts';

/** @public */
export const TRACE_FORMAT = 'dmacheck-trace/1';

/** First line of a trace file. @public */
export interface TraceHeader {
  readonly format: typeof TRACE_FORMAT;
  /** Name of the implementation that produced the trace. */
  readonly implementation: string;
  readonly config: EngineConfig;
  /** Free-form provenance (seed, date, tool), ignored by the checker. */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** Last line of a trace whose run ended quiescent (every pending interrupt and tasklet ran). @public */
export interface TraceEnd {
  readonly end: true;
}

export const TraceHeaderSchema: z.ZodType<TraceHeader> = z.strictObject({
  format: z.literal(TRACE_FORMAT),
  implementation: z.string(),
  config: EngineConfigSchema,
  meta: z.record(z.string(), z.unknown()).exactOptional(),
});

export const TraceEndSchema: z.ZodType<TraceEnd> = z.strictObject({ end: z.literal(true) });
