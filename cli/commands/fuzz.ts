/**
 * `dmacheck fuzz`: a long coverage-guided campaign against an implementation (fuzz/).
 * Replays the corpus first, keeps every new shrunk failure in it, prints progress on
 * stderr and a summary on stdout; `--report-dir`/`--format` and `--out` write the
 * RunResult (a shard's result file for `dmacheck report merge`). Exit 0 nothing found,
 * 1 failures found, 2 usage error, 3 the implementation's process hung, crashed or broke
 * the protocol, 4 internal error, 130 interrupted (Ctrl-C: the
 * corpus and the partial result are written whole first).
 * @internal
 */
import type { Command } from 'commander';
import { countsText } from '../../properties/counterexample/counts.ts';
import { figuresText } from '../../fuzz/coverage.ts';
import { runFuzz } from '../../fuzz/run.ts';
import { parseShard } from '../../fuzz/shard.ts';
import { checkDirCreatable } from '../../io/ensure-dir.ts';
import { checkOutputPath } from '../../io/write-output.ts';
import { parseFormats, stableJson, writeFileAtomic, writeReports } from '../../reports/index.ts';
import { VERSION } from '../version.ts';
import { EXIT, UsageError } from '../exit-codes.ts';
import { implOptions, parseDuration, parseIntOption, parseTimeout, reportOptions, strictOption } from '../options.ts';

interface Opts {
  impl?: string; implCmd?: string; timeout?: string; time?: string; runs?: string; seed?: string; workers: string; shard?: string;
  corpus?: string; maxLength: string; reportDir?: string; format: string; out?: string; shrinkTime: string;
  maxPerRule: string; misuse: string; uniform?: boolean; progressEvery: string; strict?: boolean;
}


/** @internal */
export function register(program: Command): void {
  const cmd = program
    .command('fuzz')
    .description('coverage-guided fuzzing campaign: swarm + racy-region generation, failure corpus, workers, shards');
  strictOption(reportOptions(implOptions(cmd)))
    .option('--time <duration>', 'time budget, e.g. 10m (default 60s unless --runs)')
    .option('--runs <n>', 'number of sequences (split across workers and shards)')
    .option('--seed <n>', 'campaign seed (default: random, printed; 42 with --shard)')
    .option('--workers <n>', 'worker threads', '1')
    .option('--shard <i/n>', 'run shard i of n of the campaign')
    .option('--corpus <dir>', 'failure corpus: replayed first, new failures saved here')
    .option('--max-length <n>', 'longest sequence, in commands', '1000')
    .option('--out <file>', 'write the RunResult JSON here (default for --shard: fuzz-shard-I-of-N.json)')
    .option('--shrink-time <duration>', 'time to shrink one failure', '5s')
    .option('--max-per-rule <n>', 'corpus entries kept per rule', '3')
    .option('--misuse <share>', 'share of sequences where the client breaks rules on purpose (0..1)', '0.1')
    .option('--uniform', 'plain uniform generation: no swarm, racy weights or coverage guidance (baseline)')
    .option('--progress-every <duration>', 'interval of plain progress lines when stderr is not a terminal', '10s')
    .action(async (opts: Opts) => {
      const runs = opts.runs !== undefined ? parseIntOption('--runs', opts.runs, 1) : undefined;
      const timeMs = opts.time !== undefined ? parseDuration(opts.time) : runs === undefined ? 60_000 : undefined;
      const shard = opts.shard !== undefined ? parseShard(opts.shard) : undefined;
      const seed = opts.seed !== undefined ? parseIntOption('--seed', opts.seed, -0x80000000) : shard ? 42 : (Math.random() * 0x7fffffff) | 0;
      const misuseShare = Number(opts.misuse);
      if (!(misuseShare >= 0 && misuseShare <= 1)) throw new UsageError(`--misuse '${opts.misuse}': expected a number from 0 to 1`);
      const formats = opts.reportDir !== undefined ? parseFormats(opts.format) : [];
      const out = opts.out ?? (shard && opts.reportDir === undefined ? `fuzz-shard-${shard.index}-of-${shard.total}.json` : undefined);
      // Bad output paths are usage errors found before the campaign.
      if (opts.reportDir !== undefined) checkDirCreatable(opts.reportDir);
      if (opts.corpus !== undefined) checkDirCreatable(opts.corpus);
      if (out !== undefined) checkOutputPath(out);
      const version = VERSION;
      const ac = new AbortController();
      const onSigint = () => {
        if (ac.signal.aborted) process.exit(EXIT.interrupted);
        process.stderr.write('\nfuzz: interrupted, finishing the current sequences and writing results (Ctrl-C again to quit at once)\n');
        ac.abort();
      };
      process.on('SIGINT', onSigint);
      process.stderr.write(`fuzz: seed ${seed}${shard ? `, shard ${shard.index}/${shard.total}` : ''}, ${parseIntOption('--workers', opts.workers, 1, 64)} worker(s)\n`);
      try {
        const o = await runFuzz({
          impl: opts.impl, implCmd: opts.implCmd, timeoutMs: opts.timeout !== undefined ? parseTimeout(opts.timeout) : undefined, runs, timeMs, seed, workers: parseIntOption('--workers', opts.workers, 1, 64), shard,
          corpus: opts.corpus, maxLength: parseIntOption('--max-length', opts.maxLength, 1, 100_000), misuseShare,
          shrinkMs: parseDuration(opts.shrinkTime), maxPerRule: parseIntOption('--max-per-rule', opts.maxPerRule, 1), guided: opts.uniform !== true,
          version, err: process.stderr, tty: process.stderr.isTTY === true, progressMs: parseDuration(opts.progressEvery), signal: ac.signal, strict: opts.strict === true,
        });
        const r = o.result;
        if (opts.reportDir !== undefined) await writeReports(r, opts.reportDir, formats);
        if (out !== undefined) await writeFileAtomic(out, stableJson(r));
        const c = r.coverage;
        for (const cx of r.counterexamples) {
          // An Undefined verdict names a client rule: the generated client broke it (a harness
          // or model issue), not the implementation.
          const who = cx.kind === 'undefined' ? ' [client rule: generator/model issue, not the implementation]' : '';
          process.stdout.write(`${cx.kind}: ${cx.msg} (${countsText(cx)})${who}\n`);
        }
        process.stdout.write(`${o.interrupted ? 'INTERRUPTED' : r.verdict === 'pass' ? 'NOTHING FOUND' : 'FAILURES FOUND'}: ${r.implementation.name}, seed ${seed}; ` +
          `${r.stats.sequences} sequences, ${r.stats.commands} commands, ${r.stats.commandsPerSecond} cmds/s, ${(r.durationMs / 1000).toFixed(1)} s; ` +
          `${figuresText({ pairsVisited: c.pairsVisited, pairsReachable: c.pairsReachable, rulesExercised: c.rulesExercised, rulesExercisable: c.rulesCheckable })}; ` +
          `${r.counterexamples.length} counterexample(s)${o.written.length ? `, ${o.written.length} new in ${opts.corpus}` : ''}\n`);
        const adv = (r.findings ?? []).filter((f) => f.kind === 'advisory');
        if (adv.length > 0) process.stdout.write(`advisories${r.strict === true ? ' (--strict: failing)' : ' (not failing)'}: ${adv.map((f) => `${f.rule ?? '?'} ×${f.count ?? 1}`).join(', ')}\n`);
        const idle = r.rules.filter((v) => v.verdict === 'not_exercised').map((v) => v.id);
        if (idle.length > 0) process.stderr.write(`fuzz: rules not exercised: ${idle.join(' ')}\n`);
        const modelBug = r.counterexamples.some((x) => x.kind === 'model_bug');
        if (r.implError) process.stderr.write(`fuzz: the implementation failed (${r.implError.what}): ${r.implError.msg}${r.implError.stderrTail.length ? `\n${r.implError.stderrTail.map((l) => `  | ${l}`).join('\n')}` : ''}\n`);
        process.exitCode = o.interrupted ? EXIT.interrupted : r.implError ? EXIT.implError : modelBug ? EXIT.internal : r.verdict === 'pass' ? EXIT.ok : EXIT.violations;
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}
