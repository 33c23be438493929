/**
 * Compile-time proof that the zod schemas and the contract types agree in both
 * directions: every `RunResult` passes the schema's type, and everything the schema
 * accepts is a `RunResult`. A drift makes `npx tsc` fail here.
 * @internal
 */
import type { z } from 'zod';
import type { RunResult } from '../result.ts';
import type { TraceEntry } from '../../spec/api/trace.ts';
import type { runResultSchema } from './result-schema.ts';
import type { TraceEntrySchema as traceEntrySchema } from '../../spec/api/schema.ts';

/** Deep readonly, so the schema's mutable output can be compared with the readonly contract. */
type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[]
  : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type TraceEntrySchemaMatches = Assert<Same<DeepReadonly<z.output<typeof traceEntrySchema>>, TraceEntry>>;
export type RunResultSchemaMatches = Assert<Same<DeepReadonly<z.output<typeof runResultSchema>>, RunResult>>;
