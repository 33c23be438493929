/**
 * The subcommands, one module each; every module exports `register(program)`.
 * @internal
 */
import type { Command } from 'commander';
import { register as report } from './report.ts';
import { register as rules } from './rules.ts';
import { register as serve } from './serve.ts';
import { register as checkTrace } from './check-trace.ts';
import { register as certify } from './certify.ts';
import { register as replay } from './replay.ts';
import { register as fuzz } from './fuzz.ts';
import { register as mutants } from './mutants.ts';
import { register as kernel } from './kernel.ts';
import { register as checkClient } from './check-client.ts';

export type Register = (program: Command) => void;

export const commands: readonly Register[] = [
  report,
  rules,
  serve,
  checkTrace,
  certify,
  replay,
  fuzz,
  mutants,
  kernel,
  checkClient,
];
