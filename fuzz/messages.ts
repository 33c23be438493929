/**
 * Messages between the campaign driver (main thread) and fuzz workers. Plain data
 * (structured clone). @internal
 */
import type { AdapterFailure } from './campaign.ts';
import type { CoverageSnapshot } from './coverage.ts';
import type { Finding } from './finding.ts';

/** What a worker is started with. @internal */
export interface WorkerInit {
  readonly impl: string | undefined;
  readonly implCmd: string | undefined;
  readonly timeoutMs: number | undefined;
  /** Name counterexample files give the implementation. */
  readonly implSpec: string;
  readonly seed: number;
  readonly worker: number;
  readonly runs: number | undefined;
  readonly timeMs: number | undefined;
  readonly maxLength: number;
  readonly misuseShare: number;
  readonly shrinkMs: number;
  readonly guided: boolean;
  readonly digest: boolean;
  /** Rules whose corpus cap is already reached (not worth shrinking). */
  readonly enough: readonly string[];
  /** SharedArrayBuffer(4): non-zero = stop now. */
  readonly stop: SharedArrayBuffer;
}

/** Counters a worker reports. @internal */
export interface WorkerStats {
  readonly sequences: number;
  readonly commands: number;
  readonly failures: number;
  readonly firstFailureMs: number | undefined;
  readonly digest: number;
  /** ms the worker's campaign has been running (start-up excluded). */
  readonly elapsedMs: number;
}

/** @internal */
export type FromWorker =
  | { readonly kind: 'progress'; readonly worker: number; readonly stats: WorkerStats; readonly cov: CoverageSnapshot }
  | { readonly kind: 'finding'; readonly worker: number; readonly finding: Finding }
  | { readonly kind: 'done'; readonly worker: number; readonly stats: WorkerStats; readonly cov: CoverageSnapshot }
  | { readonly kind: 'error'; readonly worker: number; readonly msg: string; readonly usage: boolean }
  | { readonly kind: 'impl_error'; readonly worker: number; readonly failure: AdapterFailure };

/** @internal */
export type ToWorker = { readonly kind: 'enough'; readonly rule: string };
