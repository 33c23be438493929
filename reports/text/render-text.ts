/**
 * The plain-text report (`report.txt`), also what `dmacheck certify` prints: a
 * header, the per-rule table, coverage and counts, every finding (each verdict of a
 * checked trace with its line; the advisories of a run), and every counterexample with
 * its replay line, trace and C form. Foreign strings are cleaned of control
 * characters (no terminal escapes) and names are clipped.
 * @public
 */
import type { Counterexample, KernelTarget, RunResult } from '../result.ts';
import { clip, cleanText, LIMIT, oneLine } from './sanitize.ts';
import { counterexampleTitle, findingLine, orphanCounterexamples, ratio, replayLine, RUN_VERDICT_LABEL, VERDICT_LABEL, VERDICT_ORDER, verdictCounts } from './summary.ts';
import { ruleMessage } from '../../spec/api/message.ts';

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
  return rows.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col]!))).join('  ').trimEnd());
}

function indent(block: string, by = '    '): string {
  return block.split('\n').map((l) => by + l).join('\n');
}

function counterexampleText(c: Counterexample, n: number): string {
  const lines = [
    `counterexample ${n}: ${oneLine(clip(counterexampleTitle(c), LIMIT.name))} at step ${c.violationIndex} — ${oneLine(clip(ruleMessage(c.rule, c.msg), LIMIT.message))}`,
  ];
  if (c.statement !== '') lines.push(`  rule: ${oneLine(clip(c.statement, LIMIT.message))}`);
  lines.push(
    `  replay: ${oneLine(clip(replayLine(c), LIMIT.message))}`,
    `  ${c.length} commands, ${c.trace.length} trace entries`,
    '  trace:',
    indent(cleanText(clip(c.text, LIMIT.block))),
    '  as C:',
    indent(cleanText(clip(c.c, LIMIT.block))),
  );
  return lines.join('\n');
}

/** Render `result` as plain text. */
export function renderText(result: RunResult): string {
  const impl = oneLine(clip(result.implementation.name, LIMIT.name));
  const counts = verdictCounts(result.rules);
  const failing = counts.fail;
  const out: string[] = [
    `dmacheck ${result.command} — implementation ${impl} (dmacheck ${oneLine(clip(result.tool.version, LIMIT.name))})`,
    `seed ${result.seed}${result.seeds ? ` (shards: ${result.seeds.join(', ')})` : ''} · budget ${budgetText(result)} · ${result.durationMs} ms`,
  ];
  if (result.target) out.push(...targetLines(result.target));
  if (result.partial) out.push('PARTIAL: the run was interrupted or ended early; results cover what ran.');
  out.push(`verdict: ${RUN_VERDICT_LABEL[result.verdict]} (${failing} failing rule${failing === 1 ? '' : 's'}, ${result.counterexamples.length} counterexample${result.counterexamples.length === 1 ? '' : 's'})`, '');
  if (result.implError) {
    out.push(`implementation error (${result.implError.what}): ${oneLine(clip(result.implError.msg, LIMIT.message))}`);
    for (const l of result.implError.stderrTail) out.push(`  stderr: ${oneLine(clip(l, LIMIT.message))}`);
    out.push('');
  }
  const header = ['RULE', 'GROUP', 'BINDS', 'VERDICT', 'EXERCISED', 'FAILURES'];
  const body = result.rules.map((r) => [
    oneLine(clip(r.id, LIMIT.name)), oneLine(clip(r.group, LIMIT.name)), r.binds, VERDICT_LABEL[r.verdict], String(r.exercised), String(r.failures),
  ]);
  out.push(...table([header, ...body]), '');
  out.push(`rules: ${VERDICT_ORDER.map((v) => `${counts[v]} ${VERDICT_LABEL[v]}`).join(', ')}`);
  if (result.known && result.known.length > 0) out.push(`known (baseline): ${result.known.map((k) => oneLine(clip(k, LIMIT.name))).join(', ')}`);
  const cov = result.coverage;
  out.push(`coverage: rules ${ratio(cov.rulesExercised, cov.rulesCheckable)} exercised, model pairs ${ratio(cov.pairsVisited, cov.pairsReachable)}`);
  out.push(`stats: ${result.stats.sequences} sequences, ${result.stats.commands} commands, ${Math.round(result.stats.commandsPerSecond)} commands/s`);
  const findings = result.findings ?? [];
  if (findings.length > 0) {
    out.push('', `findings (${findings.length})${result.strict === true ? ', --strict: advisories fail' : ''}:`);
    for (const f of findings) out.push(`  ${oneLine(clip(findingLine(f), LIMIT.message))}`);
  }
  const orphans = new Set(orphanCounterexamples(result));
  result.counterexamples.forEach((c, i) => {
    out.push('', counterexampleText(c, i + 1) + (orphans.has(c) ? '\n  (not tied to a listed rule)' : ''));
  });
  return out.join('\n') + '\n';
}

/** The real kernel a `kernel certify` run judged, and why features are not supported. */
export function targetLines(t: KernelTarget): string[] {
  return [
    `kernel ${oneLine(clip(t.release, LIMIT.name))} on QEMU ${oneLine(clip(t.machine, LIMIT.name))}, driver ${oneLine(clip(t.driver, LIMIT.name))}, ${t.cpus} CPU(s), ${t.boots} boot(s)`,
    ...t.notSupported.map((u) => `  not supported: ${oneLine(clip(u.feature, LIMIT.name))}: ${oneLine(clip(u.reason, LIMIT.message))}`),
  ];
}

export function budgetText(result: RunResult): string {
  const parts: string[] = [];
  if (result.budget.runs !== undefined) parts.push(`${result.budget.runs} runs`);
  if (result.budget.timeMs !== undefined) parts.push(`${result.budget.timeMs} ms`);
  return parts.length > 0 ? parts.join(', ') : 'unbounded';
}
