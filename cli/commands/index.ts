/**
 * The subcommands, one module each; every module exports `register(program)`.
 * @internal
 */
import type { Command } from 'commander';

export type Register = (program: Command) => void;

export const commands: readonly Register[] = [
];
