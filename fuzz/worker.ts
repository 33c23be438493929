/**
 * A fuzz worker thread: resolves the implementation itself (implementations cannot
 * cross threads), runs its own {@link Campaign} with the seed it was given, and posts
 * progress (counters + coverage snapshot), findings and a final report. Stops when the
 * shared stop flag is set — checked between sequences and inside shrinking.
 * Loaded through worker-entry.mjs (a worker does not inherit the tsx loader).
 * @internal
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveImplementation } from '../adapters/resolve.ts';
import { UsageError } from '../io/errors.ts';
import type { Implementation, Model } from '../spec/api/index.ts';
import { loadModel } from '../trace/load-model.ts';
import { Campaign } from './campaign.ts';
import type { FromWorker, ToWorker, WorkerInit, WorkerStats } from './messages.ts';
import { ruleOfSignature } from './shrink.ts';

const PROGRESS_MS = 400;

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('fuzz/worker.ts must run in a worker thread');
  const d = workerData as WorkerInit;
  const post = (m: FromWorker) => port.postMessage(m);
  const flag = new Int32Array(d.stop);
  const enough = new Set(d.enough);
  port.on('message', (m: ToWorker) => { if (m.kind === 'enough') enough.add(m.rule); });
  let impl: Implementation;
  let model: Model<unknown>;
  try {
    impl = await resolveImplementation({ impl: d.impl, implCmd: d.implCmd, timeoutMs: d.timeoutMs });
    model = await loadModel();
  } catch (e) {
    post({ kind: 'error', worker: d.worker, msg: e instanceof Error ? e.message : String(e), usage: e instanceof UsageError });
    port.close();
    return;
  }
  const c = new Campaign({
    model, impl, implSpec: d.implSpec, seed: d.seed, worker: d.worker, runs: d.runs, timeMs: d.timeMs,
    maxLength: d.maxLength, misuseShare: d.misuseShare, shrinkMs: d.shrinkMs, guided: d.guided, digest: d.digest,
    stop: () => Atomics.load(flag, 0) !== 0,
    wants: (sig) => !enough.has(ruleOfSignature(sig)),
    onFinding: (finding) => post({ kind: 'finding', worker: d.worker, finding }),
  });
  const stats = (): WorkerStats => ({ sequences: c.sequences, commands: c.commands, failures: c.failures, firstFailureMs: c.firstFailureMs, digest: c.digest, elapsedMs: c.elapsed() });
  let last = Date.now();
  try {
    while (!c.runSlice(40)) {
      if (Date.now() - last >= PROGRESS_MS) {
        post({ kind: 'progress', worker: d.worker, stats: stats(), cov: c.cov.snapshot() });
        last = Date.now();
      }
      // Let 'enough' messages in.
      await new Promise((r) => setImmediate(r));
    }
    if (c.implError) post({ kind: 'impl_error', worker: d.worker, failure: c.implError });
    post({ kind: 'done', worker: d.worker, stats: stats(), cov: c.cov.snapshot() });
  } catch (e) {
    post({ kind: 'error', worker: d.worker, msg: `worker ${d.worker}: ${e instanceof Error ? e.message : String(e)}`, usage: false });
  } finally {
    impl.dispose?.();
    port.close();
  }
}

await main();
