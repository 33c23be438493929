/**
 * The numbered trace of a run: one line per call (with its return), event, callback
 * and environment step, indented by nesting, the failing entry marked with `>>`.
 * @public
 */
import type { TraceEntry, Verdict } from '../../spec/api/index.ts';
import { traceLine } from '../../spec/api/index.ts';
import { verdictLine } from '../lockstep/step.ts';
import { entryText, retText } from './describe.ts';

/** One numbered line of the printed trace. */
interface Row {
  readonly index: number;
  readonly depth: number;
  readonly text: string;
  readonly marked: boolean;
}

/**
 * The printed rows of `trace` failing at entry `failAt`: one per entry, a call and the
 * return that follows at once on one row, `env_end` only when marked. Rows stop at the
 * failing entry: what the engine did after it, to the end of that step, is unjudged (the
 * model stopped there); `rest` counts those entries.
 */
function traceRows(trace: readonly TraceEntry[], failAt: number): { rows: Row[]; rest: number } {
  const rows: Row[] = [];
  let depth = 0;
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i]!;
    const next = trace[i + 1];
    const at = rows.length;
    switch (e.k) {
      case 'call':
        // A call whose return follows at once reads as one line: `submit(d3) -> cookie 4`.
        if (next?.k === 'ret' && failAt !== i) {
          rows.push({ index: i, depth, text: entryText(e) + retText(next.ret), marked: failAt === i + 1 });
          i++;
        } else {
          rows.push({ index: i, depth: depth++, text: entryText(e), marked: failAt === i });
        }
        break;
      case 'env': case 'cb':
        rows.push({ index: i, depth: depth++, text: entryText(e), marked: failAt === i });
        break;
      case 'ret': case 'cb_ret':
        rows.push({ index: i, depth: (depth = Math.max(0, depth - 1)), text: entryText(e), marked: failAt === i });
        break;
      case 'env_end':
        depth = Math.max(0, depth - 1);
        if (failAt === i) rows.push({ index: i, depth, text: entryText(e), marked: true });
        break;
      case 'ev':
        rows.push({ index: i, depth, text: entryText(e), marked: failAt === i });
        break;
    }
    if (rows.length > at && rows[rows.length - 1]!.marked) return { rows, rest: trace.length - 1 - i };
  }
  return { rows, rest: 0 };
}

/**
 * Render `trace`; the entry the verdict names is marked and ends the listing. Numbers are
 * trace lines ({@link traceLine}: line 1 is the header). @public
 */
export function traceText(trace: readonly TraceEntry[], verdict: Verdict | undefined): string {
  const { rows, rest } = traceRows(trace, verdict?.step ?? -1);
  const lines: string[] = [];
  for (const r of rows) {
    const indent = '  '.repeat(r.depth);
    lines.push(`${r.marked ? '>>' : '  '}${String(traceLine(r.index)).padStart(4)}  ${indent}${r.text}`);
    if (r.marked && verdict) lines.push(`        ${indent}^ ${verdictLine(verdict)}`);
  }
  if (rest > 0) lines.push(`        (${rest} more entr${rest === 1 ? 'y' : 'ies'} to the end of the step, after the failure: not judged)`);
  if ((verdict?.step ?? -1) >= trace.length && verdict) lines.push(`>>  end  ^ ${verdictLine(verdict)}`);
  return lines.join('\n');
}

/** How many numbered entries {@link traceText} prints for `trace` failing at `failAt`. @public */
export function printedEntryCount(trace: readonly TraceEntry[], failAt: number): number {
  return traceRows(trace, failAt).rows.length;
}
