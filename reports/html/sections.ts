/**
 * The parts of report.html: summary, coverage, rule table with filters, and the
 * counterexamples (timeline, trace, C form). Every foreign string goes through esc.
 * @internal
 */
import { traceLine } from '../../spec/api/trace.ts';
import type { Counterexample, RunResult } from '../result.ts';
import { LIMIT } from '../text/sanitize.ts';
import { counterexampleTitle, groupRules, ratio, replayLine, RUN_VERDICT_LABEL, VERDICT_LABEL, VERDICT_ORDER, verdictCounts } from '../text/summary.ts';
import { budgetText } from '../text/render-text.ts';
import { esc, escClip } from './escape.ts';
import { timelineHtml } from './timeline-svg.ts';

export function summaryHtml(r: RunResult): string {
  const counts = verdictCounts(r.rules);
  const banners = [`<div class="banner ${r.verdict}">${RUN_VERDICT_LABEL[r.verdict]}: ${counts.fail} failing rule(s), ${r.counterexamples.length} counterexample(s)</div>`];
  // Lead with the failure: the rules that failed, the first (most specific) counterexample linked.
  if (r.counterexamples.length > 0) {
    const link = (c: Counterexample, n: number) => `<a href="#cx-${n}">${escClip(c.rule ?? c.kind, LIMIT.name)}</a>`;
    const [first, ...also] = r.counterexamples;
    banners.push(`<div class="banner lead">Fails ${link(first!, 1)} at line ${traceLine(first!.violationIndex)}: ${escClip(first!.msg, LIMIT.message)}${also.length > 0 ? ` — also ${also.map((c, i) => link(c, i + 2)).join(', ')}` : ''}</div>`);
  }
  if (r.partial) banners.push('<div class="banner partial">PARTIAL: the run was interrupted or ended early; the results cover what ran.</div>');
  if (r.implError) banners.push(`<div class="banner error">Implementation error (${esc(r.implError.what)}): ${escClip(r.implError.msg, LIMIT.message)}</div>`);
  const fact = (k: string, v: string) => `<dt>${k}</dt><dd>${v}</dd>`;
  const facts = [
    fact('implementation', `<span class="mono">${escClip(r.implementation.name, LIMIT.name)}</span>`),
    fact('command', esc(r.command)),
    fact('seed', r.seeds ? `${r.seed} (shards: ${esc(r.seeds.join(', '))})` : String(r.seed)),
    fact('budget', esc(budgetText(r))),
    fact('time', `${esc(r.startedAt)} → ${esc(r.finishedAt)} (${r.durationMs} ms)`),
    fact('throughput', `${r.stats.sequences} sequences, ${r.stats.commands} commands, ${Math.round(r.stats.commandsPerSecond)} commands/s`),
    fact('rules', VERDICT_ORDER.map((v) => `${counts[v]} ${VERDICT_LABEL[v]}`).join(' · ')),
    fact('tool', `dmacheck ${escClip(r.tool.version, LIMIT.name)}`),
  ];
  const t = r.target;
  if (t) {
    facts.splice(1, 0, fact('kernel', `${escClip(t.release, LIMIT.name)} on QEMU ${escClip(t.machine, LIMIT.name)}, driver <span class="mono">${escClip(t.driver, LIMIT.name)}</span>, ${t.cpus} CPU(s), ${t.boots} boot(s)`));
    if (t.notSupported.length > 0) facts.push(fact('not supported', t.notSupported.map((u) => `<b>${escClip(u.feature, LIMIT.name)}</b>: ${escClip(u.reason, LIMIT.message)}`).join('<br>')));
  }
  if (r.known && r.known.length > 0) facts.push(fact('known (baseline)', r.known.map((k) => escClip(k, LIMIT.name)).join(', ')));
  if (r.implError) facts.push(fact('stderr', `<pre>${r.implError.stderrTail.map((l) => escClip(l, LIMIT.message)).join('\n')}</pre>`));
  return `${banners.join('')}<dl class="facts">${facts.join('')}</dl>`;
}

function bar(label: string, a: number, b: number): string {
  const w = 300;
  const fill = b > 0 ? Math.round((w * Math.min(a, b)) / b) : 0;
  return `<div>${label}: ${ratio(a, b)}<svg class="bar" width="${w}" height="10" role="img" aria-label="${esc(label)}"><rect class="bg" width="${w}" height="10"/><rect class="fg" width="${fill}" height="10"/></svg></div>`;
}

export function coverageHtml(r: RunResult): string {
  return bar('rules exercised', r.coverage.rulesExercised, r.coverage.rulesCheckable) + bar('model state pairs visited', r.coverage.pairsVisited, r.coverage.pairsReachable);
}

export function ruleTableHtml(r: RunResult): string {
  const groups = groupRules(r.rules).map(([g]) => g);
  // The filter starts on "fail" when something failed, so the failing rows are the first thing in the table.
  const start = r.rules.some((v) => v.verdict === 'fail') ? 'fail' : '';
  const option = (value: string, label: string) => `<option value="${esc(value)}"${value === start ? ' selected' : ''}>${esc(label)}</option>`;
  const filters = `<div class="filters">
<label>verdict <select id="f-verdict">${option('', 'all')}${VERDICT_ORDER.map((v) => option(v, VERDICT_LABEL[v])).join('')}</select></label>
<label>group <select id="f-group">${option('', 'all')}${groups.map((g) => option(g, g)).join('')}</select></label>
<label>text <input id="f-text" type="search" placeholder="rule id or words"></label>
<span id="f-shown">${r.rules.length} rules</span></div>`;
  const cxIndex = new Map<string, number>();
  r.counterexamples.forEach((c, i) => { if (c.rule !== null && !cxIndex.has(c.rule)) cxIndex.set(c.rule, i + 1); });
  const rows = r.rules.map((v) => {
    const n = cxIndex.get(v.id);
    const link = n === undefined ? '' : ` <a href="#cx-${n}">counterexample ${n}</a>`;
    return `<tr data-verdict="${esc(v.verdict)}" data-group="${esc(v.group)}"><td class="mono">${escClip(v.id, LIMIT.name)}</td><td>${escClip(v.group, LIMIT.name)}</td><td>${v.binds}</td><td class="v v-${v.verdict}">${VERDICT_LABEL[v.verdict]}</td><td>${v.exercised}</td><td>${v.failures}${link}</td><td class="st">${escClip(v.statement, LIMIT.message)}</td></tr>`;
  });
  return `${filters}<div class="table-wrap"><table id="rules"><thead><tr><th>rule</th><th>group</th><th>binds</th><th>verdict</th><th>exercised</th><th>failures</th><th>statement</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

function counterexampleHtml(c: Counterexample, n: number): string {
  return `<section class="cx" id="cx-${n}">
<h3>Counterexample ${n}: ${escClip(counterexampleTitle(c), LIMIT.name)} at line ${traceLine(c.violationIndex)}</h3>
<p><b>${escClip(c.msg, LIMIT.message)}</b></p>
${c.statement === '' ? '' : `<p>Rule: ${escClip(c.statement, LIMIT.message)}</p>`}
<p class="mono">replay: ${escClip(replayLine(c), LIMIT.message)} · ${c.length} commands · ${c.trace.length} trace entries</p>
${timelineHtml(c)}
<details><summary>trace text</summary><pre>${escClip(c.text, LIMIT.block)}</pre></details>
<details><summary>as C</summary><pre>${escClip(c.c, LIMIT.block)}</pre></details>
</section>`;
}

/** Every finding (check-trace verdicts with their lines, a run's advisories), or nothing. */
export function findingsHtml(r: RunResult): string {
  const findings = r.findings ?? [];
  if (findings.length === 0) return '';
  const rows = findings.map((f) => `<tr class="f-${esc(f.kind)}"><td>${f.line ?? ''}</td><td class="v v-${f.kind === 'advisory' ? 'advisory' : 'fail'}">${esc(f.kind)}</td><td class="mono">${escClip(f.rule ?? '', LIMIT.name)}</td><td>${f.chan ?? ''}</td><td>${f.count ?? 1}</td><td>${escClip(f.msg, LIMIT.message)}</td></tr>`);
  const strict = r.strict === true ? ' (--strict: advisories fail the run)' : '';
  return `<h2>Findings${strict}</h2><table id="findings"><thead><tr><th>line</th><th>kind</th><th>rule</th><th>chan</th><th>seen</th><th>message</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

export function counterexamplesHtml(r: RunResult): string {
  if (r.counterexamples.length === 0) return '<p>None.</p>';
  return r.counterexamples.map((c, i) => counterexampleHtml(c, i + 1)).join('\n');
}
