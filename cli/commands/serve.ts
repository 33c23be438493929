/**
 * `dmacheck serve [--mutant NAME | --impl SPEC]`: exposes the built-in engine (or a
 * mutant, or any module implementation) over the stdio protocol `dmacheck-protocol/1`
 * on stdin/stdout (docs/PROTOCOL.md), so the protocol path is testable end to end:
 * `dmacheck certify --impl-cmd "node bin/dmacheck.js serve"`. It offers the batch extension
 * (`batch/1`: whole client programs, properties/batch/interpret.ts) unless `--no-batch`.
 * @internal
 */
import type { Command } from 'commander';
import { resolveImplementation } from '../../adapters/resolve.ts';
import { FdLineIO } from '../../adapters/stdio/line-io.ts';
import { serveImplementation } from '../../adapters/stdio/server.ts';
import { interpretProgram } from '../../properties/batch/interpret.ts';
import { UsageError } from '../exit-codes.ts';

/** @internal */
export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the built-in engine (or a mutant) over the stdio protocol on stdin/stdout')
    .option('--mutant <name>', 'serve this mutant instead of the built-in engine')
    .option('--impl <spec>', 'serve this implementation: builtin, mutant:<name> or a module path')
    .option('--no-batch', 'do not offer the batch/1 protocol extension (harnesses then use one request per call)')
    .action(async (opts: { mutant?: string; impl?: string; batch: boolean }) => {
      if (opts.mutant !== undefined && opts.impl !== undefined) throw new UsageError('give either --mutant or --impl, not both');
      const impl = await resolveImplementation({ impl: opts.mutant !== undefined ? `mutant:${opts.mutant}` : opts.impl });
      process.exitCode = serveImplementation(impl, new FdLineIO(), { batch: opts.batch ? interpretProgram : undefined });
    });
}
