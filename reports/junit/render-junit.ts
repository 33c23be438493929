/**
 * JUnit XML (`junit.xml`) in the shape GitLab, Jenkins and GitHub test reporters
 * read: `<testsuites>` → one `<testsuite>` per rule group → one `<testcase>` per
 * rule. Failures carry the counterexample text; rules not exercised, not supported,
 * documented only or known (baseline) are skipped with a message; advisory rules pass
 * with their findings in `<system-out>` (they fail only under --strict, as `fail`). Implementation
 * errors and counterexamples not tied to a rule go to a `run` suite as errors.
 * @public
 */
import { match } from 'ts-pattern';
import type { Counterexample, RuleVerdict, RunResult } from '../result.ts';
import { clip, LIMIT } from '../text/sanitize.ts';
import { counterexampleTitle, counterexamplesOf, findingLine, findingsOf, groupRules, orphanCounterexamples, replayLine } from '../text/summary.ts';
import { traceExcerpt } from '../timeline/labels.ts';
import { attrs, xmlText } from './xml.ts';
import { ruleMessage } from '../../spec/api/message.ts';

interface Case { readonly name: string; readonly classname: string; readonly body: string; readonly outcome: 'pass' | 'failure' | 'error' | 'skipped' }

/** The failure text: rule, message, replay line, the trace around the violation, then the producer's text. */
export function counterexampleBody(c: Counterexample): string {
  return [
    `${counterexampleTitle(c)} at step ${c.violationIndex}: ${ruleMessage(c.rule, c.msg)}`,
    c.statement === '' ? '' : `rule: ${c.statement}`,
    `replay: ${replayLine(c)}`,
    '',
    'trace (around the violation):',
    ...traceExcerpt(c.trace, c.violationIndex - 30, c.violationIndex + 3, c.violationIndex),
    '',
    'full trace:',
    clip(c.text, LIMIT.block),
    '',
    'as C:',
    clip(c.c, LIMIT.block),
  ].join('\n');
}

function ruleCase(result: RunResult, r: RuleVerdict): Case {
  const name = clip(r.id, LIMIT.name);
  const classname = `dmacheck.${clip(r.group, LIMIT.name)}`;
  const cxs = counterexamplesOf(result, r.id);
  const cxText = cxs.map(counterexampleBody).join('\n\n');
  const skipped = (message: string, text = '') => ({ name, classname, outcome: 'skipped' as const, body: `<skipped${attrs({ message })}>${xmlText(text)}</skipped>` });
  return match(r.verdict)
    .with('pass', () => ({ name, classname, outcome: 'pass' as const, body: '' }))
    .with('advisory', () => {
      const text = findingsOf(result, r.id).map(findingLine).join('\n');
      return { name, classname, outcome: 'pass' as const, body: `<system-out>${xmlText(clip(`advisory: ${r.statement}\n${text}`, LIMIT.block))}</system-out>` };
    })
    .with('fail', () => {
      const first = cxs[0];
      const found = findingsOf(result, r.id);
      const message = clip(first ? `${counterexampleTitle(first)}: ${ruleMessage(first.rule, first.msg)}` : found[0] ? findingLine(found[0]) : `${r.id} failed`, LIMIT.message);
      const type = first?.kind ?? found[0]?.kind ?? 'violation';
      const text = [r.statement, found.map(findingLine).join('\n'), cxText].filter((x) => x !== '').join('\n\n');
      return { name, classname, outcome: 'failure' as const, body: `<failure${attrs({ message, type })}>${xmlText(clip(text, LIMIT.block))}</failure>` };
    })
    .with('not_exercised', () => skipped('not exercised'))
    .with('not_supported', () => skipped('not supported by the implementation profile'))
    .with('documented_only', () => skipped('documented only: not mechanically checkable'))
    .with('known', () => skipped('known violation (in the baseline report)', cxText))
    .exhaustive();
}

function runCases(result: RunResult): Case[] {
  const cases: Case[] = [];
  if (result.implError) {
    const e = result.implError;
    const text = [e.msg, ...e.stderrTail].join('\n');
    cases.push({ name: 'implementation', classname: 'dmacheck.run', outcome: 'error', body: `<error${attrs({ message: clip(e.msg, LIMIT.message), type: e.what })}>${xmlText(clip(text, LIMIT.block))}</error>` });
  }
  orphanCounterexamples(result).forEach((c, i) => {
    const message = clip(`${counterexampleTitle(c)}: ${ruleMessage(c.rule, c.msg)}`, LIMIT.message);
    cases.push({ name: `counterexample-${i + 1}`, classname: 'dmacheck.run', outcome: 'error', body: `<error${attrs({ message, type: c.kind })}>${xmlText(counterexampleBody(c))}</error>` });
  });
  return cases;
}

function suite(name: string, cases: readonly Case[], props: string, timestamp: string): { xml: string; counts: Record<'tests' | 'failures' | 'errors' | 'skipped', number> } {
  const counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome === 'failure').length,
    errors: cases.filter((c) => c.outcome === 'error').length,
    skipped: cases.filter((c) => c.outcome === 'skipped').length,
  };
  const body = cases.map((c) => `    <testcase${attrs({ name: c.name, classname: c.classname, time: '0' })}${c.body === '' ? '/>' : `>${c.body}</testcase>`}`);
  const xml = [`  <testsuite${attrs({ name: clip(name, LIMIT.name), ...counts, time: '0', timestamp })}>`, props, ...body, '  </testsuite>'].join('\n');
  return { xml, counts };
}

/** Render `result` as JUnit XML. */
export function renderJunit(result: RunResult): string {
  const timestamp = result.startedAt.slice(0, 19);
  const prop = (name: string, value: string | number) => `      <property${attrs({ name, value })}/>`;
  const props = [
    '    <properties>',
    prop('implementation', clip(result.implementation.name, LIMIT.name)),
    prop('command', result.command),
    prop('seed', result.seed),
    prop('partial', String(result.partial)),
    prop('verdict', result.verdict),
    prop('rules-exercised', `${result.coverage.rulesExercised}/${result.coverage.rulesCheckable}`),
    prop('model-pairs', `${result.coverage.pairsVisited}/${result.coverage.pairsReachable}`),
    ...(result.target ? [
      prop('kernel', clip(result.target.release, LIMIT.name)), prop('machine', clip(result.target.machine, LIMIT.name)),
      prop('driver', clip(result.target.driver, LIMIT.name)),
    ] : []),
    '    </properties>',
  ].join('\n');
  const suites = groupRules(result.rules).map(([g, rules]) => suite(g, rules.map((r) => ruleCase(result, r)), props, timestamp));
  const run = runCases(result);
  if (run.length > 0) suites.push(suite('run', run, props, timestamp));
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const s of suites) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += s.counts[k];
  const title = `dmacheck ${result.command}: ${clip(result.implementation.name, LIMIT.name)}${result.partial ? ' (partial)' : ''}`;
  const seconds = (result.durationMs / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: title, ...total, time: seconds })}>`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
