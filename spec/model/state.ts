/**
 * State of the reference model: readonly records, copied on write per channel.
 *
 * Conventions: `s` = whole model state, `ch` = one channel's state, `d` = one live
 * descriptor, `b` = one buffer, `ck` = the cookie counters of a channel (in
 * sequence-number space, see cookies.ts), `fr` = a frame of the nesting stack,
 * `ctx` = the execution context of a client call.
 * @internal
 */
import type {
  BufId, BusWidth, CallbackAction, ChanId, ClientCall, Cookie, Ctx, DescId, DescKind, DescPhase,
  Direction, EngineConfig, EnvStep, CallbackInvocation, MetadataMode, SlaveConfig,
} from '../api/index.ts';
import type { Fail } from '../rules/require.ts';
import type { Fifo } from './fifo.ts';
import type { Obs } from './observe.ts';
import type { RetSpec } from '../rules/ret-spec.ts';

/** One memory extent of a descriptor's byte sequence, in order. */
export interface Seg { readonly buf: BufId; readonly offset: number; readonly len: number }

/** Metadata of one descriptor (META-*). `ptr`: the ENGINE-mode pointer the client holds. */
export interface Meta {
  readonly mode: MetadataMode | 'none';
  readonly ptr: 'none' | 'valid' | 'invalid';
  readonly copied: boolean; // CLIENT-mode DEV_TO_MEM: meta_copied seen (META-6)
}

/** A live descriptor (anything not yet freed). */
export interface Desc {
  readonly id: DescId;
  readonly chan: ChanId;
  readonly kind: DescKind;
  readonly dir: Direction;
  /** Bytes of one pass (cyclic: bufLen; repeated interleaved: one repetition). */
  readonly len: number;
  readonly segs: readonly Seg[];
  readonly periodLen: number;
  readonly flags: number;
  readonly width: BusWidth;
  readonly cfgDir: Direction | undefined;
  readonly cyclic: boolean;
  /** Interleaved with DMA_PREP_REPEAT on a channel with the REPEAT capability. */
  readonly repeat: boolean;
  readonly loadEot: boolean;
  /** Repeated transfer: bytes moved when a LOAD_EOT transfer was first seen issued behind it (CYC-7). */
  readonly eotSince: number | undefined;
  readonly phase: DescPhase;
  /** Cookie sequence number of the last successful submit (0: never). */
  readonly seq: number;
  readonly cookie: Cookie;
  readonly reuse: boolean;
  readonly hasCallback: boolean;
  readonly hasCallbackResult: boolean;
  readonly action: CallbackAction | undefined;
  readonly meta: Meta;
  readonly moved: number;
  readonly periodEvents: number;
  /** A `period` event happened since the last period callback (CB-11, CYC-3). */
  readonly periodCbPending: boolean;
  /** Completion order on its channel (CB-9). */
  readonly compOrder: number;
  /** For `terminated`: the phase it was aborted from; `completed` means its callback was dropped (CB-13). */
  readonly abortedFrom: DescPhase | undefined;
  readonly calledBack: boolean;
}

/** Why a descriptor left the live set (for naming the rule of a late event). */
export type DeathCause = 'completed' | 'aborted' | 'dropped' | 'submit_failed' | 'client_free' | 'released' | 'prepared_freed' | 'poisoned';

/** Persistent list of dead descriptors: O(1) to extend, searched only on error paths. */
export interface Dead {
  readonly id: DescId;
  readonly chan: ChanId;
  readonly why: DeathCause;
  /** Channel's sync count when it died: a later synchronize makes late activity SYNC-4/CB-14. */
  readonly syncCount: number;
  readonly next: Dead | undefined;
}

/** Cookie counters in sequence space: cookie(seq) = ((b0 - 1 + seq) mod INT_MAX) + 1. */
export interface Cookies {
  readonly b0: Cookie;
  /** Cookies handed out so far (chan->cookie = cookie(n)). */
  readonly n: number;
  /** completed_cookie is cookie(x) for some x in [lo, hi] (engines may cookie-complete aborted work, Q1). */
  readonly lo: number;
  readonly hi: number;
  /** Cookies with seq > holdStart came from the current hold (STAT-2, CH-8). */
  readonly holdStart: number;
  /** Every seq <= abortHi that is not complete was aborted by a terminate. */
  readonly abortHi: number;
  /** Re-requested channel, no submit yet: the counter may restart at cookieInit or continue (CH-9). */
  readonly restartOpen: boolean;
}

/** A prep that succeeded on a channel (DESC-17): the same prep, no larger, must succeed on an empty engine. */
export interface PrepDone {
  readonly op: ClientCall['op'];
  readonly dir: Direction;
  readonly flags: number;
  readonly len: number;
  /** List entries, periods (cyclic) or chunks × frames (interleaved). */
  readonly entries: number;
}

/** One channel (slave-map entry). @internal */
export interface Chan {
  readonly id: ChanId;
  readonly held: boolean;
  readonly everHeld: boolean;
  /** The current hold is not the channel's first: an earlier holder's state must be gone (CH-10). */
  readonly reheld: boolean;
  /** The largest preps that succeeded on the channel, in any hold (DESC-17). */
  readonly preps: readonly PrepDone[];
  readonly poisoned: boolean;
  readonly cfg: SlaveConfig | undefined;
  readonly metaChecked: { readonly client: boolean; readonly engine: boolean };
  readonly paused: boolean;
  readonly pausedAtTerminate: boolean;
  readonly terminating: boolean;
  readonly issuedSinceTerminate: boolean;
  readonly syncCount: number;
  /** issue_pending found the channel paused: starting is deferred (Q7). */
  readonly startDeferred: boolean;
  readonly irqPending: boolean;
  readonly taskletPending: boolean;
  readonly active: DescId | undefined;
  readonly descs: readonly Desc[];
  readonly compCount: number;
  readonly ck: Cookies;
  /** Next byte index of this channel's peripheral stream (DEV_TO_MEM source). */
  readonly rxPos: number;
  /** Bytes in the peripheral FIFO (MEM_TO_DEV), oldest first. */
  readonly fifo: Fifo;
  /** The FIFO holds bytes pushed since the last terminate (DATA-4) / since the last synchronize (SYNC-6). */
  readonly fifoOwed: boolean;
  readonly syncAfterPush: boolean;
  /** Buffers of descriptors aborted since the last synchronize (TERM-8). */
  readonly termBufs: readonly BufId[];
}

/** A buffer write by DEV_TO_MEM: byte offset+i = periphPatternByte(chan, k+i). */
export interface Write { readonly offset: number; readonly len: number; readonly chan: ChanId; readonly k: number }

/** One client buffer. @internal */
export interface Buf {
  readonly id: BufId;
  readonly len: number;
  readonly mapped: 'no' | 'dma' | 'client';
  readonly freed: boolean;
  readonly writes: readonly Write[];
  /** Written by a poisoned channel: contents unknown, data checks skipped. */
  readonly tainted: boolean;
}

/** What the call frame remembers from call time. */
export interface CallFrame {
  readonly k: 'call';
  readonly call: ClientCall;
  readonly ctx: Ctx;
  readonly chan: ChanId | undefined;
  /** Channel poisoned (or UB right here): accept anything until the ret. */
  readonly loose: boolean;
  readonly spec: RetSpec | undefined;
  /** A client rule broken, reported at `ret` after the engine's return was checked. */
  readonly deferred: Fail | undefined;
  /** Events seen in this call, by kind (bit set, see events.ts EV_BIT). */
  readonly evs: number;
  /** issue_pending / resume: the start obligation at ret (ISS-2). */
  readonly mustStart: boolean;
  /** Tasklet work was pending when a synchronizing call began (SYNC-5). */
  readonly taskletWasPending: boolean;
  /** The descriptor the call names was freed during the call (submit failure, desc_free). */
  readonly descFreed: boolean;
  /** issue_pending with nothing submitted or issued: must do nothing (ISS-4). */
  readonly emptyIssue: boolean;
  /** Events of the env steps that ran inside this call (format 1.1 nesting). */
  readonly nestedEvs: number;
  /**
   * The call's channel when the first env step inside it began: its answer may come from before it.
   * A terminate's: the channel without its effect while that is unseen, undefined once a step
   * inside it came after its lock (before-lock.ts).
   */
  readonly before: Chan | undefined;
}

/** An environment step in progress. @internal */
export interface EnvFrame {
  readonly k: 'env';
  readonly step: EnvStep;
  readonly live: boolean;      // irq/tasklet: something was pending when the step began
  readonly evs: number;
  readonly periodPendingAtStart: DescId | undefined;
  readonly periodCbDone: boolean;
  readonly nonPeriodCbDone: boolean;
  readonly fifoAtStart: number;
  readonly delivered: number;
  /** tasklet: the channel's completion count when it began (what it took off the completed list, CB-13). */
  readonly compAtStart: number;
}

/** A client callback in progress. @internal */
export interface CbFrame {
  readonly k: 'cb';
  readonly inv: CallbackInvocation;
  readonly loose: boolean;
}

/** A frame of the nesting stack (call, env step, callback). @internal */
export type Frame = CallFrame | EnvFrame | CbFrame;

/** The whole model state. @public */
export interface ModelState {
  readonly cfg: EngineConfig;
  /** What the trace shows (format 1.1 `observe`); fixed for the run. */
  readonly obs: Obs;
  readonly chans: readonly Chan[];
  readonly bufs: readonly Buf[];
  readonly dead: Dead | undefined;
  readonly stack: readonly Frame[];
}
