/**
 * The interface of the executable reference model, as the harness (lockstep runner,
 * generators, fuzzer, trace checker) uses it. spec/model implements it. Types only.
 *
 * `step` is pure: it never mutates `s`; it returns the next state and, when the entry
 * is not allowed, a verdict naming the rule. After an `undefined` verdict on a channel
 * the model keeps checking the other channels and accepts anything on that one.
 * @public
 */
import type { EngineConfig } from './config.ts';
import type { AdvisoryVerdict, FailureVerdict, RuleId, TraceEntry } from './trace.ts';
import type { BufId, ChanId, Cookie, DescId, Direction, MetadataMode } from './vocabulary.ts';
import type { Observation } from './trace.ts';

/** Receives what a step exercised, for "exercised" counts and fuzzer guidance. */
export interface CoverageSink {
  /** A rule's clause was evaluated (whether or not it fired). */
  rule(id: RuleId): void;
  /** An abstract (state, command) pair was visited; `state` is a short stable key. */
  pair(state: string, op: string): void;
}

export interface StepResult<S> {
  readonly state: S;
  /** The entry is not allowed: client UB, an engine violation or a model bug. */
  readonly verdict?: FailureVerdict;
  /** Advisory client rules the entry broke; the entry was accepted all the same. */
  readonly advisories?: readonly AdvisoryVerdict[];
}

/** Client-visible descriptor lifecycle (fact sheet §1.3). */
export type DescPhase =
  | 'prepared' | 'submitted' | 'issued' | 'active' | 'completed' | 'callback'
  | 'done' | 'reusable' | 'terminated' | 'freed';

export type DescKind = 'slave_sg' | 'dma_vec' | 'cyclic' | 'interleaved' | 'memcpy';

export interface ChanView {
  readonly chan: ChanId;
  readonly held: boolean;
  /** The client broke a rule on this channel: anything goes from here on. */
  readonly poisoned: boolean;
  readonly configured: boolean;
  /** Held again after a release: an unconfigured prep here shows whether the earlier holder's config survived (CH-10). */
  readonly rerequested: boolean;
  readonly paused: boolean;
  /** terminate_async (or terminate_all) returned, synchronize not yet called. */
  readonly terminating: boolean;
  readonly issuedSinceTerminate: boolean;
  readonly irqPending: boolean;
  readonly taskletPending: boolean;
  /** Bytes the peripheral holds (MEM_TO_DEV) that a `drain` could deliver. */
  readonly periphBytes: number;
  /** Last cookie handed out / last completed, as the model tracks them. */
  readonly used: Cookie;
  readonly last: Cookie;
}

export interface DescView {
  readonly desc: DescId;
  readonly chan: ChanId;
  readonly phase: DescPhase;
  readonly kind: DescKind;
  readonly dir: Direction;
  readonly len: number;
  /** Cookie from the last successful submit (0 if never submitted). */
  readonly cookie: Cookie;
  readonly reuse: boolean;
  readonly metaMode: MetadataMode | 'none';
  readonly hasCallback: boolean;
  readonly repeat: boolean;
}

export interface BufView {
  readonly buf: BufId;
  readonly len: number;
  readonly mapped: 'no' | 'dma' | 'client';
  readonly freed: boolean;
}

export interface Model<S> {
  /** The state a run starts from; `observe` narrows what the trace shows (absent: everything). */
  init(config: EngineConfig, observe?: Observation): S;
  /** Accept trace entry number `index`. */
  step(s: S, e: TraceEntry, index: number, cov?: CoverageSink): StepResult<S>;
  /**
   * The trace ended at a quiescent point (the harness ran every pending interrupt and
   * tasklet). Checks end-of-run obligations (e.g. every completed descriptor with a
   * callback was called back). `index` = number of entries accepted.
   */
  end(s: S, index: number, cov?: CoverageSink): StepResult<S>;
  // Queries for generators (preconditions come from the model).
  chan(s: S, chan: ChanId): ChanView | undefined;
  desc(s: S, desc: DescId): DescView | undefined;
  descsOf(s: S, chan: ChanId): readonly DescView[];
  buf(s: S, buf: BufId): BufView | undefined;
  /** The callback currently running (innermost), if any. */
  inCallback(s: S): { readonly chan: ChanId; readonly desc: DescId } | undefined;
}
