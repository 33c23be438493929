/**
 * How kernel certification reaches the guest: the kernel runner of kernel/host
 * (run-batch.ts: one QEMU boot runs a batch of programs and returns their traces).
 * certify, shrinking and replay take a {@link KernelRunner} so that they are tested
 * with traces built in the test, and run against the real guest from the CLI.
 * The types are kernel/host/run-batch.ts's (the shared contract of HELPERS-BRIEF).
 * @public
 */
import type { ClientProgram } from '../../spec/api/program.ts';
import type { BatchResult, KernelEnv } from '../host/run-batch.ts';

export type { BatchResult, KernelEnv, KernelFailure, ProgramRun } from '../host/run-batch.ts';

/** @public */
export interface KernelRunner {
  /** undefined: `dmacheck kernel setup` has not been run. */
  findKernelEnv(): KernelEnv | undefined;
  /** Never throws for guest failures: returns the runs obtained so far plus `error`. */
  runBatch(programs: readonly ClientProgram[], opts?: { timeoutMs?: number; cpus?: 1 }): Promise<BatchResult>;
}

/** A generous guest time limit for `n` programs (the runner kills QEMU by PID after it). @public */
export function batchTimeoutMs(n: number): number {
  return 90_000 + 200 * n;
}
