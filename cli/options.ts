/**
 * Flags shared by the subcommands that run an implementation (certify, fuzz) and write
 * reports (certify, fuzz), so each is spelled, described and defaulted once.
 * @internal
 */
import type { Command } from 'commander';

/** `--impl`, `--impl-cmd`, `--timeout`: which implementation, resolved by adapters/resolve.ts. */
export function implOptions(c: Command): Command {
  return c
    .option('--impl <spec>', 'builtin (default), mutant:<name>, or a module path')
    .option('--impl-cmd <cmdline>', 'an engine speaking the stdio protocol')
    .option('--timeout <ms|5s>', 'per-request timeout for --impl-cmd (default 5s)');
}

/** `--report-dir`, `--format`: the report writers of reports/. */
export function reportOptions(c: Command): Command {
  return c
    .option('--report-dir <dir>', 'write reports here')
    .option('--format <list>', 'report formats (text,json,junit,ktap,md,html or all)', 'json');
}
