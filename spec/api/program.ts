/**
 * Client programs: what a client driver does, written down ahead of time — the calls
 * it makes, what its callbacks do (the {@link CallbackAction} of set_callback), and
 * the waits between calls. One format for everything that runs programs: the kernel
 * agent (kernel/), `dmacheck check-client` and the stdio batch mode. A program run
 * produces an ordinary trace (docs/TRACE.md), judged by the same model.
 * See docs/PROGRAM.md. Types only.
 * @public
 */
import type { SlaveEntry } from './config.ts';
import type { ChanId, ClientCall, DescId, RuleId } from './index.ts';

/**
 * A call as a program writes it: a {@link ClientCall}, except that the cookie a
 * status query asks about may be named by the descriptor whose submit returned it
 * (`desc`), since a program is written before any cookie exists.
 */
export type ProgramCall =
  | ClientCall
  | { readonly op: 'tx_status'; readonly chan: ChanId; readonly desc: DescId; readonly withState: boolean }
  | { readonly op: 'is_tx_complete'; readonly chan: ChanId; readonly desc: DescId };

/**
 * Where a `do` step's call is made, when not from process context (the trace's `ctx`):
 * `atomic` — with a spinlock held and interrupts off (spin_lock_irqsave); `hardirq` —
 * from a hard-interrupt handler (the kernel agent uses a hard irq_work), the program waiting
 * for it. Only calls the API allows there are legal: prep, submit, issue_pending,
 * tx_status, terminate_async (DESC-2, STAT-7, TERM-4); sleeping calls are client misuse
 * (TERM-5, SYNC-2, CH-3).
 */
export type StepCtx = 'atomic' | 'hardirq';

/**
 * One step of a program.
 * - `do`: make the call (process context, or `ctx`).
 * - `wait: 'callback'`: block (wait_for_completion_timeout) until the callback of `desc`
 *   has returned `count` times in all (default 1), at most `timeoutUs`; on timeout run
 *   `onTimeout` (the client's error path) and go on.
 * - `wait: 'complete'`: poll tx_status of `desc`'s cookie every `pollUs` until it reads
 *   DMA_COMPLETE, at most `timeoutUs`; on timeout run `onTimeout` and go on. The polls
 *   are real calls and appear in the trace.
 * - `sleep`: let `us` microseconds pass (usleep_range in the kernel; time passes in a
 *   simulation) without calling anything.
 */
export type ProgramStep =
  | { readonly do: ProgramCall; readonly ctx?: StepCtx }
  | { readonly wait: 'callback'; readonly desc: DescId; readonly count?: number; readonly timeoutUs: number; readonly onTimeout?: readonly ProgramStep[] }
  | { readonly wait: 'complete'; readonly desc: DescId; readonly pollUs?: number; readonly timeoutUs: number; readonly onTimeout?: readonly ProgramStep[] }
  | { readonly sleep: number };

/** Where a program comes from (corpus entries cite the kernel file and the fix commit). */
export interface ProgramSource {
  readonly kernel: readonly string[];
  readonly fix?: string;
  readonly note?: string;
}

/** What a corpus program is expected to be judged. */
export interface ProgramExpect {
  readonly verdict: 'conformant' | 'undefined' | 'violation';
  readonly rules?: readonly RuleId[];
}

/** A whole client program (one JSON object; a batch is JSON Lines of these). */
export interface ClientProgram {
  readonly format: 'dmacheck-program/1';
  readonly name: string;
  /** The channels the client may request by name (check-client); a real kernel has its own. */
  readonly slaves?: readonly SlaveEntry[];
  readonly steps: readonly ProgramStep[];
  readonly source?: ProgramSource;
  readonly expect?: ProgramExpect;
}
