/**
 * `dmacheck check-trace FILE.jsonl`: checks a recorded trace (docs/TRACE.md) against
 * the reference model, for client misuse and engine obligations alike. Prints one line
 * per verdict (`file:line: violation RULE: msg`) — every advisory, the first undefined
 * behaviour of each channel, then at most one violation (issue 15) — and a summary.
 * Exit 0 conformant or advisories only (1 with `--strict`), 1 violation or undefined
 * behaviour found, 2 malformed trace, 4 model bug.
 * @internal
 */
import type { Command } from 'commander';
import { checkDirCreatable } from '../../io/ensure-dir.ts';
import { CoverageCounter } from '../../properties/certify/coverage.ts';
import { parseFormats, writeReports } from '../../reports/index.ts';
import { checkTrace, formatVerdict, type TraceCheckResult, traceFails, worstOf } from '../../trace/check.ts';
import { loadModel } from '../../trace/load-model.ts';
import { parseTrace, type ParsedTrace } from '../../trace/parse.ts';
import { readTraceFile } from '../../trace/read.ts';
import { EXIT } from '../exit-codes.ts';
import { reportOptions, strictOption } from '../options.ts';
import { VERSION } from '../version.ts';
import { traceRunResult } from './check-trace-result.ts';

interface Opts { json?: boolean; strict?: boolean; reportDir?: string; format: string }

/** Exit status of a checked trace: the worst verdict decides; advisories fail only under `strict`. @internal */
export function traceExit(r: TraceCheckResult, strict: boolean): number {
  if (worstOf(r.verdicts) === 'model_bug') return EXIT.internal;
  return traceFails(r.verdicts, strict) ? EXIT.violations : EXIT.ok;
}

/** `N entries, <scope>: conformant | n verdict(s) (a advisory, u undefined, v violation)`. */
function summaryLine(file: string, parsed: ParsedTrace, result: TraceCheckResult, code: number): string {
  const scope = result.endChecked ? 'end-of-run obligations checked'
    : parsed.ended ? 'stopped at the first violation'
    : `trace stops${parsed.open > 0 ? ` inside ${parsed.open} open call(s)` : ''}; judged on what it holds`;
  const n = (k: string) => result.verdicts.filter((v) => v.verdict.kind === k).length;
  const kinds = ['advisory', 'undefined', 'violation', 'model_bug'].filter((k) => n(k) > 0).map((k) => `${n(k)} ${k}`).join(', ');
  const outcome = result.verdicts.length === 0 ? 'conformant'
    : `${result.verdicts.length} verdict(s) (${kinds})${code === EXIT.ok ? ': conformant with advisories' : ''}`;
  return `${file}: ${parsed.header.implementation}: ${result.entriesChecked} entries, ${scope}: ${outcome}`;
}

/** @internal */
export function register(program: Command): void {
  const cmd = program
    .command('check-trace')
    .description('check a recorded trace (dmacheck-trace/1 or /1.1 JSON Lines) against the model')
    .argument('<file>', 'trace file (.jsonl)')
    .option('--json', 'print the verdicts as JSON');
  strictOption(reportOptions(cmd))
    .action(async (file: string, opts: Opts) => {
      const strict = opts.strict === true;
      const formats = opts.reportDir !== undefined ? parseFormats(opts.format) : [];
      // A bad output path is a usage error found before the check, as for certify.
      if (opts.reportDir !== undefined) checkDirCreatable(opts.reportDir);
      const startedAt = new Date();
      const parsed = parseTrace(readTraceFile(file), file);
      const cov = new CoverageCounter();
      const result = checkTrace(parsed, await loadModel(), cov);
      const code = traceExit(result, strict);
      if (opts.reportDir !== undefined) {
        const report = traceRunResult(parsed, result, cov, { version: VERSION, strict, startedAt, durationMs: Date.now() - startedAt.getTime() });
        await writeReports(report, opts.reportDir, formats);
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ file, implementation: parsed.header.implementation, ...result, strict, ended: parsed.ended, open: parsed.open, cutLine: parsed.cutLine })}\n`);
      } else {
        for (const v of result.verdicts) process.stdout.write(`${formatVerdict(file, v)}\n`);
        process.stdout.write(`${summaryLine(file, parsed, result, code)}\n`);
      }
      process.exitCode = code;
    });
}
