/**
 * Checks a parsed trace against the reference model: every entry goes through
 * `model.step`, and when the file says the run ended quiescent, `model.end` applies the
 * end-of-run obligations. `undefined` verdicts (client misuse) are collected and the
 * check goes on (the model stops judging that channel only); the first `violation` or
 * `model_bug` stops it. Each verdict is reported with its file line.
 * @public
 */
import type { CoverageSink, Model } from '../spec/api/model-api.ts';
import type { Verdict } from '../spec/api/trace.ts';
import type { ParsedTrace } from './parse.ts';

/** A verdict and the trace-file line it points at. @public */
export interface LocatedVerdict {
  readonly verdict: Verdict;
  readonly line: number;
}

/** @public */
export interface TraceCheckResult {
  /** Verdicts in trace order: any number of `undefined`, then at most one violation / model bug. */
  readonly verdicts: readonly LocatedVerdict[];
  readonly entriesChecked: number;
  /** End-of-run obligations were checked (the file has its end line). */
  readonly endChecked: boolean;
}

/** Feeds the trace to `model` (rule coverage to `cov`); never throws for a trace that parsed. @public */
export function checkTrace<S>(t: ParsedTrace, model: Model<S>, cov?: CoverageSink): TraceCheckResult {
  const verdicts: LocatedVerdict[] = [];
  let s = model.init(t.header.config, t.header.observe);
  for (let i = 0; i < t.entries.length; i++) {
    const r = model.step(s, t.entries[i]!, i, cov);
    s = r.state;
    if (r.verdict) {
      verdicts.push({ verdict: r.verdict, line: t.lines[i] ?? 0 });
      if (r.verdict.kind !== 'undefined') return { verdicts, entriesChecked: i + 1, endChecked: false };
    }
  }
  if (!t.ended) return { verdicts, entriesChecked: t.entries.length, endChecked: false };
  const r = model.end(s, t.entries.length, cov);
  if (r.verdict) verdicts.push({ verdict: r.verdict, line: t.endLine });
  return { verdicts, entriesChecked: t.entries.length, endChecked: true };
}

/** One line per verdict: `file:line: violation CB-1: message`. @public */
export function formatVerdict(file: string, v: LocatedVerdict): string {
  const x = v.verdict;
  const what = x.kind === 'violation' || x.kind === 'undefined' ? `${x.kind} ${x.rule}` : x.kind === 'impl_error' ? `impl_error ${x.what}` : 'model_bug';
  return `${file}:${v.line}: ${what}: ${x.msg}`;
}
