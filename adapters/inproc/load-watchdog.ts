/**
 * A bound on loading a user module (`--impl ./x.ts`): its top-level code runs inside
 * `import()`, where no `vm` timeout reaches, so a watcher thread notices when our event
 * loop stops turning for `ms` while the module loads (slow transpiling keeps it turning;
 * a top-level endless loop does not), stops our JavaScript through the inspector
 * (`Runtime.terminateExecution`) and has the process exit 3 with one line naming the
 * module. Nothing has run yet, so nothing is lost. Only on the main thread: the
 * inspector's `connectToMainThread` cannot reach a worker (fuzz workers load a module
 * the main thread has already loaded).
 * @internal
 */
import { isMainThread, Worker } from 'node:worker_threads';

/** cli/exit-codes.ts EXIT.implError (adapters do not import the CLI). */
const EXIT_IMPL_ERROR = 3;
const TICK_MS = 25;
const LOADING = 0;
const DONE = 1;
const CLAIMED = 2;

// CommonJS, evaluated in the watcher thread. Slot 0: LOADING/DONE/CLAIMED; slot 1: ticks of our event loop.
const WATCHER = `
const { workerData: d, parentPort } = require('node:worker_threads');
const a = new Int32Array(d.sab);
(function watch() {
  let ticks = Atomics.load(a, 1), since = Date.now();
  for (;;) {
    Atomics.wait(a, 0, ${LOADING}, ${TICK_MS * 2});
    if (Atomics.load(a, 0) !== ${LOADING}) return;
    const t = Atomics.load(a, 1);
    if (t !== ticks) { ticks = t; since = Date.now(); continue; }
    if (Date.now() - since < d.ms || Atomics.compareExchange(a, 0, ${LOADING}, ${CLAIMED}) !== ${LOADING}) continue;
    const { Session } = require('node:inspector');
    const s = new Session();
    s.connectToMainThread();
    // The session's replies do not keep this thread alive: a timer does, until the verdict is sent.
    const alive = setInterval(() => {}, 1000);
    // A second, harmless evaluation takes the termination if our thread was idle after all.
    // No s.disconnect(): tearing the session down from here can abort Node 20 (the process exits anyway).
    s.post('Runtime.terminateExecution', () => s.post('Runtime.evaluate', { expression: '0' }, () => {
      parentPort.postMessage('hung');
      clearInterval(alive);
    }));
    return;
  }
})();
`;

/** Runs `load` (an import); if it blocks our thread for `ms`, the process ends with exit 3 naming `what`. @internal */
export async function watchLoad<T>(what: string, ms: number, load: () => Promise<T>): Promise<T> {
  if (!isMainThread) return load();
  const a = new Int32Array(new SharedArrayBuffer(8));
  const ticker = setInterval(() => Atomics.add(a, 1, 1), TICK_MS);
  ticker.unref();
  const watcher = new Worker(WATCHER, { eval: true, workerData: { sab: a.buffer, ms } });
  watcher.on('message', () => {
    process.stderr.write(`dmacheck: implementation error (timeout: loading ${what} did not finish: its code ran for ${ms} ms without returning)\n`);
    // Ending the watcher first closes its inspector session (else Node waits "for the debugger to disconnect").
    void watcher.terminate().finally(() => process.exit(EXIT_IMPL_ERROR));
  });
  watcher.on('error', () => { /* a watcher that cannot start leaves the load unwatched */ });
  try {
    return await load();
  } finally {
    clearInterval(ticker);
    if (Atomics.compareExchange(a, 0, LOADING, DONE) === LOADING) {
      Atomics.notify(a, 0);
      watcher.unref();
    } else {
      // The watcher already claimed the load: wait here for its verdict (exit 3).
      await new Promise<never>(() => { /* never settles */ });
    }
  }
}

/** How long loading may block our thread: the per-request timeout, but at least 2 s (a cold start is slow). @internal */
export function loadBoundMs(timeoutMs: number): number {
  return Math.max(timeoutMs, 2000);
}
