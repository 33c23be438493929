/**
 * Traces and verdicts. A run — live in lockstep, or recorded by an implementation and
 * checked offline — is a sequence of {@link TraceEntry}s; the model (spec/model)
 * accepts it entry by entry. Types only.
 * @public
 */
import type { CallbackInvocation, ChanId, ClientCall, Ctx, EngineEvent, EnvOp, EnvStep, EventKind, Ret } from './vocabulary.ts';

/**
 * One entry of a trace. Nesting: a `call` is followed by the events it causes, then
 * by its `ret`; an `env` step by its events and then `env_end`; a `cb` (callback
 * invoked) by the nested calls the callback makes and then `cb_ret`. Since trace
 * format 1.1 an `env` step may also run inside a call, a step or a callback (an
 * interrupt or tasklet on the same CPU while the call had dropped its lock).
 */
export type TraceEntry =
  | { readonly k: 'call'; readonly call: ClientCall; readonly ctx: Ctx }
  | { readonly k: 'ret'; readonly ret: Ret }
  | { readonly k: 'env'; readonly step: EnvStep }
  | { readonly k: 'env_end' }
  | { readonly k: 'ev'; readonly ev: EngineEvent }
  | { readonly k: 'cb'; readonly cb: CallbackInvocation }
  | { readonly k: 'cb_ret' };

/**
 * What a recorder can see (trace format 1.1 header `observe`). Event kinds and env ops
 * not listed never appear in the trace; the model assumes they happened whenever that
 * makes the observed entries legal, and checks everything observed. `data: false`: byte
 * contents are not observed (no xfer / periph_rx sums to check). Absent: everything.
 * @public
 */
export interface Observation {
  readonly events: readonly EventKind[];
  readonly env: readonly EnvOp[];
  readonly data: boolean;
}

/** A rule id from the catalogue, e.g. "SYNC-3". */
export type RuleId = string;

/**
 * Outcome kinds, one per meaning (as the wasm interpreter's Invalid / Trap / Crash):
 * - `undefined`: the client broke a client (C) rule — undefined behaviour; the model
 *   stops holding the engine to anything on that channel (`chan`).
 * - `advisory`: the client broke a client rule of severity `advisory` (not portable or a
 *   best practice; the kernel defines what happens). The call is judged as accepted and
 *   the channel stays checked; it fails a run only under `--strict`.
 * - `violation`: the implementation broke an engine (E) rule.
 * - `model_bug`: cannot happen unless the spec itself is wrong.
 * - `impl_error`: the implementation crashed, hung, or broke the protocol.
 * `step` is the index of the trace entry (0-based) at which it was detected.
 */
export type Verdict =
  | { readonly kind: 'undefined'; readonly rule: RuleId; readonly step: number; readonly msg: string; readonly chan?: ChanId }
  | { readonly kind: 'violation'; readonly rule: RuleId; readonly step: number; readonly msg: string; readonly chan?: ChanId }
  | { readonly kind: 'advisory'; readonly rule: RuleId; readonly step: number; readonly msg: string; readonly chan?: ChanId }
  | { readonly kind: 'model_bug'; readonly step: number; readonly msg: string }
  | { readonly kind: 'impl_error'; readonly what: ImplErrorKind; readonly step: number; readonly msg: string };

/** A verdict of kind `advisory`: reported beside a step, never its failure. */
export type AdvisoryVerdict = Extract<Verdict, { readonly kind: 'advisory' }>;

/** A verdict that fails the entry (everything but an advisory). */
export type FailureVerdict = Exclude<Verdict, { readonly kind: 'advisory' }>;

export type ImplErrorKind = 'crash' | 'timeout' | 'exit' | 'bad_json' | 'bad_message' | 'oversized' | 'protocol_version' | 'wrong_id' | 'throw' | 'eof';
