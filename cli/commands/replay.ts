/**
 * `dmacheck replay FILE`: re-runs a saved counterexample's exact steps in lockstep.
 * Exit 1 if it still fails, 0 if it now passes, 2 for a bad file (`file: what is wrong`).
 * @internal
 */
import type { Command } from 'commander';
import { resolveImplementation } from '../../adapters/resolve.ts';
import { buildCounterexample } from '../../properties/counterexample/build.ts';
import { loadCounterexample } from '../../properties/counterexample/file.ts';
import { counterexampleText } from '../../properties/certify/table.ts';
import { replaySteps } from '../../properties/lockstep/replay.ts';
import { loadModel } from '../../trace/load-model.ts';
import { EXIT, InputError } from '../exit-codes.ts';

/** @internal */
export function register(program: Command): void {
  program
    .command('replay')
    .description('re-run a saved counterexample file exactly; exit 1 if it still fails')
    .argument('<file>', 'counterexample JSON written by certify')
    .option('--impl <spec>', 'implementation to replay against (default: the one in the file)')
    .action(async (file: string, opts: { impl?: string }) => {
      const loaded = loadCounterexample(file);
      if (!loaded.ok) throw new InputError(loaded.error);
      const impl = await resolveImplementation({ impl: opts.impl ?? loaded.file.impl });
      try {
        const r = replaySteps(await loadModel(), impl, loaded.config, loaded.file.mode, loaded.steps);
        if (r.failure) {
          const cx = buildCounterexample(r, r.failure, loaded.file.seed, loaded.file.path, loaded.config);
          process.stdout.write(`${counterexampleText(cx, loaded.file.replay, file)}\n\n${file}: still fails (${impl.name})\n`);
          process.exitCode = EXIT.violations;
        } else {
          process.stdout.write(`${file}: passes now (${impl.name}, ${r.steps.length} steps, ${r.index} trace entries)\n`);
          process.exitCode = EXIT.ok;
        }
      } finally {
        impl.dispose?.();
      }
    });
}
