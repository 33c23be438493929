/**
 * `dmacheck kernel setup|certify|replay`: certify a real Linux DMA driver (bcm2835-dma
 * on Debian's arm64 kernel under QEMU raspi3b) with generated client programs — the same
 * per-rule table, report formats, shrunk counterexamples and exit statuses as `certify`:
 * 0 conformant, 1 violations (or misuse detected), 2 usage error or set-up not done,
 * 3 the guest failed (no boot, module load failure, oops, hang; the console tail is
 * printed; results obtained before are kept), 4 internal (a misuse the model missed),
 * 130 interrupted (what ran is reported).
 * @internal
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { checkDirCreatable, ensureDir } from '../../io/ensure-dir.ts';
import { checkOutputPath, writeOutput } from '../../io/write-output.ts';
import { kernelCertify, type KernelCertifyOutcome } from '../../kernel/certify/certify.ts';
import { KERNEL_CX_FORMAT, kernelCounterexample, loadReplayProgram, saveKernelCounterexample } from '../../kernel/certify/counterexample.ts';
import { hostRunner } from '../../kernel/certify/host-runner.ts';
import { decisive, judgeRun } from '../../kernel/certify/judge.ts';
import { batchTimeoutMs, type KernelEnv, type KernelRunner } from '../../kernel/certify/runner.ts';
import { isMisuseKind, MISUSE_KINDS, type MisuseKind } from '../../kernel/gen/misuse.ts';
import { setupKernel } from '../../kernel/host/setup.ts';
import { ruleTable, summary } from '../../properties/certify/table.ts';
import { kernelCounterexampleText } from '../../kernel/certify/text.ts';
import { parseFormats, type ReportFormat, writeReports } from '../../reports/index.ts';
import { targetLines } from '../../reports/text/render-text.ts';
import { formatVerdict } from '../../trace/check.ts';
import { loadModel } from '../../trace/load-model.ts';
import { EXIT, InputError, UsageError } from '../exit-codes.ts';
import { parseDuration, parseIntOption, reportOptions } from '../options.ts';
import { VERSION } from '../version.ts';
import { certifyExit, implErrorLine, stderrTailText } from './certify-output.ts';

/** The one line printed when `kernel setup` has not been run (exit 2). @internal */
export const SETUP_MISSING = 'the kernel is not set up: run `npx dmacheck kernel setup` first';

/** Parsed `kernel certify` options. @internal */
export interface KernelCertifyArgs {
  readonly runs?: number;
  readonly timeMs?: number;
  readonly seed: number;
  readonly misuse?: MisuseKind | 'all';
  readonly formats: readonly ReportFormat[];
}

interface RawOpts {
  machine: string; runs?: string; time?: string; seed?: string; cpus: string; misuse?: string;
  reportDir?: string; format: string; json?: boolean; out?: string; cxDir: string;
}

/** Validates the flags; UsageError (exit 2) for anything this target cannot do. @internal */
export function parseKernelCertifyArgs(o: RawOpts): KernelCertifyArgs {
  if (o.machine !== 'raspi3b') throw new UsageError(`--machine ${o.machine}: only raspi3b is supported (bcm2835-dma)`);
  if (parseIntOption('--cpus', o.cpus, 1, 64) !== 1) throw new UsageError(`--cpus ${o.cpus}: only 1 CPU is supported`);
  if (o.misuse !== undefined && o.misuse !== 'all' && !isMisuseKind(o.misuse)) {
    throw new UsageError(`--misuse ${o.misuse}: expected all or one of ${MISUSE_KINDS.join(', ')}`);
  }
  return {
    ...(o.runs !== undefined ? { runs: parseIntOption('--runs', o.runs, 1) } : {}),
    ...(o.time !== undefined ? { timeMs: parseDuration(o.time) } : {}),
    seed: o.seed !== undefined ? parseIntOption('--seed', o.seed, -0x80000000) : 42,
    ...(o.misuse !== undefined ? { misuse: o.misuse as MisuseKind | 'all' } : {}),
    formats: o.reportDir !== undefined ? parseFormats(o.format) : [],
  };
}

function requireEnv(runner: KernelRunner): KernelEnv {
  const env = runner.findKernelEnv();
  if (!env) throw new UsageError(SETUP_MISSING);
  return env;
}

/** Exit status of a kernel certification: certify's, and 4 when a misuse program was not judged by its rule. @internal */
export function kernelCertifyExit(out: KernelCertifyOutcome): number {
  const base = certifyExit(out.result);
  if (base === EXIT.implError || base === EXIT.internal) return base;
  return out.misuse.some((m) => !m.detected) ? EXIT.internal : base;
}

function printOutcome(out: KernelCertifyOutcome, files: readonly string[]): void {
  const r = out.result;
  const w = (s: string) => process.stdout.write(s);
  w(`${ruleTable(r)}\n\n`);
  r.counterexamples.forEach((c, i) => w(`${kernelCounterexampleText(c, out.cases[i]!, files[i])}\n\n`));
  for (const m of out.misuse) {
    w(`misuse ${m.program}: ${m.detected ? `detected, ${m.got}` : `NOT detected: expected ${m.expected.join(' or ')}, got ${m.got ?? 'no undefined verdict'}`}\n`);
  }
  if (r.target) w(`${targetLines(r.target).join('\n')}\n`);
  const b = out.boots;
  if (b.length > 0) w(`boots: ${b.map((s) => `${s.programs} programs (boot ${s.bootMs} ms, run ${s.runMs} ms)`).join('; ')}\n`);
  w(stderrTailText(r).replace(/stderr lines/, 'guest console lines'));
  w(`${summary(r)}\n`);
}

async function certifyAction(raw: RawOpts): Promise<void> {
  const args = parseKernelCertifyArgs(raw);
  // Bad output paths are usage errors found before minutes of booting, not after.
  if (raw.reportDir !== undefined) checkDirCreatable(raw.reportDir);
  checkDirCreatable(raw.cxDir);
  if (raw.out) checkOutputPath(raw.out);
  const runner = hostRunner;
  const env = requireEnv(runner);
  const model = await loadModel();
  const progress = raw.json ? undefined : (l: string) => process.stderr.write(`${l}\n`);
  // Ctrl-C reaches QEMU too (same process group): the batch ends, what ran is reported, exit 130.
  const ac = new AbortController();
  const onSigint = (): void => {
    if (ac.signal.aborted) process.exit(EXIT.interrupted);
    ac.abort();
    process.stderr.write('\nkernel certify: interrupted, reporting what ran (Ctrl-C again to quit at once)\n');
  };
  process.on('SIGINT', onSigint);
  let out: KernelCertifyOutcome;
  try {
    out = await kernelCertify({ runner, env, model, seed: args.seed, runs: args.runs, timeMs: args.timeMs, misuse: args.misuse, version: VERSION, signal: ac.signal, ...(progress ? { progress } : {}) });
  } finally {
    process.off('SIGINT', onSigint);
  }
  const r = out.result;
  const files = r.counterexamples.map((c, i) => {
    ensureDir(raw.cxDir);
    const cs = out.cases[i]!;
    const file = join(raw.cxDir, `kernel-${c.rule ?? c.kind}-${i + 1}.json`);
    saveKernelCounterexample(file, {
      format: KERNEL_CX_FORMAT, rule: c.rule, kind: c.kind, msg: c.msg,
      kernel: { release: env.release, machine: env.machine, driver: env.driver },
      program: cs.program, original: cs.original, trace: cs.trace,
    });
    return file;
  });
  if (raw.out) writeOutput(raw.out, `${JSON.stringify(r, null, 1)}\n`);
  if (raw.reportDir !== undefined) await writeReports(r, raw.reportDir, args.formats);
  if (raw.json) process.stdout.write(`${JSON.stringify(r)}\n`);
  else printOutcome(out, files);
  if (r.implError) process.stderr.write(`dmacheck: ${implErrorLine(r)}\n`);
  process.exitCode = out.interrupted ? EXIT.interrupted : kernelCertifyExit(out);
}

async function replayAction(file: string): Promise<void> {
  const loaded = loadReplayProgram(file);
  if (!loaded.ok) throw new InputError(loaded.error);
  const runner = hostRunner;
  const env = requireEnv(runner);
  const model = await loadModel();
  const b = await runner.runBatch([loaded.program], { timeoutMs: batchTimeoutMs(1), cpus: 1 });
  const run = b.runs[0];
  const j = run ? judgeRun(run, model) : undefined;
  const v = j ? decisive(j) : undefined;
  if (j?.ok) {
    for (const lv of j.check.verdicts) process.stdout.write(`${formatVerdict(file, lv)}\n`);
    if (v) {
      const c = kernelCounterexample(j, v, loaded.program, 0);
      process.stdout.write(`${kernelCounterexampleText(c, { program: loaded.program, original: loaded.program, trace: run!.trace, misuse: false }, undefined)}\n`);
    }
  }
  process.stdout.write(`${loaded.program.name} on ${env.driver} (Linux ${env.release}, QEMU ${env.machine}): ${v ? `${v.kind}${'rule' in v ? ` ${v.rule}` : ''}` : j?.ok ? 'conformant' : 'no judgeable trace'} (boot ${b.bootMs} ms, run ${b.runMs} ms)\n`);
  const misusedBefore = j?.ok === true && j.check.verdicts.some((x) => x.verdict.kind === 'undefined');
  if (b.error && !misusedBefore) {
    process.stderr.write(`dmacheck: guest ${b.error.kind}: ${b.error.msg}\n${b.error.consoleTail.map((l) => `  | ${l}`).join('\n')}\n`);
    process.exitCode = EXIT.implError;
    return;
  }
  if (j && !j.ok) {
    process.stderr.write(`dmacheck: the trace of ${loaded.program.name} does not parse: ${j.error}\n`);
    process.exitCode = EXIT.implError;
    return;
  }
  process.exitCode = v === undefined ? EXIT.ok : v.kind === 'model_bug' ? EXIT.internal : EXIT.violations;
}

/** @internal */
export function register(program: Command): void {
  const kernel = program.command('kernel').description('certify a real Linux DMA driver (bcm2835-dma) under QEMU');
  kernel
    .command('setup')
    .description('fetch, unpack and build what the kernel path needs (idempotent; Debian packages)')
    .action(async () => {
      try {
        const stamp = await setupKernel((l) => process.stdout.write(`${l}\n`));
        process.stdout.write(`kernel setup done: ${stamp.release} (${stamp.version})\n`);
      } catch (e) {
        process.stderr.write(`dmacheck: kernel setup failed: ${(e as Error).message.split('\n')[0]}\n`);
        process.exitCode = EXIT.implError;
      }
    });
  const certify = kernel
    .command('certify')
    .description('run generated client programs in the real kernel; per-rule verdicts')
    .option('--machine <name>', 'QEMU machine', 'raspi3b')
    .option('--runs <n>', 'generated programs (default 3000, one boot)')
    .option('--time <duration>', 'time budget, e.g. 3m (boots of up to 5000 programs while time is left)')
    .option('--seed <n>', 'fast-check seed of the program generator (default 42)')
    .option('--cpus <n>', 'guest CPUs', '1')
    .option('--misuse <kind>', `also run misuse programs: all or ${MISUSE_KINDS.join(', ')}`);
  reportOptions(certify)
    .option('--json', 'print the RunResult JSON instead of the table')
    .option('--out <file>', 'also write the RunResult JSON here')
    .option('--cx-dir <dir>', 'where counterexample files go', 'dmacheck-counterexamples')
    .action(certifyAction);
  kernel
    .command('replay')
    .description('re-run one counterexample (or program) file in a fresh boot and judge it')
    .argument('<file>', 'kernel counterexample or dmacheck-program/1 JSON')
    .action(replayAction);
  for (const sub of [kernel, ...kernel.commands]) sub.exitOverride().configureOutput({ writeErr: () => {} });
}
