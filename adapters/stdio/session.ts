/**
 * A child process seen synchronously: its stdout lines are waited for with
 * `Atomics.wait` while a worker thread (child-worker.mjs) serves the pipes. This is
 * what lets the synchronous, re-entrant `Implementation` contract run over a process.
 * @internal
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** What the worker reports (see child-worker.mjs). */
export type WorkerReport =
  | { readonly kind: 'spawned'; readonly pid: number }
  | { readonly kind: 'line'; readonly line: string }
  /** From the worker only: the lines of one read; {@link ChildSession.next} hands them out one `line` at a time. */
  | { readonly kind: 'lines'; readonly lines: readonly string[] }
  | { readonly kind: 'oversized'; readonly bytes: number }
  | { readonly kind: 'eof' }
  | { readonly kind: 'spawn_error'; readonly code: string; readonly message: string }
  | { readonly kind: 'exit'; readonly code: number | null; readonly signal: string | null; readonly tail: readonly string[] };

/** Process groups still alive, killed when the harness exits however it exits. */
const live = new Set<number>();
let exitHookInstalled = false;
function killGroup(pid: number): void {
  try { process.kill(-pid, 'SIGKILL'); } catch { try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ } }
}
function killAll(): void {
  for (const pid of live) killGroup(pid);
  live.clear();
}
/**
 * Children run in their own process group (so a kill reaches what they started), which
 * also means a terminal's Ctrl-C does not reach them: kill them on exit and on the usual
 * termination signals. If nobody else handles the signal, re-raise it for the default
 * action; if a command does (a graceful stop: cli/interrupt.ts), leave the child serving
 * the current sequence — the exit hook kills it when the command has written its results.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      if (process.listenerCount(sig) > 1) return;
      killAll();
      process.off(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

const WORKER_URL = new URL('./child-worker.mjs', import.meta.url);

/** @internal */
export class ChildSession {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private exitReport: Extract<WorkerReport, { kind: 'exit' }> | undefined;
  /** Lines of the last `lines` report not handed out yet (`at` is the next). */
  private queued: readonly string[] = [];
  private at = 0;
  pid: number | undefined;

  constructor(command: string, args: readonly string[], opts: { maxLineBytes: number; tailLines: number; cwd?: string | undefined }) {
    installExitHook();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_URL, {
      workerData: { command, args, cwd: opts.cwd, maxLineBytes: opts.maxLineBytes, tailLines: opts.tailLines, port: port2, flag: this.flag.buffer },
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    this.worker.unref();
  }

  /** Next report (never `lines`: one `line` at a time), or `undefined` after `timeoutMs` without one. Blocks the thread. */
  next(timeoutMs: number): WorkerReport | undefined {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.at < this.queued.length) return { kind: 'line', line: this.queued[this.at++]! };
      const seen = Atomics.load(this.flag, 0);
      const got = receiveMessageOnPort(this.port);
      if (got) {
        const r = got.message as WorkerReport;
        if (r.kind === 'lines') { this.queued = r.lines; this.at = 0; continue; }
        return this.note(r);
      }
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      // Wakes when the worker bumps the flag after posting (no lost wake-up: we compare with `seen`).
      Atomics.wait(this.flag, 0, seen, left);
    }
  }

  private note(r: WorkerReport): WorkerReport {
    if (r.kind === 'spawned') { this.pid = r.pid; live.add(r.pid); }
    if (r.kind === 'exit') { this.exitReport = r; if (this.pid !== undefined) live.delete(this.pid); }
    return r;
  }

  send(line: string): void {
    this.worker.postMessage({ kind: 'write', line });
  }

  /** True once the child is known to have exited (and been reaped). */
  get exited(): boolean {
    return this.exitReport !== undefined;
  }

  /**
   * Kill the child's process group and wait (bounded) until the worker saw it reaped.
   * Returns the child's last stderr lines. Idempotent.
   */
  kill(): readonly string[] {
    if (!this.exitReport) {
      this.worker.postMessage({ kind: 'kill' });
      if (this.pid !== undefined) killGroup(this.pid);
      const deadline = Date.now() + 3000;
      while (!this.exitReport && Date.now() < deadline) this.next(deadline - Date.now());
    } else if (this.pid !== undefined) {
      killGroup(this.pid); // exited by itself: its background children go too
    }
    void this.worker.terminate();
    return this.exitReport?.tail ?? [];
  }

  /** Stderr lines known so far (after exit: the final tail). */
  tail(): readonly string[] {
    return this.exitReport?.tail ?? [];
  }
}
