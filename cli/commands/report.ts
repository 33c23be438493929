/**
 * `dmacheck report merge DIR... --out DIR` and `dmacheck report render FILE
 * --report-dir DIR`: combine shard reports, or re-render a saved report.json, in
 * any formats, optionally against a `--baseline`. Exit status as certify: 0 pass,
 * 1 new violations, 2 bad arguments or input, 3 implementation error.
 * @internal
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { checkDirCreatable } from '../../io/ensure-dir.ts';
import { EXIT } from '../exit-codes.ts';
import { missingShards, refuseDuplicateShards } from '../../reports/gating/shards.ts';
import { applyBaseline, mergeResults, parseFormats, readResult, writeReports, type RunResult } from '../../reports/index.ts';

interface OutputOptions { readonly format: string; readonly baseline?: string }

const EXIT_OF: Readonly<Record<RunResult['verdict'], number>> = { pass: EXIT.ok, fail: EXIT.violations, error: EXIT.implError, inconclusive: EXIT.inconclusive };

/** A shard argument: a directory holding report.json, or the file itself. */
async function reportFile(arg: string): Promise<string> {
  const s = await stat(arg).catch(() => null);
  return s?.isDirectory() ? join(arg, 'report.json') : arg;
}

async function emit(result: RunResult, dir: string, opts: OutputOptions): Promise<void> {
  const formats = parseFormats(opts.format);
  checkDirCreatable(dir);
  const judged = opts.baseline === undefined ? result : applyBaseline(result, await readResult(opts.baseline));
  for (const w of await writeReports(judged, dir, formats)) process.stdout.write(`wrote ${w.path} (${w.bytes} bytes)\n`);
  const known = judged.known?.length ?? 0;
  process.stdout.write(`verdict: ${judged.verdict}${known > 0 ? ` (${known} known violation(s) from the baseline)` : ''}${judged.partial ? ' (partial)' : ''}\n`);
  process.exitCode = EXIT_OF[judged.verdict];
}

/** Register `dmacheck report`. */
export function register(program: Command): void {
  const report = program.command('report').description('merge shard reports or re-render a saved report.json');
  report
    .command('merge')
    .description('combine the report.json of several shards into one report')
    .argument('<dirs...>', 'shard report directories (or report.json files)')
    .requiredOption('--out <dir>', 'directory to write the merged reports to')
    .option('--format <list>', 'comma-separated: text,json,junit,ktap,md,html or all', 'all')
    .option('--baseline <file>', 'fail only on violations not in this report.json')
    .action(async (dirs: string[], opts: OutputOptions & { out: string }) => {
      const files = await Promise.all(dirs.map(reportFile));
      const results = await Promise.all(files.map(readResult));
      refuseDuplicateShards(results, files);
      const missing = missingShards(results);
      if (missing.length > 0) process.stderr.write(`dmacheck: report merge: missing shard(s) ${missing.join(', ')}: the merged result is partial\n`);
      await emit(mergeResults(results), opts.out, opts);
    });
  report
    .command('render')
    .description('render a saved report.json in other formats')
    .argument('<file>', 'a report.json (or a directory holding one)')
    .requiredOption('--report-dir <dir>', 'directory to write the reports to')
    .option('--format <list>', 'comma-separated: text,json,junit,ktap,md,html or all', 'all')
    .option('--baseline <file>', 'fail only on violations not in this report.json')
    .action(async (file: string, opts: OutputOptions & { reportDir: string }) => {
      await emit(await readResult(await reportFile(file)), opts.reportDir, opts);
    });
  // Nested subcommands do not inherit main.ts's error handling: one line, status 2, no process.exit.
  for (const sub of report.commands) sub.exitOverride().configureOutput({ writeErr: () => {} });
}
