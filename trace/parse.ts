/**
 * Parses a `dmacheck-trace/1` or `/1.1` file (docs/TRACE.md) into entries with their line
 * numbers. Every line is validated (zod) and the nesting is checked (a `ret` closes a
 * `call`, `env_end` an `env`, `cb_ret` a `cb`; callbacks nest calls; in 1.1 env steps
 * also nest in calls, steps and callbacks), and a 1.1 trace holds only the event kinds
 * and env ops its header observes, and names only channels of its slave map and
 * descriptors an earlier prep created (trace/ids.ts). The first problem raises InputError
 * `file:line: what is wrong`. A trace that merely stops (open calls, or a last line cut
 * mid-write) is returned as far as it goes.
 * @public
 */
import { InputError } from '../io/errors.ts';
import type { TraceEntry } from '../spec/api/trace.ts';
import { TraceEntrySchema, describeZodError } from '../spec/api/schema.ts';
import { IdCheck } from './ids.ts';
import { type TraceFormat, type TraceHeader, TraceEndSchema, TraceHeaderSchema, TRACE_FORMAT, TRACE_FORMAT_1_1, TRACE_FORMATS } from './format.ts';

/** @public */
export interface ParsedTrace {
  readonly header: TraceHeader;
  readonly entries: readonly TraceEntry[];
  /** 1-based file line of each entry. */
  readonly lines: readonly number[];
  /** The file has the `{"end":true}` line: the run ended quiescent. */
  readonly ended: boolean;
  /** Calls, env steps or callbacks still open at the end of the file (the trace stopped). */
  readonly open: number;
  /** The last line was cut mid-write (no newline, not JSON) and was ignored. */
  readonly cutLine: boolean;
  /** Line number of the `end` line or one past the last line (for end-of-run verdicts). */
  readonly endLine: number;
}

type Frame = 'call' | 'env' | 'cb';
const OPENS: Partial<Record<TraceEntry['k'], Frame>> = { call: 'call', env: 'env', cb: 'cb' };
const CLOSES: Partial<Record<TraceEntry['k'], Frame>> = { ret: 'call', env_end: 'env', cb_ret: 'cb' };
type Nesting = Record<Frame | 'top', ReadonlySet<TraceEntry['k']>>;
/** Which entry kinds may appear directly inside each frame (top = outside everything), per format. */
const ALLOWED: Record<TraceFormat, Nesting> = {
  [TRACE_FORMAT]: {
    top: new Set(['call', 'env']),
    call: new Set(['ev', 'cb', 'ret']),
    env: new Set(['ev', 'cb', 'env_end']),
    cb: new Set(['call', 'cb_ret']),
  },
  // 1.1: an interrupt or tasklet may run inside a call, a step or a callback on the same CPU.
  [TRACE_FORMAT_1_1]: {
    top: new Set(['call', 'env']),
    call: new Set(['ev', 'cb', 'env', 'ret']),
    env: new Set(['ev', 'cb', 'env', 'env_end']),
    cb: new Set(['call', 'env', 'cb_ret']),
  },
};

/** Why a 1.1 entry is not allowed by the header's `observe`, if it is not. */
function unobserved(h: TraceHeader, e: TraceEntry): string | undefined {
  const o = h.observe;
  if (o === undefined) return undefined;
  if (e.k === 'ev' && !o.events.includes(e.ev.ev)) return `'${e.ev.ev}' event, but the header does not observe it`;
  if (e.k === 'env' && !o.env.includes(e.step.op)) return `'${e.step.op}' step, but the header does not observe it`;
  return undefined;
}
const WHERE: Record<Frame | 'top', string> = { top: 'at top level', call: 'inside a call', env: 'inside an env step', cb: 'inside a callback' };

/** Raises InputError(`file:line: …`). @public */
export function parseTrace(text: string, file: string): ParsedTrace {
  const rows = text.split('\n');
  const cutCandidate = !text.endsWith('\n');
  const fail: (line: number, what: string) => never = (line, what) => {
    throw new InputError(`${file}:${line}: ${what}`);
  };
  const json = (raw: string, line: number): unknown => {
    try {
      return JSON.parse(raw);
    } catch {
      return fail(line, 'not JSON');
    }
  };

  let header: TraceHeader | undefined;
  const entries: TraceEntry[] = [];
  const lines: number[] = [];
  const stack: Frame[] = [];
  let endLine: number | undefined;
  let cutLine = false;
  let ids: IdCheck | undefined;

  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i]!.replace(/\r$/, '');
    const line = i + 1;
    if (raw.trim() === '') continue;
    if (endLine !== undefined) fail(line, 'content after the end line');
    const isLast = i === rows.length - 1;
    let value: unknown;
    if (isLast && cutCandidate) {
      try { value = JSON.parse(raw); } catch { cutLine = true; break; }
    } else value = json(raw, line);

    if (header === undefined) {
      const fmt = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
      if (!TRACE_FORMATS.includes(fmt as TraceFormat)) fail(line, `header: expected "format":"${TRACE_FORMAT}" or "${TRACE_FORMAT_1_1}", got ${JSON.stringify(fmt ?? null).slice(0, 40)}`);
      const h = TraceHeaderSchema.safeParse(value);
      if (!h.success) fail(line, `header: ${describeZodError(h.error)}`);
      header = h.data;
      ids = new IdCheck(header.config.slaves.length);
      continue;
    }
    if (typeof value === 'object' && value !== null && 'end' in value) {
      if (!TraceEndSchema.safeParse(value).success) fail(line, 'end line must be exactly {"end":true}');
      if (stack.length > 0) fail(line, `end line while ${stack.length} call/env/callback(s) are open`);
      endLine = line;
      continue;
    }
    const e = TraceEntrySchema.safeParse(value);
    if (!e.success) fail(line, describeZodError(e.error));
    const entry = e.data;
    const frame = stack[stack.length - 1] ?? 'top';
    if (!ALLOWED[header.format][frame].has(entry.k)) {
      const hint = ALLOWED[TRACE_FORMAT_1_1][frame].has(entry.k) ? ` (format ${TRACE_FORMAT_1_1} allows it)` : '';
      fail(line, `'${entry.k}' ${WHERE[frame]}${hint}`);
    }
    const hidden = unobserved(header, entry);
    if (hidden !== undefined) fail(line, hidden);
    const impossible = ids?.check(entry);
    if (impossible !== undefined) fail(line, impossible);
    const closes = CLOSES[entry.k];
    if (closes !== undefined) stack.pop();
    const opens = OPENS[entry.k];
    if (opens !== undefined) stack.push(opens);
    entries.push(entry);
    lines.push(line);
  }
  if (header === undefined) return fail(1, 'empty trace: no header line');
  return { header, entries, lines, ended: endLine !== undefined, open: stack.length, cutLine, endLine: endLine ?? rows.length };
}
