/**
 * The real {@link KernelRunner}: kernel/host/run-batch.ts (QEMU + the agent module).
 * @internal
 */
import { findKernelEnv, runBatch } from '../host/run-batch.ts';
import type { KernelRunner } from './runner.ts';

/** @internal */
export const hostRunner: KernelRunner = { findKernelEnv, runBatch };
