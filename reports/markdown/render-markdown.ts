/**
 * The Markdown summary (`summary.md`) for CI job pages (GitHub step summary,
 * GitLab): verdict, failing rules with their statements, the findings (advisories
 * included), coverage and counts.
 * Foreign text is escaped for Markdown and inline HTML and kept to one line.
 * @public
 */
import type { RunResult } from '../result.ts';
import { clip, LIMIT, oneLine } from '../text/sanitize.ts';
import { counterexamplesOf, findingLine, orphanCounterexamples, ratio, RUN_VERDICT_LABEL, VERDICT_LABEL, VERDICT_ORDER, verdictCounts } from '../text/summary.ts';
import { ruleMessage } from '../../spec/api/message.ts';

/** One line of inert Markdown: HTML metacharacters as entities, Markdown punctuation backslash-escaped. */
export function mdText(s: string, max: number = LIMIT.message): string {
  return oneLine(clip(s, max))
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#|~])/g, '\\$1');
}

const ICON: Readonly<Record<RunResult['verdict'], string>> = { pass: '✅', fail: '❌', error: '💥', inconclusive: '❔' };

/** Render `result` as a Markdown summary. */
export function renderMarkdown(result: RunResult): string {
  const counts = verdictCounts(result.rules);
  const cov = result.coverage;
  const out = [
    `## ${ICON[result.verdict]} dmacheck ${result.command}: ${RUN_VERDICT_LABEL[result.verdict]}`,
    '',
    `Implementation **${mdText(result.implementation.name, LIMIT.name)}** · seed ${result.seed} · ${(result.durationMs / 1000).toFixed(1)} s · ${result.stats.sequences} sequences, ${result.stats.commands} commands`,
  ];
  const t = result.target;
  if (t) {
    out.push('', `Kernel **${mdText(t.release, LIMIT.name)}** on QEMU ${mdText(t.machine, LIMIT.name)} · driver **${mdText(t.driver, LIMIT.name)}** · ${t.cpus} CPU(s) · ${t.boots} boot(s)`);
    for (const u of t.notSupported) out.push(`- not supported: ${mdText(u.feature, LIMIT.name)}: ${mdText(u.reason, 500)}`);
  }
  if (result.partial) out.push('', '> **Partial run**: interrupted or ended early; the results cover what ran.');
  if (result.implError) out.push('', `> **Implementation error** (${mdText(result.implError.what)}): ${mdText(result.implError.msg)}`);
  const failing = result.rules.filter((r) => r.verdict === 'fail');
  if (failing.length > 0) {
    out.push('', `### Failing rules (${failing.length})`, '', '| Rule | Statement | First counterexample |', '|---|---|---|');
    for (const r of failing) {
      const c = counterexamplesOf(result, r.id)[0];
      const cx = c ? `${mdText(c.kind)} at step ${c.violationIndex}: ${mdText(ruleMessage(c.rule, c.msg), 300)}` : '';
      out.push(`| ${mdText(r.id, LIMIT.name)} | ${mdText(r.statement, 500)} | ${cx} |`);
    }
  }
  const orphans = orphanCounterexamples(result);
  if (orphans.length > 0) {
    out.push('', `### Other failures (${orphans.length})`, '');
    for (const c of orphans) out.push(`- ${mdText(c.kind)} at step ${c.violationIndex}: ${mdText(c.msg, 300)}`);
  }
  const findings = result.findings ?? [];
  if (findings.length > 0) {
    const adv = findings.filter((f) => f.kind === 'advisory').length;
    const note = adv === 0 ? '' : result.strict === true ? ` — ${adv} advisory, failing under --strict` : ` — ${adv} advisory, not failing the run`;
    out.push('', `### Findings (${findings.length}${note})`, '');
    for (const f of findings) out.push(`- ${mdText(findingLine(f), 400)}`);
  }
  if (result.known && result.known.length > 0) {
    out.push('', `Known violations from the baseline (not failing this run): ${result.known.map((k) => mdText(k, LIMIT.name)).join(', ')}`);
  }
  out.push(
    '',
    '### Coverage',
    '',
    `- Rules exercised: ${ratio(cov.rulesExercised, cov.rulesCheckable)}`,
    `- Model state pairs visited: ${ratio(cov.pairsVisited, cov.pairsReachable)}`,
    `- Rules: ${VERDICT_ORDER.map((v) => `${counts[v]} ${VERDICT_LABEL[v]}`).join(' · ')}`,
    '',
    'Details: `report.html`, `report.json`, `junit.xml`, `report.ktap`.',
    '',
  );
  return out.join('\n');
}
