/**
 * Short one-line labels of trace entries, as a kernel log would print them
 * (`submit(d3)`, `→ cookie 4`, `xfer d3 +0..64`), for the HTML timeline and the
 * excerpts in KTAP and JUnit.
 * @internal
 */
import { traceLine } from '../../spec/api/trace.ts';
import { match } from 'ts-pattern';
import type { ClientCall, EngineEvent, EnvStep, Ret } from '../../spec/api/vocabulary.ts';
import type { TraceEntry } from '../../spec/api/trace.ts';

const SHORT_KEYS: Readonly<Record<string, string>> = { chan: 'c', desc: 'd', buf: 'b' };

function value(v: unknown): string {
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? v : String(v);
  if (Array.isArray(v)) return `[${v.map(value).join(' ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${k}:${value(x)}`).join(' ')}}`;
}

/** `op(c0, d3, dir=MEM_TO_DEV, …)`: ids first and short, then the other arguments. */
function args(o: Readonly<Record<string, unknown>>, skip: string): string {
  const ids: string[] = [];
  const rest: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k === skip) continue;
    const short = SHORT_KEYS[k];
    if (short !== undefined && typeof v === 'number') ids.push(`${short}${v}`);
    else rest.push(`${k}=${value(v)}`);
  }
  return [...ids, ...rest].join(', ');
}

export function callLabel(c: ClientCall): string {
  return `${c.op}(${args(c, 'op')})`;
}

export function envLabel(s: EnvStep): string {
  return `${s.op}(${args(s, 'op')})`;
}

export function eventLabel(e: EngineEvent): string {
  return match(e)
    .with({ ev: 'xfer' }, (x) => `xfer d${x.desc} +${x.offset}..${x.offset + x.len} w${x.width}`)
    .with({ ev: 'periph_rx' }, (x) => `periph_rx c${x.chan} ${x.len}B`)
    .with({ ev: 'periph_lost' }, (x) => `periph_lost c${x.chan} ${x.len}B`)
    .with({ ev: 'complete' }, (x) => `complete d${x.desc} ck${x.cookie}`)
    .otherwise((x) => `${x.ev} ${args(x, 'ev')}`);
}

export function retLabel(r: Ret): string {
  return match(r)
    .with({ t: 'void' }, () => '→ void')
    .with({ t: 'int' }, (x) => `→ ${x.v}`)
    .with({ t: 'err' }, (x) => `→ -${x.e}`)
    .with({ t: 'null' }, () => '→ NULL')
    .with({ t: 'ok' }, () => '→ ok')
    .with({ t: 'bool' }, (x) => `→ ${x.v}`)
    .with({ t: 'cookie' }, (x) => `→ cookie ${x.v}`)
    .with({ t: 'status' }, (x) => `→ ${x.st.status}${x.st.residue === undefined ? '' : ` res ${x.st.residue}`}`)
    .with({ t: 'caps' }, () => '→ caps')
    .with({ t: 'metaptr' }, (x) => `→ metaptr ${x.payloadLen}/${x.maxLen}`)
    .exhaustive();
}

/** The label of one trace entry. */
export function entryLabel(e: TraceEntry): string {
  return match(e)
    .with({ k: 'call' }, (x) => `${callLabel(x.call)} [${x.ctx}]`)
    .with({ k: 'ret' }, (x) => retLabel(x.ret))
    .with({ k: 'env' }, (x) => envLabel(x.step))
    .with({ k: 'env_end' }, () => 'end')
    .with({ k: 'ev' }, (x) => eventLabel(x.ev))
    .with({ k: 'cb' }, (x) => `${x.cb.period ? 'period ' : ''}${x.cb.fn}(d${x.cb.desc}) [${x.cb.ctx}${x.cb.locksHeld ? ', locked' : ''}]`)
    .with({ k: 'cb_ret' }, () => 'callback returns')
    .exhaustive();
}

/** Numbered lines `  41  xfer d3 +0..64` for steps [from, to) of `trace`, `>>` marking `mark`. */
export function traceExcerpt(trace: readonly TraceEntry[], from: number, to: number, mark: number): string[] {
  const lines: string[] = [];
  const lo = Math.max(0, from);
  const hi = Math.min(trace.length, to);
  for (let i = lo; i < hi; i++) lines.push(`${i === mark ? '>>' : '  '}${String(traceLine(i)).padStart(6)}  ${entryLabel(trace[i]!)}`);
  return lines;
}
