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
import { saveCounterexampleC } from '../../properties/counterexample/file.ts';
import { applyBaseline, type RunResult } from '../../reports/index.ts';
import type { Model } from '../../spec/api/index.ts';
import { EXIT } from '../exit-codes.ts';
import { certifyExit, writeResult } from './certify-output.ts';
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
  const recorded = o.record !== undefined ? (out.cases[0]?.trace ?? out.lastTrace) : undefined;
  if (o.record !== undefined && recorded !== undefined) writeOutput(o.record, recorded);
  await writeResult(result, {
    json: o.json, out: o.out, reportDir: o.reportDir, formats: o.formats, inconclusive: batchInconclusiveLine(result),
    recorded: recorded !== undefined ? o.record : undefined,
    counterexampleTexts: () => result.counterexamples.flatMap((c, i) => { const k = out.cases[i]; return k ? [batchCounterexampleText(c, k, files[i])] : []; }),
  });
  return out.stopped ? EXIT.interrupted : certifyExit(result);
}
