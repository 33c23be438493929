/**
 * `dmacheck certify --impl-cmd CMD` when the implementation's `hello` offers the batch
 * extension (batch/1, docs/PROTOCOL.md): whole client programs instead of one request per
 * call (properties/batch/). Same table, summary, reports and exit statuses as the per-call
 * path; counterexample files keep the program, its configuration and the returned trace.
 * Chosen with `--batch`; the per-call path is the default.
 * @internal
 */
import { join } from 'node:path';
import type { StdioImplementation } from '../../adapters/stdio/client.ts';
import { checkDirCreatable, ensureDir } from '../../io/ensure-dir.ts';
import { writeOutput } from '../../io/write-output.ts';
import { batchCertify } from '../../properties/batch/certify.ts';
import { batchCounterexampleText, saveBatchCounterexample } from '../../properties/batch/text.ts';
import { ruleTable, summary } from '../../properties/certify/table.ts';
import { saveCounterexampleC } from '../../properties/counterexample/file.ts';
import { applyBaseline, type RunResult, writeReports } from '../../reports/index.ts';
import type { Model } from '../../spec/api/index.ts';
import { EXIT } from '../exit-codes.ts';
import type { ReportFormat } from '../../reports/index.ts';

/** What the certify command already parsed. @internal */
export interface BatchRunOptions {
  readonly impl: StdioImplementation;
  readonly implCmd: string;
  readonly model: Model<unknown>;
  readonly seed: number;
  readonly runs: number | undefined;
  readonly timeMs: number | undefined;
  readonly version: string;
  readonly json: boolean;
  readonly out: string | undefined;
  readonly cxDir: string;
  readonly record: string | undefined;
  readonly reportDir: string | undefined;
  readonly formats: readonly ReportFormat[];
  readonly baseline: RunResult | undefined;
  readonly strict: boolean;
  readonly allowUnexercised: boolean;
  readonly stop: () => boolean;
  /** The per-call path's helpers (cli/commands/certify.ts), so both paths print alike. */
  readonly lines: { certifyExit(r: RunResult): number; implErrorLine(r: RunResult): string; stderrTailText(r: RunResult): string };
}

/**
 * Why a batch run is inconclusive: most unexercised rules are out of the programs' reach at
 * any budget (they are slave_sg clients), so the way on is certify without --batch, not a larger budget.
 */
function batchInconclusiveLine(r: RunResult): string {
  if (r.verdict !== 'inconclusive') return '';
  const missing = r.rules.filter((v) => v.verdict === 'not_exercised').map((v) => v.id);
  return `not exercised by the batch programs: ${missing.join(', ')} (they are slave_sg clients: certify without --batch exercises the rest; or accept it with --allow-unexercised)\n`;
}

/** Runs batch certification and prints/writes its results; returns the exit status. @internal */
export async function certifyOverBatch(o: BatchRunOptions): Promise<number> {
  checkDirCreatable(o.cxDir);
  if (!o.json) process.stderr.write(`certify: ${o.impl.name} offers batch/1: sending whole client programs (--batch)\n`);
  const out = await batchCertify({
    model: o.model, target: o.impl, seed: o.seed, runs: o.runs, timeMs: o.timeMs, version: o.version,
    strict: o.strict, allowUnexercised: o.allowUnexercised, stop: o.stop,
    progress: o.json ? undefined : (l) => process.stderr.write(`${l}\n`),
  });
  const result = o.baseline ? applyBaseline(out.result, o.baseline) : out.result;
  const files = out.cases.map((k, i) => {
    const c = out.result.counterexamples[i]!;
    ensureDir(o.cxDir);
    const file = join(o.cxDir, `${c.rule ?? c.kind}-${i + 1}.json`);
    saveBatchCounterexample(file, c, k, o.implCmd);
    saveCounterexampleC(file, c);
    return file;
  });
  if (o.out) writeOutput(o.out, `${JSON.stringify(result, null, 1)}\n`);
  if (o.reportDir !== undefined) await writeReports(result, o.reportDir, [...o.formats]);
  const recorded = o.record !== undefined ? (out.cases[0]?.trace ?? out.lastTrace) : undefined;
  if (o.record !== undefined && recorded !== undefined) writeOutput(o.record, recorded);
  if (o.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    process.stdout.write(`${ruleTable(result)}\n\n`);
    result.counterexamples.forEach((c, i) => {
      const k = out.cases[i];
      if (k) process.stdout.write(`${i > 0 ? 'also: ' : ''}${batchCounterexampleText(c, k, files[i])}\n\n`);
    });
    process.stdout.write(o.lines.stderrTailText(result));
    if (result.known?.length) process.stdout.write(`known violations (in the baseline): ${result.known.join(', ')}\n`);
    if (recorded !== undefined) process.stdout.write(`recorded: ${o.record} (check with: dmacheck check-trace ${o.record})\n`);
    process.stdout.write(batchInconclusiveLine(result));
    process.stdout.write(`${summary(result)}\n`);
  }
  if (result.implError) process.stderr.write(`dmacheck: ${o.lines.implErrorLine(result)}\n`);
  return out.stopped ? EXIT.interrupted : o.lines.certifyExit(result);
}
