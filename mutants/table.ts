/**
 * Text output of `dmacheck mutants`: the kill-matrix table, the summary with the
 * baseline side by side, and the `--list` table.
 * @public
 */
import { EXCLUDED_FAULTS, type MutantSpec } from '../impl/mutants/index.ts';
import type { HarnessSummary, Matrix, MatrixRow } from './matrix.ts';

const ms = (x: number | null): string => (x === null ? '-' : x < 1000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(2)} s`);
const num = (x: number | null): string => (x === null ? '-' : String(x));

function cols(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
}

/** The per-mutant table. @public */
export function matrixTable(m: Matrix): string {
  const head = ['mutant', 'expected', 'killed', 'rule reported', 'time', 'shrunk', 'known min', 'ratio', 'baseline'];
  const body = m.rows.map((r: MatrixRow) => [
    r.mutant,
    r.expected.join(','),
    r.certify.killed ? 'yes' : 'NO',
    r.certify.rule ?? r.certify.kind ?? '-',
    ms(r.certify.timeToFailureMs),
    num(r.certify.shrunkLength),
    String(r.knownMinimum),
    r.ratio === null ? '-' : r.ratio.toFixed(2),
    r.baseline ? (r.baseline.killed ? `yes ${ms(r.baseline.timeToFailureMs)}` : `no${r.baseline.rule ? ` (${r.baseline.rule})` : ''}`) : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  return [cols(head, widths), ...body.map((b) => cols(b, widths))].join('\n');
}

function line(name: string, h: HarnessSummary): string {
  const pct = h.total ? Math.round((100 * h.killed) / h.total) : 0;
  return `${name.padEnd(9)} killed ${h.killed}/${h.total} (${pct}%), median time to first failure ${ms(h.medianMs)}, max ${ms(h.maxMs)}`;
}

/** Summary lines: both harnesses side by side, shrink quality. @public */
export function matrixSummary(m: Matrix): string {
  const s = m.summary;
  const lines = [line('certify', s.certify)];
  if (s.baseline) lines.push(line('baseline', s.baseline));
  const killed = s.certify.killed;
  const pct = killed ? Math.round((100 * s.withinMinPlusOne) / killed) : 0;
  lines.push(
    `shrinking: ${s.withinMinPlusOne}/${killed} killed mutants (${pct}%) shrunk to <= known minimum + 1; ` +
    `ratio shrunk/minimum median ${s.medianRatio?.toFixed(2) ?? '-'}, max ${s.maxRatio?.toFixed(2) ?? '-'}`,
  );
  lines.push(`seed ${m.seed}, budget per mutant ${m.budget.runs} runs / ${ms(m.budget.timeMs)}`);
  return lines.join('\n');
}

/** `dmacheck mutants --list`. @public */
export function mutantList(specs: readonly MutantSpec[]): string {
  const body = specs.map((s) => [s.name, s.bugClass.section === null ? 'rule' : `§${s.bugClass.section}`, s.rules.join(','), String(s.trigger.steps.length), s.description]);
  const head = ['mutant', 'class', 'rules', 'min', 'description'];
  const widths = head.map((h, i) => (i === 4 ? 0 : Math.max(h.length, ...body.map((b) => b[i]!.length))));
  const excluded = EXCLUDED_FAULTS.map((e) => `  ${e.fault} (${e.rules.join(',')}): ${e.reason}`);
  const ungated = specs.flatMap((s) => (s.ungated === undefined ? [] : [`  ${s.name}: ${s.ungated}`]));
  return [
    cols(head, widths), ...body.map((b) => cols(b, widths)),
    ...(ungated.length > 0 ? ['', 'mutants outside the CI gate (not killed reliably within its budget):', ...ungated] : []),
    '', 'fault points without a mutant (certification cannot reach them):', ...excluded,
  ].join('\n');
}
