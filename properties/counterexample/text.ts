/**
 * The numbered trace of a run: one line per call (with its return), event, callback
 * and environment step, indented by nesting, the failing entry marked with `>>`.
 * @public
 */
import type { TraceEntry, Verdict } from '../../spec/api/index.ts';
import { traceLine } from '../../spec/api/index.ts';
import { verdictLine } from '../lockstep/step.ts';
import { entryText, retText } from './describe.ts';

/** Render `trace`; the entry the verdict names is marked. Numbers are trace lines ({@link traceLine}: line 1 is the header). @public */
export function traceText(trace: readonly TraceEntry[], verdict: Verdict | undefined): string {
  const failAt = verdict?.step ?? -1;
  const lines: string[] = [];
  let depth = 0;
  const emit = (i: number, d: number, text: string, marked: boolean) => {
    const indent = '  '.repeat(d);
    lines.push(`${marked ? '>>' : '  '}${String(traceLine(i)).padStart(4)}  ${indent}${text}`);
    if (marked && verdict) lines.push(`        ${indent}^ ${verdictLine(verdict)}`);
  };
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i]!;
    const next = trace[i + 1];
    switch (e.k) {
      case 'call':
        // A call whose return follows at once reads as one line: `submit(d3) -> cookie 4`.
        if (next?.k === 'ret' && failAt !== i) {
          emit(i, depth, entryText(e) + retText(next.ret), failAt === i + 1);
          i++;
        } else {
          emit(i, depth++, entryText(e), failAt === i);
        }
        break;
      case 'env': case 'cb':
        emit(i, depth++, entryText(e), failAt === i);
        break;
      case 'ret': case 'cb_ret':
        emit(i, (depth = Math.max(0, depth - 1)), entryText(e), failAt === i);
        break;
      case 'env_end':
        depth = Math.max(0, depth - 1);
        if (failAt === i) emit(i, depth, entryText(e), true);
        break;
      case 'ev':
        emit(i, depth, entryText(e), failAt === i);
        break;
    }
  }
  if (failAt >= trace.length && verdict) lines.push(`>>  end  ^ ${verdictLine(verdict)}`);
  return lines.join('\n');
}

/**
 * How many numbered entries {@link traceText} prints for `trace` failing at `failAt`: one
 * per entry, less the returns folded into their call's line and the unmarked `env_end`s. @public
 */
export function printedEntryCount(trace: readonly TraceEntry[], failAt: number): number {
  let n = 0;
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i]!;
    if (e.k === 'call' && trace[i + 1]?.k === 'ret' && failAt !== i) i++;
    if (e.k === 'env_end' && failAt !== i) continue;
    n++;
  }
  return n;
}
