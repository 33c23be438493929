/**
 * The self-contained HTML report (`report.html`): no network, inline CSS and JS
 * only, pinned by a Content-Security-Policy that allows exactly those two blocks
 * (by hash) and nothing else — no remote loads, no inline handlers, no forms.
 * @public
 */
import { createHash } from 'node:crypto';
import type { RunResult } from '../result.ts';
import { RUN_VERDICT_LABEL } from '../text/summary.ts';
import { escClip } from './escape.ts';
import { SCRIPT } from './script.ts';
import { counterexamplesHtml, coverageHtml, findingsHtml, ruleTableHtml, summaryHtml } from './sections.ts';
import { STYLE } from './style.ts';

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** The CSP of the page: only our own inline style and script. */
export const CSP = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`;

/** Render `result` as one self-contained HTML page. */
export function renderHtml(result: RunResult): string {
  const title = `dmacheck ${result.command}: ${RUN_VERDICT_LABEL[result.verdict]}${result.partial ? ' (partial)' : ''}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — ${escClip(result.implementation.name, 80)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${title}</h1>
<section id="summary">${summaryHtml(result)}</section>
<h2>Coverage</h2>
<section id="coverage">${coverageHtml(result)}</section>
<h2>Rules</h2>
<section id="rule-table">${ruleTableHtml(result)}</section>
<section id="findings">${findingsHtml(result)}</section>
<h2>Counterexamples</h2>
<section id="counterexamples">${counterexamplesHtml(result)}</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
