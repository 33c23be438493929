/**
 * How kernel certification reaches the guest: the kernel runner of kernel/host
 * (run-batch.ts: one QEMU boot runs a batch of programs and returns their traces).
 * certify, shrinking and replay take a {@link KernelRunner} so that they are tested
 * with traces built in the test, and run against the real guest from the CLI.
 * The types mirror kernel/host/run-batch.ts (the shared contract of HELPERS-BRIEF).
 * @public
 */
import type { ClientProgram } from '../../spec/api/program.ts';

/** The kernel a cache holds. @public */
export interface KernelEnv { readonly abi: string; readonly release: string; readonly machine: 'raspi3b'; readonly driver: 'bcm2835-dma'; readonly cacheDir: string }
/** One program's recorded run: a dmacheck-trace/1.1 JSONL text; `complete` = the program ran to its end. @public */
export interface ProgramRun { readonly name: string; readonly trace: string; readonly complete: boolean }
/** What stopped a boot early. @public */
export interface KernelFailure { readonly kind: 'boot' | 'module_load' | 'oops' | 'hang' | 'agent'; readonly msg: string; readonly consoleTail: readonly string[] }
/** One boot's outcome: the runs obtained (in program order) and, if the guest failed, why. @public */
export interface BatchResult {
  readonly env: KernelEnv; readonly runs: readonly ProgramRun[]; readonly bootMs: number; readonly runMs: number;
  readonly consoleTail: readonly string[]; readonly error?: KernelFailure;
}

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
