/**
 * `dmacheck mutants`: the kill matrix — certification (and a plain fast-check baseline)
 * against every mutant engine with a per-mutant budget and a fixed seed. `--list` prints
 * the mutants. Exit 0 when every selected mutant is killed, 1 when one survives,
 * 2 usage error, 130 interrupted (the rows done so far are printed and written).
 * @internal
 */
import type { Command } from 'commander';
import { MUTANTS } from '../../impl/mutants/index.ts';
import { GATE_BUDGET } from '../../mutants/gate.ts';
import { type Matrix, runMatrixUntil, selectMutants } from '../../mutants/matrix.ts';
import { matrixSummary, matrixTable, mutantList } from '../../mutants/table.ts';
import { loadModel } from '../../trace/load-model.ts';
import { checkOutputPath, writeOutput } from '../../io/write-output.ts';
import { EXIT, UsageError } from '../exit-codes.ts';
import { trapInterrupt } from '../interrupt.ts';
import { parseDuration } from '../options.ts';

interface Opts { list?: boolean; only?: string; seed?: string; budget?: string; out?: string; json?: boolean; baseline: boolean }

/** Default per-mutant budget: the CI gate's, so `dmacheck mutants` and the gate agree. @internal */
export const DEFAULT_BUDGET = GATE_BUDGET;

/** `--budget`: `RUNS`, `TIME` (e.g. 5s) or `RUNS,TIME`. @internal */
export function parseBudget(s: string): { runs: number; timeMs: number } {
  const parts = s.split(',').map((p) => p.trim());
  if (parts.length > 2 || parts.some((p) => p === '')) throw new UsageError(`--budget '${s}': expected RUNS, TIME or RUNS,TIME (e.g. 300,10s)`);
  const runsPart = parts.length === 2 || /^\d+$/.test(parts[0]!) ? parts[0]! : undefined;
  const timePart = parts.length === 2 ? parts[1]! : runsPart === undefined ? parts[0]! : undefined;
  let runs: number = DEFAULT_BUDGET.runs;
  if (runsPart !== undefined) {
    runs = /^\d+$/.test(runsPart) ? Number(runsPart) : 0;
    if (runs < 1 || runs > 1_000_000) throw new UsageError(`--budget: runs '${runsPart}' must be an integer from 1 to 1000000`);
  }
  const timeMs = timePart !== undefined ? parseDuration(timePart, `--budget: time`) : DEFAULT_BUDGET.timeMs;
  return { runs, timeMs };
}

function parseSeed(s: string): number {
  if (!/^-?\d+$/.test(s.trim()) || Math.abs(Number(s)) > 0x7fffffff) throw new UsageError(`--seed '${s}': expected a 32-bit integer`);
  return Number(s);
}

/** @internal */
export function register(program: Command): void {
  program
    .command('mutants')
    .description('kill matrix: certify every mutant engine (and a plain fast-check baseline)')
    .option('--list', 'list the mutants (name, bug class, rules, known minimum)')
    .option('--only <names>', 'comma-separated mutant names')
    .option('--seed <n>', 'fast-check seed (default 42)')
    .option('--budget <runs,time>', `per-mutant budget, e.g. 300,10s (default ${DEFAULT_BUDGET.runs},${DEFAULT_BUDGET.timeMs / 1000}s)`)
    .option('--no-baseline', 'skip the plain fast-check baseline')
    .option('--json', 'print the matrix JSON instead of the table')
    .option('--out <file>', 'also write the matrix JSON here')
    .action(async (opts: Opts) => {
      const only = opts.only?.split(',').map((n) => n.trim()).filter((n) => n !== '');
      const { specs, unknown } = selectMutants(only);
      if (unknown.length > 0) throw new UsageError(`unknown mutant '${unknown[0]}' (list them with: dmacheck mutants --list)`);
      if (opts.list) {
        process.stdout.write(`${mutantList(only ? specs : MUTANTS)}\n`);
        return;
      }
      const seed = opts.seed !== undefined ? parseSeed(opts.seed) : 42;
      const budget = opts.budget !== undefined ? parseBudget(opts.budget) : DEFAULT_BUDGET;
      if (opts.out) checkOutputPath(opts.out);
      const model = await loadModel();
      // Ctrl-C ends the matrix after the mutant being killed; the rows so far are written (partial).
      const ctrlC = trapInterrupt('mutants', 'finishing the current mutant and writing the rows so far');
      let m: Matrix;
      try {
        m = await runMatrixUntil({
          model, seed, ...budget, only, baseline: opts.baseline,
          onRow: opts.json ? undefined : (r, done, total) =>
            process.stderr.write(`mutants: ${r.mutant} ${r.certify.killed ? 'killed' : 'SURVIVED'} (${done}/${total})\n`),
        }, ctrlC.requested);
      } finally {
        ctrlC.release();
      }
      if (opts.out) writeOutput(opts.out, `${JSON.stringify(m, null, 1)}\n`);
      process.stdout.write(opts.json ? `${JSON.stringify(m)}\n` : `${matrixTable(m)}\n\n${matrixSummary(m)}${m.partial ? ' (partial: interrupted)' : ''}\n`);
      process.exitCode = m.partial ? EXIT.interrupted : m.summary.certify.killed === m.rows.length ? EXIT.ok : EXIT.violations;
    });
}
