/**
 * `dmacheck rules`: prints the rule catalogue (spec/catalogue) as an aligned table,
 * or as JSON with `--json`; `--group G` keeps one rule group, `--severity S` the client rules
 * of one severity (undefined / advisory; docs/SEVERITY.md gives each reason).
 * @internal
 */
import type { Command } from 'commander';
import { CATALOGUE, CHECK_KINDS, RULE_GROUPS, SEVERITIES } from '../../spec/catalogue/index.ts';
import type { Binds, Rule, RuleGroup, Severity } from '../../spec/catalogue/index.ts';
import { UsageError } from '../exit-codes.ts';

const BINDS_ORDER: readonly Binds[] = ['client', 'engine', 'both'];
const GAP = '  ';
/** Narrowest statement column before we stop shrinking it (lines then exceed the width). */
const MIN_STATEMENT_WIDTH = 30;
/** Width used when stdout is not a terminal. */
export const DEFAULT_WIDTH = 100;

/** Parses a `--group` value (case-insensitive); throws UsageError for an unknown group. @internal */
export function parseGroup(name: string): RuleGroup {
  const group = RULE_GROUPS.find((g) => g === name.toUpperCase());
  if (group === undefined) throw new UsageError(`unknown rule group '${name}' (expected one of ${RULE_GROUPS.join(', ')})`);
  return group;
}

/** Parses a `--severity` value; throws UsageError for another word. @internal */
export function parseSeverity(name: string): Severity {
  const sev = SEVERITIES.find((x) => x === name.toLowerCase());
  if (sev === undefined) throw new UsageError(`unknown severity '${name}' (expected one of ${SEVERITIES.join(', ')})`);
  return sev;
}

/** Splits `text` into lines of at most `width` characters at spaces; a longer word gets its own line. @internal */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else { lines.push(line); line = word; }
  }
  lines.push(line);
  return lines;
}

/** The table: a header row, then one row per rule with the statement wrapped under its column. @internal */
export function formatTable(rules: readonly Rule[], width: number): string {
  // Engine rules have no severity: an engine violation is always a failure.
  const rows = rules.map((r) => [r.id, r.binds, r.check.kind, r.severity ?? '-'] as const);
  const header = ['ID', 'BINDS', 'CHECK', 'SEVERITY'] as const;
  const colWidth = [0, 1, 2, 3].map((i) => Math.max(header[i]?.length ?? 0, ...rows.map((row) => row[i]?.length ?? 0)));
  const lead = colWidth.reduce((sum, w) => sum + w + GAP.length, 0);
  const statementWidth = Math.max(MIN_STATEMENT_WIDTH, width - lead);
  const cells = (c: readonly string[]) => c.map((s, i) => s.padEnd(colWidth[i] ?? 0)).join(GAP) + GAP;
  const out = [`${cells(header)}STATEMENT`];
  rules.forEach((r, i) => {
    const [first = '', ...rest] = wrap(r.statement, statementWidth);
    out.push(`${cells(rows[i] ?? [])}${first}`);
    for (const more of rest) out.push(`${' '.repeat(lead)}${more}`);
  });
  return out.map((l) => l.trimEnd()).join('\n');
}

/**
 * "N rules: a model, b invariant, c end, d documented-only | x client, y engine, z both |
 * u undefined, v advisory" (zeros included). @internal
 */
export function summaryLine(rules: readonly Rule[]): string {
  const count = <K extends string>(keys: readonly K[], of: (r: Rule) => K | undefined) =>
    keys.map((k) => `${rules.filter((r) => of(r) === k).length} ${k}`).join(', ');
  return `${rules.length} rules: ${count(CHECK_KINDS, (r) => r.check.kind)} | ${count(BINDS_ORDER, (r) => r.binds)} | ${count(SEVERITIES, (r) => r.severity)}`;
}

function outputWidth(): number {
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : DEFAULT_WIDTH;
}

/** Adds `dmacheck rules [--json] [--group G]`. @internal */
export function register(program: Command): void {
  program
    .command('rules')
    .description('print the rule catalogue (id, binds, check, severity, statement)')
    .option('--json', 'print a JSON array of the rules (with severity and severityReason)')
    .option('--group <group>', `only one rule group (${RULE_GROUPS.join(', ')})`)
    .option('--severity <severity>', `only client rules of one severity (${SEVERITIES.join(', ')})`)
    .action((opts: { json?: boolean; group?: string; severity?: string }) => {
      const group = opts.group === undefined ? undefined : parseGroup(opts.group);
      const severity = opts.severity === undefined ? undefined : parseSeverity(opts.severity);
      const rules = CATALOGUE.filter((r) => (group === undefined || r.group === group) && (severity === undefined || r.severity === severity));
      if (opts.json === true) process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
      else process.stdout.write(`${formatTable(rules, outputWidth())}\n\n${summaryLine(rules)}\n`);
    });
}
