/**
 * `dmacheck certify`: runs the lockstep conformance suite against an implementation and
 * prints the per-rule verdict table and every shrunk counterexample. Exit 0 conformant
 * (or only known violations with `--baseline`), 1 violations found, 2 usage error,
 * 3 the implementation crashed, hung or broke the protocol, 4 model bug, 5 inconclusive
 * (nothing failed but a checkable rule was never exercised; `--allow-unexercised` accepts it),
 * 130 interrupted (Ctrl-C: the current sequence ends, the partial results are written).
 * With `--batch`, an `--impl-cmd` whose hello offers batch/1 is certified with whole
 * client programs (certify-batch.ts, docs/PROTOCOL.md); per call is the default because it
 * reaches every rule the programs cannot (cyclic, metadata, pause, racing schedules).
 * @internal
 */
import { checkDirCreatable, ensureDir } from '../../io/ensure-dir.ts';
import { checkOutputPath } from '../../io/write-output.ts';
import { join } from 'node:path';
import type { Command } from 'commander';
import { resolveImplementation } from '../../adapters/resolve.ts';
import { StdioImplementation } from '../../adapters/stdio/client.ts';
import { UsageError } from '../../io/errors.ts';
import { batchUnfit } from '../../properties/batch/programs.ts';
import { certifyOverBatch } from './certify-batch.ts';
import { certifyExit, inconclusiveLine, writeResult } from './certify-output.ts';
import { certify } from '../../properties/certify/certify.ts';
import { CertifyRecorder } from '../../properties/certify/recording.ts';
import { counterexampleText } from '../../properties/certify/table.ts';
import { COUNTEREXAMPLE_FORMAT, saveCounterexample, saveCounterexampleC } from '../../properties/counterexample/file.ts';
import { encodeReplay } from '../../properties/counterexample/replay-codec.ts';
import { applyBaseline, parseFormats, readResult } from '../../reports/index.ts';
import type { Implementation } from '../../spec/api/index.ts';
import { loadModel } from '../../trace/load-model.ts';
import { VERSION } from '../version.ts';
import { EXIT } from '../exit-codes.ts';
import { trapInterrupt } from '../interrupt.ts';
import { implOptions, parseDuration, parseIntOption, parseTimeout, reportOptions, strictOption } from '../options.ts';

interface Opts {
  runs?: string; time?: string; seed?: string; impl?: string; implCmd?: string; timeout?: string; json?: boolean; out?: string;
  cxDir: string; record?: string; reportDir?: string; format: string; baseline?: string; strict?: boolean; allowUnexercised?: boolean;
  batch?: boolean;
}

/** @internal */
export function register(program: Command): void {
  const cmd = program
    .command('certify')
    .description('run the lockstep conformance suite against an implementation; per-rule verdicts')
    .option('--runs <n>', 'number of generated sequences (default 3000)')
    .option('--time <duration>', 'time budget, e.g. 30s')
    .option('--seed <n>', 'fast-check seed (default 42)');
  strictOption(reportOptions(implOptions(cmd)))
    .option('--json', 'print the RunResult JSON instead of the table')
    .option('--out <file>', 'also write the RunResult JSON here')
    .option('--cx-dir <dir>', 'where counterexample files go', 'dmacheck-counterexamples')
    .option('--record <file>', 'record one run as a dmacheck-trace/1 file: the first counterexample, else the last legal run')
    .option('--baseline <report.json>', 'fail only on violations not already in this report')
    .option('--allow-unexercised', 'pass (exit 0) even if some checkable rules were never exercised (else INCONCLUSIVE, exit 5)')
    .option('--batch', 'with --impl-cmd offering batch/1: send whole client programs (slave_sg clients only: rules they cannot reach stay not exercised)')
    .action(async (opts: Opts) => {
      const runs = opts.runs !== undefined ? parseIntOption('--runs', opts.runs, 1) : undefined;
      const timeMs = opts.time !== undefined ? parseDuration(opts.time) : undefined;
      const seed = opts.seed !== undefined ? parseIntOption('--seed', opts.seed, -0x80000000) : 42;
      const timeoutMs = opts.timeout !== undefined ? parseTimeout(opts.timeout) : undefined;
      const formats = opts.reportDir !== undefined ? parseFormats(opts.format) : [];
      const baseline = opts.baseline !== undefined ? await readResult(opts.baseline) : undefined;
      // Bad output paths are usage errors found before the run, not after it.
      if (opts.reportDir !== undefined) checkDirCreatable(opts.reportDir);
      checkDirCreatable(opts.cxDir);
      if (opts.out) checkOutputPath(opts.out);
      if (opts.record !== undefined) checkOutputPath(opts.record);
      const version = VERSION;
      const ctrlC = trapInterrupt('certify', 'finishing the current sequence and writing partial results');
      const inner = await resolveImplementation({ impl: opts.impl, implCmd: opts.implCmd, timeoutMs }).catch((e: unknown) => { ctrlC.release(); throw e; });
      let impl: Implementation = inner;
      try {
        // --batch (docs/PROTOCOL.md batch/1): whole programs, one round trip each.
        if (opts.batch === true) {
          if (!(inner instanceof StdioImplementation)) throw new UsageError('--batch: needs --impl-cmd');
          const why = !inner.batch ? `${inner.name} does not offer batch/1 in its hello` : batchUnfit(inner.profile);
          if (why !== undefined) throw new UsageError(`--batch: ${why}`);
          process.exitCode = await certifyOverBatch({
            impl: inner, implCmd: opts.implCmd ?? '', model: await loadModel(), seed, runs, timeMs, version, json: opts.json === true,
            out: opts.out, cxDir: opts.cxDir, record: opts.record, reportDir: opts.reportDir, formats, baseline,
            strict: opts.strict === true, allowUnexercised: opts.allowUnexercised === true, stop: ctrlC.requested,
          });
          return;
        }
        const rec = opts.record !== undefined ? new CertifyRecorder(inner, opts.record, { tool: 'dmacheck certify', seed }) : undefined;
        if (rec) impl = rec.impl;
        const model = await loadModel();
        const out = await certify({
          model, impl, seed, runs, timeMs, version,
          onPhase: opts.json ? undefined : (name, done, total) => process.stderr.write(`certify: ${name} done (${done}/${total})\n`),
          onPhaseStart: rec?.phaseStart, quiescent: rec?.quiescent, onCounterexample: rec?.counterexample, strict: opts.strict === true,
          allowUnexercised: opts.allowUnexercised === true, stop: ctrlC.requested,
        });
        const result = baseline ? applyBaseline(out.result, baseline) : out.result;
        const files = result.counterexamples.map((c, i) => {
          ensureDir(opts.cxDir);
          const file = join(opts.cxDir, `${c.rule ?? c.kind}-${i + 1}.json`);
          const replay = encodeReplay({ seed: c.seed, path: c.path });
          const mode = out.modes[i] ?? 'legal';
          const how = opts.implCmd !== undefined ? { impl: inner.name, implCmd: opts.implCmd } : { impl: opts.impl ?? 'builtin' };
          saveCounterexample(file, { ...c, format: COUNTEREXAMPLE_FORMAT, ...how, cwd: process.cwd(), mode, replay });
          saveCounterexampleC(file, c);
          return { file, replay };
        });
        await writeResult(result, {
          json: opts.json === true, out: opts.out, reportDir: opts.reportDir, formats, inconclusive: inconclusiveLine(result),
          recorded: opts.record !== undefined && rec?.error === undefined ? opts.record : undefined,
          counterexampleTexts: () => {
            const shrunk = (i: number) => !(out.adapterError && i === result.counterexamples.length - 1);
            return result.counterexamples.map((c, i) => counterexampleText(c, files[i]!.replay, files[i]!.file, shrunk(i), true));
          },
        });
        process.exitCode = out.stopped ? EXIT.interrupted : certifyExit(result);
        // An unwritable --record is an output error, reported after the results it must not lose.
        if (rec?.error !== undefined) {
          process.stderr.write(`dmacheck: --record: ${rec.error.message}\n`);
          if (process.exitCode === EXIT.ok) process.exitCode = EXIT.usage;
        }
      } finally {
        ctrlC.release();
        impl.dispose?.();
      }
    });
}
