/**
 * The `RunResult` of `dmacheck check-trace` (issue 15), for `--report-dir` and `--json`:
 * every verdict of the trace as a finding with its file line, per-rule verdicts from the
 * rule evaluations the model made while checking it (advisory rules `advisory`, or `fail`
 * under `--strict`), and the run verdict the exit status follows.
 * @internal
 */
import { CoverageCounter } from '../../properties/certify/coverage.ts';
import { isCheckable, ruleVerdicts } from '../../properties/certify/verdicts.ts';
import { REPORT_SCHEMA_VERSION, type Finding, type RunResult } from '../../reports/index.ts';
import type { Verdict } from '../../spec/api/index.ts';
import { CATALOGUE } from '../../spec/catalogue/index.ts';
import { type LocatedVerdict, traceFails, type TraceCheckResult, worstOf } from '../../trace/check.ts';
import type { ParsedTrace } from '../../trace/parse.ts';

/** One located verdict as a report finding. @internal */
export function findingOf(v: LocatedVerdict): Finding {
  const x: Verdict = v.verdict;
  const rule = x.kind === 'model_bug' || x.kind === 'impl_error' ? null : x.rule;
  const chan = x.kind === 'model_bug' || x.kind === 'impl_error' ? undefined : x.chan;
  return { kind: x.kind, rule, msg: x.msg, line: v.line, ...(chan === undefined ? {} : { chan }) };
}

/** What the CLI knows about the run beyond the check itself. @internal */
export interface TraceRunInfo {
  readonly version: string;
  readonly strict: boolean;
  readonly startedAt: Date;
  readonly durationMs: number;
}

/** The report of one checked trace. @internal */
export function traceRunResult(t: ParsedTrace, checked: TraceCheckResult, cov: CoverageCounter, info: TraceRunInfo): RunResult {
  const findings = checked.verdicts.map(findingOf);
  const rules = ruleVerdicts(null, cov, [], findings, info.strict);
  const exercised = CATALOGUE.filter((r) => isCheckable(r) && cov.count(r.id) > 0).length;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'dmacheck', version: info.version },
    command: 'check-trace',
    implementation: { name: t.header.implementation, profile: null },
    seed: 0,
    budget: {},
    startedAt: info.startedAt.toISOString(),
    finishedAt: new Date(info.startedAt.getTime() + info.durationMs).toISOString(),
    durationMs: info.durationMs,
    // A trace without its end line was judged on what it holds.
    partial: !t.ended,
    verdict: worstOf(checked.verdicts) === 'model_bug' ? 'error' : traceFails(checked.verdicts, info.strict) ? 'fail' : 'pass',
    rules,
    counterexamples: [],
    findings,
    strict: info.strict,
    coverage: { rulesExercised: exercised, rulesCheckable: CATALOGUE.filter(isCheckable).length, pairsVisited: cov.pairs.size, pairsReachable: 0 },
    stats: { sequences: 1, commands: checked.entriesChecked, commandsPerSecond: info.durationMs > 0 ? (1000 * checked.entriesChecked) / info.durationMs : 0 },
  };
}
