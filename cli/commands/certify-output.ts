/**
 * What both certify paths (per call, cli/commands/certify.ts; batch/1, certify-batch.ts) and
 * `kernel certify` print and write at the end of a run: the exit status, the rule table, the
 * counterexamples, the one-line errors.
 * @internal
 */
import { writeOutput } from '../../io/write-output.ts';
import { ruleTable, summary } from '../../properties/certify/table.ts';
import { type ReportFormat, type RunResult, writeReports } from '../../reports/index.ts';
import { EXIT } from '../exit-codes.ts';

/** Exit status of a finished certification. @internal */
export function certifyExit(r: RunResult): number {
  if (r.implError) return EXIT.implError;
  if (r.counterexamples.some((c) => c.kind === 'model_bug')) return EXIT.internal;
  const byVerdict: Readonly<Record<RunResult['verdict'], number>> = { pass: EXIT.ok, fail: EXIT.violations, error: EXIT.implError, inconclusive: EXIT.inconclusive };
  return byVerdict[r.verdict];
}

/** Why a run is inconclusive, and what to do about it (empty otherwise). @internal */
export function inconclusiveLine(r: RunResult): string {
  if (r.verdict !== 'inconclusive') return '';
  const missing = r.rules.filter((v) => v.verdict === 'not_exercised').map((v) => v.id);
  return `not exercised: ${missing.join(', ')} (raise --runs or --time, or accept it with --allow-unexercised)\n`;
}

/** The one line naming an implementation error. @internal */
export function implErrorLine(r: RunResult): string {
  const e = r.implError;
  return e ? `implementation error (${e.what}) in ${r.implementation.name}: ${e.msg}` : '';
}

/** The implementation's last stderr lines, indented (empty if none). @internal */
export function stderrTailText(r: RunResult): string {
  const tail = r.implError?.stderrTail ?? [];
  return tail.length > 0 ? `last stderr lines of ${r.implementation.name}:\n${tail.map((l) => `  | ${l}`).join('\n')}\n` : '';
}

/** How one finished run is written out. @internal */
export interface ResultOutput {
  readonly json: boolean;
  /** `--out`: the RunResult JSON. */
  readonly out: string | undefined;
  readonly reportDir: string | undefined;
  readonly formats: readonly ReportFormat[];
  /** The counterexamples' texts, most specific first (built only for the text output). */
  readonly counterexampleTexts: () => readonly string[];
  /** The `--record` file written, if any. */
  readonly recorded: string | undefined;
  /** Why the run is inconclusive and what to do (empty otherwise). */
  readonly inconclusive: string;
}

/** Writes `--out` and the reports, prints the table (or the JSON) and the implementation error line. @internal */
export async function writeResult(r: RunResult, o: ResultOutput): Promise<void> {
  if (o.out) writeOutput(o.out, `${JSON.stringify(r, null, 1)}\n`);
  if (o.reportDir !== undefined) await writeReports(r, o.reportDir, [...o.formats]);
  if (o.json) {
    process.stdout.write(`${JSON.stringify(r)}\n`);
  } else {
    process.stdout.write(`${ruleTable(r)}\n\n`);
    // The first is the most specific (properties/certify/rank.ts); the others are the same engine seen through other rules.
    o.counterexampleTexts().forEach((t, i) => process.stdout.write(`${i > 0 ? 'also: ' : ''}${t}\n\n`));
    process.stdout.write(stderrTailText(r));
    if (r.known?.length) process.stdout.write(`known violations (in the baseline): ${r.known.join(', ')}\n`);
    if (o.recorded !== undefined) process.stdout.write(`recorded: ${o.recorded} (check with: dmacheck check-trace ${o.recorded})\n`);
    process.stdout.write(o.inconclusive);
    process.stdout.write(`${summary(r)}\n`);
  }
  if (r.implError) process.stderr.write(`dmacheck: ${implErrorLine(r)}\n`);
}
