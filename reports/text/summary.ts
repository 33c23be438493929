/**
 * Small facts about a result that every format states the same way.
 * @internal
 */
import type { Counterexample, Finding, RuleVerdict, RuleVerdictKind, RunResult } from '../result.ts';
import { ruleMessage } from '../../spec/api/message.ts';

export const VERDICT_ORDER: readonly RuleVerdictKind[] = ['fail', 'known', 'advisory', 'pass', 'not_exercised', 'not_supported', 'documented_only'];

export const VERDICT_LABEL: Readonly<Record<RuleVerdictKind, string>> = {
  fail: 'fail', known: 'known', advisory: 'advisory', pass: 'pass', not_exercised: 'not exercised', not_supported: 'not supported', documented_only: 'documented only',
};

/** Number of rules per verdict, every verdict present. */
export function verdictCounts(rules: readonly RuleVerdict[]): Record<RuleVerdictKind, number> {
  const n: Record<RuleVerdictKind, number> = { fail: 0, known: 0, advisory: 0, pass: 0, not_exercised: 0, not_supported: 0, documented_only: 0 };
  for (const r of rules) n[r.verdict]++;
  return n;
}

/** `a/b (p%)`, or `a/b` when b is 0. */
export function ratio(a: number, b: number): string {
  return b > 0 ? `${a}/${b} (${Math.round((100 * a) / b)}%)` : `${a}/${b}`;
}

/** Rule groups in first-appearance order, each with its rules. */
export function groupRules(rules: readonly RuleVerdict[]): [string, RuleVerdict[]][] {
  const groups = new Map<string, RuleVerdict[]>();
  for (const r of rules) {
    const g = groups.get(r.group);
    if (g) g.push(r);
    else groups.set(r.group, [r]);
  }
  return [...groups];
}

/** The counterexamples naming `id`. */
export function counterexamplesOf(result: RunResult, id: string): Counterexample[] {
  return result.counterexamples.filter((c) => c.rule === id);
}

/** Counterexamples that belong to no listed rule (impl errors, model bugs, unknown ids). */
export function orphanCounterexamples(result: RunResult): Counterexample[] {
  const ids = new Set(result.rules.map((r) => r.id));
  return result.counterexamples.filter((c) => c.rule === null || !ids.has(c.rule));
}

/** The one-line replay codec fast-check prints: `{ seed: 42, path: "17:3", endOnFailure: true }`. */
export function replayLine(c: Counterexample): string {
  return `{ seed: ${c.seed}, path: ${JSON.stringify(c.path)}, endOnFailure: true }`;
}

/** `SYNC-4 violation` / `impl_error`. */
export function counterexampleTitle(c: Counterexample): string {
  return c.rule === null ? c.kind : `${c.rule} ${c.kind}`;
}

/** `file line 12: advisory DESC-9 (chan 0): msg` — one finding on one line, `×n` when repeated. */
export function findingLine(f: Finding): string {
  const what = f.rule === null ? f.kind : `${f.kind} ${f.rule}`;
  const at = f.line === undefined ? '' : `line ${f.line}: `;
  const chan = f.chan === undefined ? '' : ` (chan ${f.chan})`;
  const times = f.count !== undefined && f.count > 1 ? ` ×${f.count}` : '';
  return `${at}${what}${chan}${times}: ${ruleMessage(f.rule, f.msg)}`;
}

/** The findings naming `id`. */
export function findingsOf(result: RunResult, id: string): Finding[] {
  return (result.findings ?? []).filter((f) => f.rule === id);
}

/** The advisories among the findings. */
export const advisoriesOf = (r: RunResult): readonly Finding[] => (r.findings ?? []).filter((f) => f.kind === 'advisory');

export const RUN_VERDICT_LABEL: Readonly<Record<RunResult['verdict'], string>> = { pass: 'PASS', fail: 'FAIL', error: 'ERROR', inconclusive: 'INCONCLUSIVE' };
