/**
 * Text output of `dmacheck certify`: the per-rule verdict table, each failure's shrunk
 * counterexample (numbered trace, C snippet, replay line) and a summary.
 * @public
 */
import type { Counterexample, RunResult } from '../../reports/result.ts';
import { ruleMessage } from '../../spec/api/message.ts';

const LABEL: Record<string, string> = {
  pass: 'pass', fail: 'FAIL', advisory: 'advisory', not_exercised: 'not exercised', not_supported: 'not supported', documented_only: 'documented-only', known: 'known',
};

/** The verdict table, one line per rule. @public */
export function ruleTable(r: RunResult): string {
  const lines = [`${'rule'.padEnd(9)}${'verdict'.padEnd(17)}${'exercised'.padStart(10)}  statement`];
  for (const v of r.rules) {
    const stmt = v.statement.length > 70 ? `${v.statement.slice(0, 67)}...` : v.statement;
    lines.push(`${v.id.padEnd(9)}${(LABEL[v.verdict] ?? v.verdict).padEnd(17)}${String(v.exercised).padStart(10)}  ${stmt}`);
  }
  return lines.join('\n');
}

/** One counterexample as a kernel developer reads it. @public */
export function counterexampleText(c: Counterexample, replayLine: string, file?: string, shrunk = true): string {
  const head = c.rule ? `${c.kind} of ${c.rule}: ${ruleMessage(c.rule, c.msg)}\n  ${c.rule}: ${c.statement}` : `${c.kind}: ${c.msg}`;
  const how = shrunk ? `shrunk to ${c.length}` : `not shrunk (the implementation stopped answering): the run so far, ${Math.max(0, c.length)}`;
  return [
    head,
    `  ${how} generated call(s)/step(s) after the probe; trace (>> marks the failing entry):`,
    c.text,
    '  as dmaengine calls:',
    c.c.split('\n').map((l) => `    ${l}`).join('\n'),
    `  replay: ${replayLine}${file ? `\n  rerun:  dmacheck replay ${file}` : ''}`,
  ].join('\n');
}

/** Summary line. @public */
export function summary(r: RunResult): string {
  const count = (k: string) => r.rules.filter((v) => v.verdict === k).length;
  const c = r.coverage;
  const pct = c.rulesCheckable ? Math.round((100 * c.rulesExercised) / c.rulesCheckable) : 0;
  // Only advisories failed (--strict): say so rather than "violations".
  const strictOnly = r.strict === true && r.counterexamples.length === 0 && (r.findings ?? []).length > 0;
  const head = r.verdict === 'pass' ? (r.known?.length ? 'CONFORMANT (known violations only)' : 'CONFORMANT')
    : r.verdict === 'error' ? 'IMPLEMENTATION ERROR' : r.verdict === 'inconclusive' ? 'INCONCLUSIVE (checkable rules not exercised)' : strictOnly ? 'ADVISORIES FOUND (--strict)' : 'VIOLATIONS FOUND';
  const advisory = count('advisory') > 0 ? `${count('advisory')} advisory, ` : '';
  return `${head}${r.partial ? ' (partial run)' : ''}: ${r.implementation.name}, seed ${r.seed}; ` +
    `${count('pass')} pass, ${count('fail')} fail, ${advisory}${count('not_exercised')} not exercised, ${count('not_supported')} not supported, ` +
    `${count('documented_only')} documented-only; ${c.rulesExercised}/${c.rulesCheckable} checkable rules exercised (${pct}%); ` +
    `${r.stats.sequences} sequences, ${r.stats.commands} commands, ${r.stats.commandsPerSecond} cmds/s, ${(r.durationMs / 1000).toFixed(1)} s`;
}
