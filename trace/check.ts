/**
 * Checks a parsed trace against the reference model: every entry goes through
 * `model.step`, and when the file says the run ended quiescent, `model.end` applies the
 * end-of-run obligations. Every independent verdict is listed with its file line
 * (issue 15): each advisory (the model goes on as if the call were fine), the first
 * `undefined` verdict of each channel (the model then stops judging that channel only,
 * so what follows on the other channels is still found); the first `violation` or
 * `model_bug` stops the check, since the model's picture of the engine is then wrong.
 * @public
 */
import type { CoverageSink, Model } from '../spec/api/model-api.ts';
import type { Verdict } from '../spec/api/trace.ts';
import type { ParsedTrace } from './parse.ts';
import { ruleMessage } from '../spec/api/message.ts';

/** A verdict and the trace-file line it points at. @public */
export interface LocatedVerdict {
  readonly verdict: Verdict;
  readonly line: number;
}

/** @public */
export interface TraceCheckResult {
  /**
   * Verdicts in trace order: advisories and `undefined` ones (at most one per channel, plus
   * channel-less ones), then at most one violation / model bug.
   */
  readonly verdicts: readonly LocatedVerdict[];
  readonly entriesChecked: number;
  /** End-of-run obligations were checked (the file has its end line). */
  readonly endChecked: boolean;
}

const stops = (v: Verdict): boolean => v.kind !== 'undefined' && v.kind !== 'advisory';

/** Feeds the trace to `model` (rule evaluations to `cov`); never throws for a trace that parsed. @public */
export function checkTrace<S>(t: ParsedTrace, model: Model<S>, cov?: CoverageSink): TraceCheckResult {
  const verdicts: LocatedVerdict[] = [];
  let s = model.init(t.header.config, t.header.observe);
  for (let i = 0; i < t.entries.length; i++) {
    const r = model.step(s, t.entries[i]!, i, cov);
    s = r.state;
    const line = t.lines[i] ?? 0;
    for (const a of r.advisories ?? []) verdicts.push({ verdict: a, line });
    if (r.verdict) {
      verdicts.push({ verdict: r.verdict, line });
      if (stops(r.verdict)) return { verdicts, entriesChecked: i + 1, endChecked: false };
    }
  }
  if (!t.ended) return { verdicts, entriesChecked: t.entries.length, endChecked: false };
  const r = model.end(s, t.entries.length, cov);
  for (const a of r.advisories ?? []) verdicts.push({ verdict: a, line: t.endLine });
  if (r.verdict) verdicts.push({ verdict: r.verdict, line: t.endLine });
  return { verdicts, entriesChecked: t.entries.length, endChecked: true };
}

/**
 * How bad a verdict list is, worst first: `model_bug` > `impl_error` > `violation` and
 * `undefined` (a failure) > `advisory` > none. @public
 */
export type Worst = 'model_bug' | 'failure' | 'advisory' | 'none';

/** The worst of `verdicts` (see {@link Worst}). @public */
export function worstOf(verdicts: readonly LocatedVerdict[]): Worst {
  const kinds = new Set(verdicts.map((v) => v.verdict.kind));
  if (kinds.has('model_bug')) return 'model_bug';
  if (kinds.has('violation') || kinds.has('undefined') || kinds.has('impl_error')) return 'failure';
  return kinds.has('advisory') ? 'advisory' : 'none';
}

/** Whether a trace with these verdicts fails: any violation or UB; advisories only under `strict`. @public */
export function traceFails(verdicts: readonly LocatedVerdict[], strict: boolean): boolean {
  const w = worstOf(verdicts);
  return w === 'model_bug' || w === 'failure' || (strict && w === 'advisory');
}

/** One line per verdict: `file:line: violation CB-1: message`. @public */
export function formatVerdict(file: string, v: LocatedVerdict): string {
  const x = v.verdict;
  const what = x.kind === 'violation' || x.kind === 'undefined' || x.kind === 'advisory' ? `${x.kind} ${x.rule}` : x.kind === 'impl_error' ? `impl_error ${x.what}` : 'model_bug';
  const rule = x.kind === 'violation' || x.kind === 'undefined' || x.kind === 'advisory' ? x.rule : undefined;
  return `${file}:${v.line}: ${what}: ${ruleMessage(rule, x.msg)}`;
}
