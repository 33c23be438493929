/**
 * Flags shared by the subcommands that run an implementation (certify, fuzz) and write
 * reports (certify, fuzz), and the parsers of their values, so each is spelled,
 * described, defaulted and validated once.
 * @internal
 */
import type { Command } from 'commander';
import { UsageError } from './exit-codes.ts';

/** `--impl`, `--impl-cmd`, `--timeout`: which implementation, resolved by adapters/resolve.ts. */
export function implOptions(c: Command): Command {
  return c
    .option('--impl <spec>', 'builtin (default), mutant:<name>, or a module path')
    .option('--impl-cmd <cmdline>', 'an engine speaking the stdio protocol')
    .option('--timeout <ms|5s>', 'per-request timeout for --impl-cmd and a module --impl (default 5s)');
}

/** `--report-dir`, `--format`: the report writers of reports/. */
export function reportOptions(c: Command): Command {
  return c
    .option('--report-dir <dir>', 'write reports here')
    .option('--format <list>', 'report formats (text,json,junit,ktap,md,html or all)', 'json');
}

/** `--strict`: advisory client rules (catalogue severity, docs/SEVERITY.md) fail the run. */
export function strictOption(c: Command): Command {
  return c.option('--strict', 'advisory client rules (docs/SEVERITY.md) fail the run too (exit 1)');
}

/** `30s`, `2m`, `500ms`, `45` (seconds) → ms; `what` names the option in the error. */
export function parseDuration(s: string, what = '--time'): number {
  const m = /^(\d+)(ms|s|m)?$/.exec(s.trim());
  if (!m) throw new UsageError(`${what} '${s}': expected a duration like 30s, 2m or 500ms`);
  const n = Number(m[1]);
  const ms = m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
  if (ms <= 0) throw new UsageError(`${what} must be positive`);
  return ms;
}

/** `--timeout`: a bare number is milliseconds (`500`), else a duration (`5s`). */
export function parseTimeout(s: string): number {
  return parseDuration(/^\s*\d+\s*$/.test(s) ? `${s.trim()}ms` : s, '--timeout');
}

/** An integer option in [min, max]; `what` names the option in the error. */
export function parseIntOption(what: string, s: string, min: number, max = 0x7fffffff): number {
  if (!/^-?\d+$/.test(s.trim())) throw new UsageError(`${what} '${s}': expected an integer`);
  const n = Number(s);
  if (n < min || n > max) throw new UsageError(`${what} ${s} out of range (${min}..${max})`);
  return n;
}
