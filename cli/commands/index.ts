/**
 * The subcommands, one module each; every module exports `register(program)`.
 * @internal
 */
import type { Command } from 'commander';
import { register as rules } from './rules.ts';

export type Register = (program: Command) => void;

export const commands: readonly Register[] = [
  rules,
];
