/**
 * Judges one program run with the reference model, exactly as `dmacheck check-trace`
 * does (trace/parse.ts + trace/check.ts), counting rule coverage; then, as check-client
 * does after `Model.end`, the program's end obligation DATA-9 (every mapping unmapped;
 * end-mappings.ts), for a trace that ended quiescent with no failure before.
 * @public
 */
import type { CoverageSink, Model } from '../../spec/api/model-api.ts';
import type { Verdict } from '../../spec/api/trace.ts';
import { type TraceCheckResult, checkTrace, traceFails } from '../../trace/check.ts';
import { type ParsedTrace, parseTrace } from '../../trace/parse.ts';
import { endMappings } from './end-mappings.ts';
import type { ProgramRun } from './runner.ts';

/** A run the model could judge, or one whose trace did not parse (a converter/agent bug). @public */
export type Judged =
  | { readonly ok: true; readonly run: ProgramRun; readonly trace: ParsedTrace; readonly check: TraceCheckResult }
  | { readonly ok: false; readonly run: ProgramRun; readonly error: string };

/** @public */
export function judgeRun(run: ProgramRun, model: Model<unknown>, cov?: CoverageSink): Judged {
  let trace: ParsedTrace;
  try {
    trace = parseTrace(run.trace, run.name);
  } catch (e) {
    return { ok: false, run, error: (e as Error).message };
  }
  let last: { s: unknown } | undefined;
  // The same model, keeping the state its end check saw.
  const watched: Model<unknown> = Object.assign(Object.create(model) as Model<unknown>, {
    end: (s: unknown, index: number, c?: CoverageSink) => { last = { s }; return model.end(s, index, c); },
  });
  const check = checkTrace(trace, watched, cov);
  if (!check.endChecked || last === undefined || traceFails(check.verdicts, false)) return { ok: true, run, trace, check };
  const leak = endMappings(model, last.s, trace.entries, cov);
  return { ok: true, run, trace, check: leak === undefined ? check : { ...check, verdicts: [...check.verdicts, { verdict: leak, line: trace.endLine }] } };
}

/** A verdict that fails a run (advisories, where the model gives them, never do). @public */
export type FailingVerdict = Verdict & { readonly kind: 'violation' | 'undefined' | 'model_bug' | 'impl_error' };

const FAILING: ReadonlySet<string> = new Set(['violation', 'undefined', 'model_bug', 'impl_error']);
const isFailing = (v: Verdict): v is FailingVerdict => FAILING.has(v.kind);

/** The verdict that decides a run: the first violation or model bug, else the first undefined. @public */
export function decisive(j: Judged): FailingVerdict | undefined {
  if (!j.ok) return undefined;
  const vs = j.check.verdicts.map((v) => v.verdict).filter(isFailing);
  return vs.find((v) => v.kind !== 'undefined') ?? vs[0];
}

/** `kind rule` of a verdict, the identity shrinking preserves. @public */
export function verdictKey(v: FailingVerdict): string {
  switch (v.kind) {
    case 'violation': case 'undefined': return `${v.kind} ${v.rule}`;
    case 'impl_error': return `impl_error ${v.what}`;
    case 'model_bug': return 'model_bug';
  }
}
