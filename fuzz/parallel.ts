/**
 * `--workers N`: N worker threads, each a whole campaign with its own derived seed and
 * its own guidance (so each worker's sequences are a function of its seed alone), merged
 * here: counters summed, coverage counts added, findings passed on as they arrive.
 * Stopping sets a shared flag every worker polls, so a Ctrl-C is seen within one
 * sequence even in the middle of shrinking.
 * @public
 */
import { Worker } from 'node:worker_threads';
import { isCompiled } from '../io/own-module.ts';
import type { AdapterFailure } from './campaign.ts';
import { CoverageMap, type CoverageSnapshot } from './coverage.ts';
import type { Finding } from './finding.ts';
import type { FromWorker, ToWorker, WorkerInit, WorkerStats } from './messages.ts';
import { deriveSeed } from './rng.ts';

/** @public */
export interface PoolOptions extends Omit<WorkerInit, 'seed' | 'worker' | 'runs' | 'stop'> {
  readonly workers: number;
  /** Seed of the (shard's) campaign; worker w uses deriveSeed(seed, w). */
  readonly seed: number;
  /** Total sequences, split across workers (undefined: time-bounded). */
  readonly runs: number | undefined;
}

/** @public */
export interface PoolEvents {
  readonly onFinding: (f: Finding, worker: number) => void;
  readonly onProgress?: () => void;
}

/** Merged view of all workers. @public */
export interface PoolTotals {
  readonly sequences: number;
  readonly commands: number;
  readonly failures: number;
  readonly firstFailureMs: number | undefined;
  /** The longest a worker's campaign has run (ms, start-up excluded): the time rates are over. */
  readonly busyMs: number;
  readonly perWorker: readonly WorkerStats[];
}

/** Worker w's share of `runs`: an even split, the first ones take the remainder. @public */
export function splitRuns(runs: number, parts: number, index: number): number {
  return Math.floor(runs / parts) + (index < runs % parts ? 1 : 0);
}

// Compiled (dist/), the worker is plain JavaScript; from the sources it needs tsx registered first.
const ENTRY = new URL(isCompiled(import.meta.url) ? './worker.js' : './worker-entry.mjs', import.meta.url);
const EMPTY: WorkerStats = { sequences: 0, commands: 0, failures: 0, firstFailureMs: undefined, digest: 0, elapsedMs: 0 };

/** @public */
export class WorkerPool {
  private readonly stopBuf = new SharedArrayBuffer(4);
  private readonly workers: Worker[] = [];
  private readonly stats: WorkerStats[];
  private readonly covs: CoverageSnapshot[];
  /** First error a worker reported (bad implementation, crash of the harness). */
  error: { readonly msg: string; readonly usage: boolean } | undefined;
  /** First adapter failure (the implementation's process hung, crashed or broke the protocol); the run stops. */
  implError: AdapterFailure | undefined;
  readonly done: Promise<void>;

  constructor(private readonly o: PoolOptions, private readonly ev: PoolEvents) {
    this.stats = Array.from({ length: o.workers }, () => EMPTY);
    this.covs = Array.from({ length: o.workers }, () => ({ pairs: [], rules: [], advisories: [] }));
    const { workers: n, runs, seed, ...rest } = o;
    const exits: Promise<void>[] = [];
    for (let w = 0; w < n; w++) {
      const init: WorkerInit = { ...rest, seed: deriveSeed(seed, w), worker: w, runs: runs === undefined ? undefined : splitRuns(runs, n, w), stop: this.stopBuf };
      const worker = new Worker(ENTRY, { workerData: init });
      worker.on('message', (m: FromWorker) => this.onMessage(m));
      exits.push(new Promise((resolve) => {
        worker.on('error', (e) => { this.error ??= { msg: `worker ${w}: ${e.message}`, usage: false }; });
        worker.on('exit', () => resolve());
      }));
      this.workers.push(worker);
    }
    this.done = Promise.all(exits).then(() => undefined);
  }

  /** Ask every worker to stop after its current sequence (or shrinking step). */
  stop(): void {
    Atomics.store(new Int32Array(this.stopBuf), 0, 1);
  }

  /** Tell every worker something (e.g. a rule reached its corpus cap). */
  tell(m: ToWorker): void {
    for (const w of this.workers) w.postMessage(m);
  }

  /** Counters summed over workers. */
  totals(): PoolTotals {
    const sum = (f: (s: WorkerStats) => number) => this.stats.reduce((a, s) => a + f(s), 0);
    const firsts = this.stats.map((s) => s.firstFailureMs).filter((x): x is number => x !== undefined);
    return { sequences: sum((s) => s.sequences), commands: sum((s) => s.commands), failures: sum((s) => s.failures), busyMs: Math.max(0, ...this.stats.map((s) => s.elapsedMs)), firstFailureMs: firsts.length ? Math.min(...firsts) : undefined, perWorker: this.stats };
  }

  /** Coverage counts added over workers (latest snapshot of each). */
  coverage(): CoverageMap {
    const c = new CoverageMap();
    for (const s of this.covs) c.add(s);
    return c;
  }

  private onMessage(m: FromWorker): void {
    switch (m.kind) {
      case 'progress':
      case 'done':
        this.stats[m.worker] = m.stats;
        this.covs[m.worker] = m.cov;
        this.ev.onProgress?.();
        return;
      case 'finding':
        this.ev.onFinding(m.finding, m.worker);
        return;
      case 'impl_error':
        this.implError ??= m.failure;
        this.stop();
        return;
      case 'error':
        this.error ??= { msg: m.msg, usage: m.usage };
        this.stop();
        return;
    }
  }
}
