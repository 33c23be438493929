/**
 * `dmacheck certify`: runs the lockstep conformance suite against an implementation and
 * prints the per-rule verdict table and every shrunk counterexample. Exit 0 conformant,
 * 1 violations found, 2 usage error.
 * @internal
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { resolveImplementation } from '../../adapters/resolve.ts';
import { certify } from '../../properties/certify/certify.ts';
import { counterexampleText, ruleTable, summary } from '../../properties/certify/table.ts';
import { COUNTEREXAMPLE_FORMAT, saveCounterexample } from '../../properties/counterexample/file.ts';
import { encodeReplay } from '../../properties/counterexample/replay-codec.ts';
import { loadModel } from '../../trace/load-model.ts';
import { EXIT, UsageError } from '../exit-codes.ts';

interface Opts { runs?: string; time?: string; seed?: string; impl?: string; implCmd?: string; json?: boolean; out?: string; cxDir: string }

/** `30s`, `2m`, `500ms`, `45` (seconds) → ms. @internal */
export function parseDuration(s: string): number {
  const m = /^(\d+)(ms|s|m)?$/.exec(s.trim());
  if (!m) throw new UsageError(`--time '${s}': expected a duration like 30s, 2m or 500ms`);
  const n = Number(m[1]);
  const ms = m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
  if (ms <= 0) throw new UsageError('--time must be positive');
  return ms;
}

function parseInt32(what: string, s: string, min: number): number {
  if (!/^-?\d+$/.test(s.trim())) throw new UsageError(`${what} '${s}': expected an integer`);
  const n = Number(s);
  if (n < min || n > 0x7fffffff) throw new UsageError(`${what} ${s} out of range`);
  return n;
}

/** @internal */
export function register(program: Command): void {
  program
    .command('certify')
    .description('run the lockstep conformance suite against an implementation; per-rule verdicts')
    .option('--runs <n>', 'number of generated sequences (default 3000)')
    .option('--time <duration>', 'time budget, e.g. 30s')
    .option('--seed <n>', 'fast-check seed (default 42)')
    .option('--impl <spec>', 'builtin (default), mutant:<name>, or a module path')
    .option('--impl-cmd <cmdline>', 'an engine speaking the stdio protocol')
    .option('--json', 'print the RunResult JSON instead of the table')
    .option('--out <file>', 'also write the RunResult JSON here')
    .option('--cx-dir <dir>', 'where counterexample files go', 'dmacheck-counterexamples')
    .action(async (opts: Opts) => {
      const runs = opts.runs !== undefined ? parseInt32('--runs', opts.runs, 1) : undefined;
      const timeMs = opts.time !== undefined ? parseDuration(opts.time) : undefined;
      const seed = opts.seed !== undefined ? parseInt32('--seed', opts.seed, -0x80000000) : 42;
      const impl = await resolveImplementation({ impl: opts.impl, implCmd: opts.implCmd });
      const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
      try {
        const model = await loadModel();
        const { result, modes } = certify({
          model, impl, seed, runs, timeMs, version,
          onPhase: opts.json ? undefined : (name, done, total) => process.stderr.write(`certify: ${name} done (${done}/${total})\n`),
        });
        const files = result.counterexamples.map((c, i) => {
          mkdirSync(opts.cxDir, { recursive: true });
          const file = join(opts.cxDir, `${c.rule ?? c.kind}-${i + 1}.json`);
          const replay = encodeReplay({ seed: c.seed, path: c.path });
          const mode = modes[i] ?? 'legal';
          saveCounterexample(file, { ...c, format: COUNTEREXAMPLE_FORMAT, impl: opts.impl ?? impl.name, mode, replay });
          return { file, replay };
        });
        if (opts.out) writeFileSync(opts.out, `${JSON.stringify(result, null, 1)}\n`);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result)}\n`);
        } else {
          process.stdout.write(`${ruleTable(result)}\n\n`);
          result.counterexamples.forEach((c, i) => process.stdout.write(`${counterexampleText(c, files[i]!.replay, files[i]!.file)}\n\n`));
          process.stdout.write(`${summary(result)}\n`);
        }
        process.exitCode = result.verdict === 'pass' ? EXIT.ok : EXIT.violations;
      } finally {
        impl.dispose?.();
      }
    });
}
