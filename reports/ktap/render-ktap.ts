/**
 * KTAP version 1 (`report.ktap`, the kernel's Documentation/dev-tools/ktap.rst):
 * one subtest per rule group, one result line per rule inside it; diagnostic lines
 * before a failing rule's result give the message, replay line and the trace around
 * the violation. An advisory rule is `ok` after diagnostic lines naming each advisory
 * finding (it fails only under --strict, as `fail`). Skips use `# SKIP reason`; known (baseline) failures use
 * `# XFAIL` with result `ok`, as kselftest's ksft_test_result_xfail prints.
 * Implementation errors and counterexamples not tied to a rule form a last `run`
 * test with `# ERROR`.
 * @public
 */
import { match } from 'ts-pattern';
import type { Counterexample, RuleVerdict, RunResult } from '../result.ts';
import { clip, LIMIT, oneLine } from '../text/sanitize.ts';
import { counterexampleTitle, counterexamplesOf, findingLine, findingsOf, groupRules, orphanCounterexamples, replayLine } from '../text/summary.ts';
import { traceExcerpt } from '../timeline/labels.ts';
import { ruleMessage } from '../../spec/api/message.ts';

/** A test description: one line, no `#` (it would start a directive). */
function description(s: string): string {
  return oneLine(clip(s, LIMIT.name)).replace(/#/g, '_').trim() || '_';
}

/** A diagnostic line (`# …`) per line of `text`. */
function diag(text: string, max = LIMIT.message): string[] {
  return text.split('\n').map((l) => `# ${oneLine(clip(l, max))}`.trimEnd());
}

function counterexampleDiag(c: Counterexample): string[] {
  return [
    ...diag(`${counterexampleTitle(c)} at step ${c.violationIndex}: ${ruleMessage(c.rule, c.msg)}`),
    ...(c.statement === '' ? [] : diag(`rule: ${c.statement}`)),
    ...diag(`replay: ${replayLine(c)}`),
    ...diag(traceExcerpt(c.trace, c.violationIndex - 20, c.violationIndex + 3, c.violationIndex).join('\n')),
  ];
}

function ruleLines(result: RunResult, r: RuleVerdict, n: number): { lines: string[]; failed: boolean; skipped: boolean } {
  const name = description(r.id);
  const skip = (why: string) => ({ lines: [`ok ${n} ${name} # SKIP ${why}`], failed: false, skipped: true });
  return match(r.verdict)
    .with('pass', () => ({ lines: [`ok ${n} ${name}`], failed: false, skipped: false }))
    .with('fail', () => ({
      lines: [
        ...diag(`${r.id}: ${r.statement}`), ...findingsOf(result, r.id).flatMap((f) => diag(findingLine(f))),
        ...counterexamplesOf(result, r.id).flatMap(counterexampleDiag), `not ok ${n} ${name}`,
      ],
      failed: true, skipped: false,
    }))
    .with('known', () => ({ lines: [`ok ${n} ${name} # XFAIL known violation (baseline)`], failed: false, skipped: false }))
    .with('advisory', () => ({ lines: [...findingsOf(result, r.id).flatMap((f) => diag(findingLine(f))), `ok ${n} ${name}`], failed: false, skipped: false }))
    .with('not_exercised', () => skip('not exercised'))
    .with('not_supported', () => skip('not supported'))
    .with('documented_only', () => skip('documented only'))
    .exhaustive();
}

const nest = (lines: readonly string[]) => lines.map((l) => `  ${l}`);

/** Render `result` as KTAP version 1. */
export function renderKtap(result: RunResult): string {
  const groups = groupRules(result.rules);
  const orphans = orphanCounterexamples(result);
  const hasRun = result.implError !== undefined || orphans.length > 0;
  const out = [
    'KTAP version 1',
    ...diag(`dmacheck ${result.command}: implementation ${clip(result.implementation.name, LIMIT.name)}, seed ${result.seed}`),
    ...(result.partial ? ['# PARTIAL: the run was interrupted or ended early'] : []),
    `1..${groups.length + (hasRun ? 1 : 0)}`,
  ];
  groups.forEach(([group, rules], gi) => {
    const results = rules.map((r, i) => ruleLines(result, r, i + 1));
    const failed = results.some((x) => x.failed);
    const allSkipped = results.every((x) => x.skipped);
    out.push(
      `  # Subtest: ${description(group)}`,
      ...nest(['KTAP version 1', `1..${rules.length}`, ...results.flatMap((x) => x.lines)]),
      `${failed ? 'not ok' : 'ok'} ${gi + 1} ${description(group)}${allSkipped ? ' # SKIP no rule checked' : ''}`,
    );
  });
  if (hasRun) {
    const e = result.implError;
    out.push(
      ...(e ? diag(`implementation error (${e.what}): ${e.msg}`) : []),
      ...(e ? e.stderrTail.flatMap((l) => diag(`stderr: ${l}`)) : []),
      ...orphans.flatMap(counterexampleDiag),
      `not ok ${groups.length + 1} run # ERROR ${e ? oneLine(e.what) : `${orphans.length} counterexample(s) without a rule`}`,
    );
  }
  return out.join('\n') + '\n';
}
