/**
 * Public API of the report writers. Producers (certify, fuzz, check-trace) build a
 * {@link RunResult} and call {@link writeReports}; `dmacheck report` re-renders,
 * merges and gates saved results. See docs/REPORTS.md.
 * @public
 */
export type { Counterexample, Coverage, Finding, RuleVerdict, RuleVerdictKind, RunResult } from './result.ts';
export { REPORT_SCHEMA_VERSION } from './result.ts';
export { parseFormats, REPORT_FILES, REPORT_FORMATS, type ReportFormat } from './formats.ts';
export { renderReport, writeReports, writeFileAtomic, type WrittenReport } from './io/write-reports.ts';
export { parseResult, readResult } from './io/read-result.ts';
export { applyBaseline } from './gating/baseline.ts';
export { counterexampleShape, mergeResults } from './gating/merge.ts';
export { renderText } from './text/render-text.ts';
export { renderJunit } from './junit/render-junit.ts';
export { renderKtap } from './ktap/render-ktap.ts';
export { renderMarkdown } from './markdown/render-markdown.ts';
export { renderHtml } from './html/render-html.ts';
export { stableJson } from './json/stable-json.ts';
export { reportJsonSchema, REPORT_SCHEMA_ID } from './schema/json-schema.ts';
export { runResultSchema } from './schema/result-schema.ts';
