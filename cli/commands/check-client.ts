/**
 * `dmacheck check-client PROGRAM.json [--runs N] [--seed N] [--json]`: runs a client
 * program (docs/PROGRAM.md) against every explored legal behaviour of an engine (the
 * built-in one by default, reached through adapters/resolve.ts) and reports the shortest
 * schedule in which the client breaks a rule, or what was explored. Exit 0 no explored
 * schedule breaks a rule, 1 a client rule broken, 2 bad program (one line with the JSON
 * path), 3 engine error, 4 the engine or the model broke a rule (a dmacheck bug). Advisory
 * rules are listed and fail only with --strict.
 * @internal
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { resolveImplementation } from '../../adapters/resolve.ts';
import { explore } from '../../properties/program/explore.ts';
import { programProblem } from '../../properties/program/validate.ts';
import { exitOf, reportJson, reportText } from '../../properties/program/report.ts';
import { parseProgram } from '../../spec/api/program-schema.ts';
import type { ClientProgram } from '../../spec/api/index.ts';
import { loadModel } from '../../trace/load-model.ts';
import { InputError } from '../exit-codes.ts';
import { implOptions, parseIntOption, parseTimeout } from '../options.ts';

/** The program in `file`, parsed and checked (validate.ts); InputError (exit 2) with one line naming the file and the JSON path. */
export function readProgram(file: string): ClientProgram {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot read'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not JSON (${(e as Error).message.split('\n')[0]})`);
  }
  let prog: ClientProgram;
  try {
    prog = parseProgram(json);
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`);
  }
  const problem = programProblem(prog);
  if (problem !== undefined) throw new InputError(`${file}: bad program: ${problem}`);
  return prog;
}

interface Opts { runs: string; seed?: string; json?: boolean; strict?: boolean; impl?: string; implCmd?: string; timeout?: string }

/** @internal */
export function register(program: Command): void {
  implOptions(program
    .command('check-client')
    .description('run a client program (dmacheck-program/1) against every explored engine behaviour and schedule')
    .argument('<program>', 'client program (.json)')
    .option('--runs <n>', 'runs to explore (engine choice + schedule each)', '200')
    .option('--seed <n>', 'fast-check seed (default: random, printed)')
    .option('--json', 'print the result as JSON')
    .option('--strict', 'advisory rules fail the program too (exit 1)'))
    .action(async (file: string, opts: Opts) => {
      const runs = parseIntOption('--runs', opts.runs, 1, 1_000_000);
      const seed = opts.seed === undefined ? Math.floor(Math.random() * 0x7fffffff) : parseIntOption('--seed', opts.seed, -0x80000000);
      const prog = readProgram(file);
      const impl = await resolveImplementation({ impl: opts.impl, implCmd: opts.implCmd, timeoutMs: opts.timeout === undefined ? undefined : parseTimeout(opts.timeout) });
      try {
        const result = explore({ model: await loadModel(), impl, program: prog, runs, seed });
        process.stdout.write(`${opts.json === true ? JSON.stringify(reportJson(file, prog, result)) : reportText(file, prog, result)}\n`);
        process.exitCode = exitOf(result, opts.strict === true);
      } finally {
        impl.dispose?.();
      }
    });
}
