/**
 * `dmacheck check-trace FILE.jsonl`: checks a recorded trace (docs/TRACE.md) against
 * the reference model, for client misuse and engine obligations alike. Prints one line
 * per verdict (`file:line: violation RULE: msg`) and a summary. Exit 0 conformant,
 * 1 violation or undefined behaviour found, 2 malformed trace, 4 model bug.
 * @internal
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkTrace, formatVerdict } from '../../trace/check.ts';
import { loadModel } from '../../trace/load-model.ts';
import { parseTrace } from '../../trace/parse.ts';
import { EXIT, InputError } from '../exit-codes.ts';

function readTrace(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot read'}`);
  }
}

/** @internal */
export function register(program: Command): void {
  program
    .command('check-trace')
    .description('check a recorded trace (dmacheck-trace/1 or /1.1 JSON Lines) against the model')
    .argument('<file>', 'trace file (.jsonl)')
    .option('--json', 'print the verdicts as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const parsed = parseTrace(readTrace(file), file);
      const result = checkTrace(parsed, await loadModel());
      const worst = result.verdicts.at(-1)?.verdict.kind;
      const code = worst === undefined ? EXIT.ok : worst === 'model_bug' ? EXIT.internal : EXIT.violations;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ file, implementation: parsed.header.implementation, ...result, ended: parsed.ended, open: parsed.open, cutLine: parsed.cutLine })}\n`);
      } else {
        for (const v of result.verdicts) process.stdout.write(`${formatVerdict(file, v)}\n`);
        const scope = result.endChecked ? 'end-of-run obligations checked'
          : parsed.ended ? 'stopped at the first violation'
          : `trace stops${parsed.open > 0 ? ` inside ${parsed.open} open call(s)` : ''}; judged on what it holds`;
        const outcome = code === EXIT.ok ? 'conformant' : `${result.verdicts.length} verdict(s)`;
        process.stdout.write(`${file}: ${parsed.header.implementation}: ${result.entriesChecked} entries, ${scope}: ${outcome}\n`);
      }
      process.exitCode = code;
    });
}
