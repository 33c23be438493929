/**
 * Runs a list of programs in as few boots as possible and judges each run. A boot
 * holds at most `batchSize` programs. When the guest fails (oops, hang, agent error)
 * inside a program whose trace already shows client misuse (an `undefined` verdict), the
 * failure is that misuse's consequence — after undefined behaviour the model holds the
 * kernel to nothing — so the run is kept and the remaining programs go to a fresh boot.
 * Any other guest failure stops the run; everything judged before it is kept.
 * @public
 */
import type { CoverageSink, Model } from '../../spec/api/model-api.ts';
import type { ClientProgram } from '../../spec/api/program.ts';
import { type Judged, judgeRun } from './judge.ts';
import { batchTimeoutMs, type KernelFailure, type KernelRunner } from './runner.ts';

/** One boot's figures. @public */
export interface BootStat { readonly bootMs: number; readonly runMs: number; readonly programs: number }

/** @public */
export interface BatchOutcome {
  /** Judged runs with the program each ran, in program order. */
  readonly judged: readonly { readonly program: ClientProgram; readonly judged: Judged }[];
  readonly boots: readonly BootStat[];
  /** A guest failure that misuse does not explain: the run stopped here. */
  readonly failure?: KernelFailure;
  /** Guest failures explained by the misuse of the program that was running. */
  readonly misuseFailures: readonly { readonly program: string; readonly failure: KernelFailure }[];
}

/** @public */
export interface BatchOptions {
  readonly runner: KernelRunner;
  readonly model: Model<unknown>;
  readonly cov?: CoverageSink;
  readonly batchSize: number;
  readonly onBoot?: (s: BootStat, done: number, total: number) => void;
}

const misused = (j: Judged): boolean => j.ok && j.check.verdicts.some((v) => v.verdict.kind === 'undefined');

/** @public */
export async function runPrograms(programs: readonly ClientProgram[], o: BatchOptions): Promise<BatchOutcome> {
  const judged: { program: ClientProgram; judged: Judged }[] = [];
  const boots: BootStat[] = [];
  const misuseFailures: { program: string; failure: KernelFailure }[] = [];
  let rest = programs;
  while (rest.length > 0) {
    const batch = rest.slice(0, o.batchSize);
    const b = await o.runner.runBatch(batch, { timeoutMs: batchTimeoutMs(batch.length), cpus: 1 });
    const stat = { bootMs: b.bootMs, runMs: b.runMs, programs: b.runs.length };
    boots.push(stat);
    const byName = new Map(batch.map((p) => [p.name, p]));
    for (const run of b.runs) {
      const program = byName.get(run.name);
      if (program) judged.push({ program, judged: judgeRun(run, o.model, o.cov) });
    }
    o.onBoot?.(stat, programs.length - rest.length + b.runs.length, programs.length);
    if (!b.error) {
      if (b.runs.length < batch.length) {
        return { judged, boots, misuseFailures, failure: { kind: 'agent', msg: `the guest returned ${b.runs.length} of ${batch.length} runs without an error`, consoleTail: b.consoleTail } };
      }
      rest = rest.slice(batch.length);
      continue;
    }
    // The program that was running when the guest failed: the first incomplete run, else the next one.
    const open = b.runs.findIndex((r) => !r.complete);
    const at = open >= 0 ? open : b.runs.length;
    const last = open >= 0 ? judged.find((x) => x.program.name === b.runs[open]!.name) : undefined;
    if (!last || !misused(last.judged)) return { judged, boots, misuseFailures, failure: b.error };
    misuseFailures.push({ program: last.program.name, failure: b.error });
    rest = rest.slice(at + 1);
  }
  return { judged, boots, misuseFailures };
}
