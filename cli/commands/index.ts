/**
 * The subcommands, one module each; every module exports `register(program)`. Modules are
 * loaded on demand (cli/main.ts loads only the one named on the command line), so a quick
 * command like `dmacheck rules` does not pay for the engine, the model and the reports.
 * @internal
 */
import type { Command } from 'commander';

export type Register = (program: Command) => void;

/** A subcommand: its name on the command line and how to load its module. @internal */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<{ readonly register: Register }>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'report', load: () => import('./report.ts') },
  { name: 'rules', load: () => import('./rules.ts') },
  { name: 'serve', load: () => import('./serve.ts') },
  { name: 'check-trace', load: () => import('./check-trace.ts') },
  { name: 'certify', load: () => import('./certify.ts') },
  { name: 'replay', load: () => import('./replay.ts') },
  { name: 'fuzz', load: () => import('./fuzz.ts') },
  { name: 'mutants', load: () => import('./mutants.ts') },
  { name: 'kernel', load: () => import('./kernel.ts') },
  { name: 'check-client', load: () => import('./check-client.ts') },
];

/**
 * The entries to load for `argv`: the named subcommand alone, or every one when the first
 * argument names none (help, --version, an unknown command: commander needs them all to
 * list them). @internal
 */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const named = commands.find((c) => c.name === argv[0]);
  return named ? [named] : commands;
}
