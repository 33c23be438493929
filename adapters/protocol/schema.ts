/**
 * The stdio protocol `dmacheck-protocol/1` (docs/PROTOCOL.md): message types and
 * their zod schemas. One JSON object per line. The harness sends requests
 * (`reset`, `call`, `env`), answers callbacks (`callback_return`) and says `bye`;
 * the implementation says `hello` first, then per request streams `event`s and
 * `callback`s and ends it with `result` (or `error`).
 * @public
 */
import { z } from 'zod';
import type { CapabilityProfile, EngineConfig } from '../../spec/api/config.ts';
import type { CallbackInvocation, ClientCall, Ctx, EngineEvent, EnvStep, Ret } from '../../spec/api/vocabulary.ts';
import type { ClientProgram } from '../../spec/api/program.ts';
import type { TraceEntry } from '../../spec/api/trace.ts';
import {
  CallbackInvocationSchema, CapabilityProfileSchema, ClientCallSchema, CtxSchema, EngineConfigSchema,
  EngineEventSchema, EnvStepSchema, RetSchema,
} from '../../spec/api/schema.ts';
import { ClientProgramSchema } from '../../spec/api/program-schema.ts';

/** The protocol version string both sides must agree on. @public */
export const PROTOCOL_VERSION = 'dmacheck-protocol/1';
/** Longest line either side accepts, in bytes (without the newline). @public */
export const MAX_LINE_BYTES = 1 << 20;

/**
 * The batch extension (docs/PROTOCOL.md §Extension batch/1): an implementation whose
 * `hello` lists it in `extensions` accepts `batch` requests — a whole client program
 * (docs/PROGRAM.md) run by the implementation, answered by the trace it recorded.
 * @public
 */
export const EXT_BATCH = 'batch/1';

/** Request id: a positive integer chosen by the harness, unique per session. */
const id = z.number().int().positive();

// ---- harness → implementation ----
export type ResetMsg = { readonly type: 'reset'; readonly id: number; readonly config: EngineConfig };
export type CallMsg = { readonly type: 'call'; readonly id: number; readonly call: ClientCall; readonly ctx: Ctx };
export type EnvMsg = { readonly type: 'env'; readonly id: number; readonly step: EnvStep };
export type CallbackReturnMsg = { readonly type: 'callback_return'; readonly id: number };
export type ByeMsg = { readonly type: 'bye' };
/** batch/1: run `program` on a fresh engine with `config` (a reset of its own) and answer with its trace. */
export type BatchMsg = { readonly type: 'batch'; readonly id: number; readonly config: EngineConfig; readonly program: ClientProgram };
/** Everything the harness may send. @public */
export type HarnessMsg = ResetMsg | CallMsg | EnvMsg | CallbackReturnMsg | ByeMsg | BatchMsg;

export const HarnessMsgSchema: z.ZodType<HarnessMsg> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('reset'), id, config: EngineConfigSchema }),
  z.strictObject({ type: z.literal('call'), id, call: ClientCallSchema, ctx: CtxSchema }),
  z.strictObject({ type: z.literal('env'), id, step: EnvStepSchema }),
  z.strictObject({ type: z.literal('callback_return'), id }),
  z.strictObject({ type: z.literal('bye') }),
  z.strictObject({ type: z.literal('batch'), id, config: EngineConfigSchema, program: ClientProgramSchema }),
]);

// ---- implementation → harness ----
/** `extensions`: optional protocol extensions the implementation speaks (e.g. {@link EXT_BATCH}); absent = none. */
export type HelloMsg = {
  readonly type: 'hello'; readonly protocol: string; readonly name: string; readonly profile: CapabilityProfile;
  readonly extensions?: readonly string[];
};
/** `req`: id of the innermost request being handled. */
export type EventMsg = { readonly type: 'event'; readonly req: number; readonly event: EngineEvent };
/** `id`: chosen by the implementation, echoed by `callback_return`; `req` as for events. */
export type CallbackMsg = { readonly type: 'callback'; readonly id: number; readonly req: number; readonly inv: CallbackInvocation };
/**
 * batch/1: one entry of the trace of batch request `req`, in order. Only its envelope is
 * checked here (an object with a string `k`): the harness checks the whole trace like a
 * recorded one (trace/parse.ts), which names a bad entry by its line — one strict pass,
 * not two, over the bulk of a batch's bytes.
 */
export type EntryMsg = { readonly type: 'entry'; readonly req: number; readonly entry: TraceEntry | UncheckedEntry };
/** A trace entry as received, before trace/parse.ts checked it. @public */
export type UncheckedEntry = { readonly k: string; readonly [key: string]: unknown };
/**
 * Ends request `id`; `ret` is present exactly for `call` requests, `ended` exactly for
 * `batch` requests (true: the run ended quiescent, end-of-run obligations apply).
 */
export type ResultMsg = { readonly type: 'result'; readonly id: number; readonly ret?: Ret; readonly ended?: boolean };
/** The implementation gives up (an internal exception); `id` = request, if any. Ends the session. */
export type ErrorMsg = { readonly type: 'error'; readonly id?: number; readonly message: string };
/** Everything an implementation may send. @public */
export type ImplMsg = HelloMsg | EventMsg | CallbackMsg | ResultMsg | ErrorMsg | EntryMsg;

/** `hello` is checked in two steps so that a wrong version is named as such, whatever else changed. */
export const HelloHeadSchema = z.object({ type: z.literal('hello'), protocol: z.string() });

export const ImplMsgSchema: z.ZodType<ImplMsg> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('hello'), protocol: z.string(), name: z.string().min(1).max(200), profile: CapabilityProfileSchema,
    extensions: z.array(z.string().min(1).max(100)).max(50).exactOptional(),
  }),
  z.strictObject({ type: z.literal('event'), req: id, event: EngineEventSchema }),
  z.strictObject({ type: z.literal('callback'), id, req: id, inv: CallbackInvocationSchema }),
  z.strictObject({ type: z.literal('result'), id, ret: RetSchema.exactOptional(), ended: z.boolean().exactOptional() }),
  z.strictObject({ type: z.literal('entry'), req: id, entry: z.looseObject({ k: z.string() }) }),
  z.strictObject({ type: z.literal('error'), id: id.exactOptional(), message: z.string() }),
]);

/** Message types an implementation may send (to tell "unknown type" from "bad fields"). @internal */
export const IMPL_MSG_TYPES: ReadonlySet<string> = new Set(['hello', 'event', 'callback', 'result', 'error', 'entry']);
/** Message types the harness may send. @internal */
export const HARNESS_MSG_TYPES: ReadonlySet<string> = new Set(['reset', 'call', 'env', 'callback_return', 'bye', 'batch']);
