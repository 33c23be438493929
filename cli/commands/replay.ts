/**
 * `dmacheck replay FILE`: re-runs a saved counterexample's exact steps in lockstep (a
 * batch counterexample's program is re-sent whole: replay-batch.ts).
 * Exit 1 if it still fails, 0 if it now passes, 2 for a bad file (`file: what is wrong`),
 * 3 if the implementation crashed, hung or broke the protocol, 130 if interrupted (Ctrl-C). With `--emit-test` it runs
 * nothing and prints the file as a standalone vitest regression test instead.
 * @internal
 */
import type { Command } from 'commander';
import { resolveImplementation } from '../../adapters/resolve.ts';
import { buildCounterexample } from '../../properties/counterexample/build.ts';
import { loadCounterexample } from '../../properties/counterexample/file.ts';
import { counterexampleText } from '../../properties/certify/table.ts';
import { replaySteps } from '../../properties/lockstep/replay.ts';
import { loadModel } from '../../trace/load-model.ts';
import { emitTest } from '../../fuzz/emit-test.ts';
import { EXIT, InputError, UsageError } from '../exit-codes.ts';
import { trapInterrupt } from '../interrupt.ts';
import { parseTimeout } from '../options.ts';
import { readBatchFile, replayBatch } from './replay-batch.ts';

interface Opts { impl?: string; implCmd?: string; timeout?: string; emitTest?: boolean }

/** @internal */
export function register(program: Command): void {
  program
    .command('replay')
    .description('re-run a saved counterexample file exactly; exit 1 if it still fails')
    .argument('<file>', 'counterexample JSON written by certify')
    .option('--impl <spec>', 'implementation to replay against (default: the one in the file)')
    .option('--impl-cmd <cmdline>', 'an engine speaking the stdio protocol (default: the file\'s, if certified that way)')
    .option('--timeout <ms|5s>', 'per-request timeout for --impl-cmd and a module --impl (default 5s)')
    .option('--emit-test', 'print the counterexample as a standalone vitest regression test (runs nothing)')
    .action(async (file: string, opts: Opts) => {
      const timeoutMs = opts.timeout !== undefined ? parseTimeout(opts.timeout) : undefined;
      // A counterexample of certify over batch/1 is a whole program: it is re-sent whole.
      const batchFile = readBatchFile(file);
      if (batchFile !== undefined) {
        if (opts.emitTest || opts.impl !== undefined) throw new UsageError('a batch counterexample replays only over --impl-cmd (no --impl, no --emit-test)');
        process.exitCode = await replayBatch(file, batchFile, opts.implCmd, timeoutMs);
        return;
      }
      const loaded = loadCounterexample(file);
      if (!loaded.ok) throw new InputError(loaded.error);
      const f = loaded.file;
      if (opts.emitTest) {
        // The emitted test resolves an in-process implementation spec (builtin, mutant:<name>, a module).
        if (opts.implCmd !== undefined || (opts.impl === undefined && f.implCmd !== undefined)) throw new UsageError('--emit-test needs an in-process implementation (--impl), not --impl-cmd');
        process.stdout.write(emitTest(f, { source: file, ...(opts.impl !== undefined ? { impl: opts.impl } : {}) }));
        process.exitCode = EXIT.ok;
        return;
      }
      // The file's own implementation runs where certify ran (its saved cwd), so replay works from anywhere.
      const fromFile = opts.impl === undefined && opts.implCmd === undefined;
      const which = !fromFile
        ? { impl: opts.impl, implCmd: opts.implCmd }
        : f.implCmd !== undefined ? { implCmd: f.implCmd, cwd: f.cwd } : { impl: f.impl, cwd: f.cwd };
      // One replay is short and synchronous: Ctrl-C takes effect when it returns (its whole result is printed, exit 130).
      const ctrlC = trapInterrupt('replay', 'printing the result of the replay');
      const impl = await resolveImplementation({ ...which, timeoutMs }).catch((e: unknown) => { ctrlC.release(); throw e; });
      const how = which.implCmd !== undefined ? `--impl-cmd "${which.implCmd}"` : `--impl ${which.impl ?? 'builtin'}`;
      process.stderr.write(`replay: ${impl.name} (${how}${fromFile && f.cwd !== undefined ? ` in ${f.cwd}` : ''})\n`);
      try {
        const r = replaySteps(await loadModel(), impl, loaded.config, f.mode, loaded.steps);
        // The file's set-up steps are those before its generated `length`: counted as certify and fuzz count them.
        r.preludeLength = Math.max(0, loaded.steps.length - f.length);
        if (r.failure) {
          const cx = buildCounterexample(r, r.failure, f.seed, f.path, loaded.config);
          process.stdout.write(`${counterexampleText(cx, f.replay, file)}\n\n${file}: still fails (${impl.name})\n`);
          process.exitCode = r.adapterError ? EXIT.implError : EXIT.violations;
        } else {
          process.stdout.write(`${file}: passes now (${impl.name}, ${r.steps.length} steps, ${r.index} trace entries)\n`);
          process.exitCode = EXIT.ok;
        }
        // A SIGINT that arrived while the synchronous replay blocked the event loop is handled
        // only when the loop polls for I/O (libuv's signal pipe): give it one short poll.
        await new Promise<void>((resolve) => setTimeout(resolve, 20));
        if (ctrlC.requested()) process.exitCode = EXIT.interrupted;
      } finally {
        ctrlC.release();
        impl.dispose?.();
      }
    });
}
