/**
 * DATA-9 on the kernel path: the end-of-program check that check-client makes after
 * `Model.end` (spec/model/end-mappings.ts), asked through the Model interface — every
 * buffer the trace mapped is unmapped by the end (a buffer freed while mapped leaked
 * its mapping too). Only for a trace that ended quiescent: a cut trace has no end.
 * Raises Undefined(DATA-9).
 * @public
 */
import type { CoverageSink, Model } from '../../spec/api/model-api.ts';
import type { TraceEntry, Verdict } from '../../spec/api/trace.ts';
import { data9_mappingReleased } from '../../spec/rules/data.ts';

/** The buffers a trace maps (map_buf calls, any context). */
function mappedBufs(entries: readonly TraceEntry[]): number[] {
  return [...new Set(entries.flatMap((e) => (e.k === 'call' && e.call.op === 'map_buf' ? [e.call.buf] : [])))];
}

/** DATA-9 in the model's end state `s` of a trace of `entries`; names the first leaked buffer. @public */
export function endMappings<S>(model: Model<S>, s: S, entries: readonly TraceEntry[], cov?: CoverageSink): Verdict | undefined {
  const leaked = mappedBufs(entries).map((id) => model.buf(s, id)).find((b) => b !== undefined && b.mapped !== 'no');
  const f = data9_mappingReleased({ cov }, leaked !== undefined);
  if (f === undefined || leaked === undefined) return undefined;
  return { kind: f.kind, rule: f.rule, step: entries.length, msg: `${f.msg}: buffer ${leaked.buf}${leaked.freed ? ' freed while mapped' : ''}` };
}
