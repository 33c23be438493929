/**
 * The real {@link KernelRunner}: kernel/host/run-batch.ts (QEMU + the agent), loaded by
 * URL so that certification, shrinking and their tests do not depend on the host
 * module at type-check time (the same way trace/load-model.ts loads the model).
 * A missing or malformed module is an internal error, not a verdict.
 * @internal
 */
import type { KernelRunner } from './runner.ts';

const RUN_BATCH_URL = new URL('../host/run-batch.ts', import.meta.url).href;

/** @internal */
export async function loadHostRunner(): Promise<KernelRunner> {
  const mod = (await import(RUN_BATCH_URL)) as Partial<KernelRunner>;
  if (typeof mod.findKernelEnv !== 'function' || typeof mod.runBatch !== 'function') {
    throw new Error('kernel/host/run-batch.ts does not export findKernelEnv and runBatch');
  }
  return { findKernelEnv: mod.findKernelEnv, runBatch: mod.runBatch };
}
