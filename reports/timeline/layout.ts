/**
 * Timeline layout of a trace: which lane each entry belongs to, how deeply it is
 * nested, and the spans (call…ret, env…env_end, cb…cb_ret) to draw. Pure data, so
 * the SVG writer stays dumb and the layout is testable. Tolerates malformed nesting
 * (a stray `ret` or an unclosed span) because traces come from untrusted engines.
 * @internal
 */
import { match } from 'ts-pattern';
import type { TraceEntry } from '../../spec/api/trace.ts';
import type { EngineCtx, EngineEvent } from '../../spec/api/vocabulary.ts';
import { callLabel, entryLabel, envLabel } from './labels.ts';

export const LANES = ['process', 'atomic', 'hardirq', 'tasklet', 'hardware', 'peripheral'] as const;
export type Lane = (typeof LANES)[number];

export type RowKind = 'call' | 'ret' | 'env' | 'end' | 'ev' | 'cb' | 'cb_ret';

export interface Row {
  readonly index: number;
  readonly lane: Lane;
  readonly depth: number;
  readonly kind: RowKind;
  readonly label: string;
}

export interface Span {
  readonly kind: 'call' | 'env' | 'cb';
  readonly lane: Lane;
  readonly depth: number;
  readonly start: number;
  /** Index of the closing entry, or the last index when the trace ends inside the span. */
  readonly end: number;
}

export interface TimelineLayout {
  readonly rows: readonly Row[];
  /** Sorted by start. */
  readonly spans: readonly Span[];
}

interface Frame { readonly kind: Span['kind']; readonly lane: Lane; readonly depth: number; readonly start: number }

const laneOfCtx = (ctx: EngineCtx): Lane => ctx;

/** Events the hardware or the peripheral does themselves; the others happen in the running code's lane. */
function eventLane(ev: EngineEvent): Lane | null {
  return match(ev.ev)
    .with('hw_start', 'xfer', 'irq_raised', 'dma_fault', 'meta_copied', 'lock_splat', () => 'hardware' as const)
    .with('periph_rx', 'periph_lost', () => 'peripheral' as const)
    .with('complete', 'period', 'tasklet_scheduled', 'desc_freed', 'meta_fault', () => null)
    .exhaustive();
}

/** Lay out `trace` in lanes. */
export function layoutTimeline(trace: readonly TraceEntry[]): TimelineLayout {
  const rows: Row[] = [];
  const spans: Span[] = [];
  const stack: Frame[] = [];
  const depthIn = (lane: Lane) => stack.filter((f) => f.lane === lane).length;
  const innermostCb = () => [...stack].reverse().find((f) => f.kind === 'cb');
  const open = (kind: Span['kind'], lane: Lane, i: number, label: string, rowKind: RowKind) => {
    const depth = depthIn(lane);
    stack.push({ kind, lane, depth, start: i });
    rows.push({ index: i, lane, depth, kind: rowKind, label });
  };
  const close = (kind: Span['kind'], i: number, label: string, rowKind: RowKind) => {
    const at = stack.map((f) => f.kind).lastIndexOf(kind);
    const frame = at >= 0 ? stack[at] : undefined;
    if (frame === undefined) {
      rows.push({ index: i, lane: 'process', depth: 0, kind: rowKind, label });
      return;
    }
    stack.splice(at);
    spans.push({ kind, lane: frame.lane, depth: frame.depth, start: frame.start, end: i });
    rows.push({ index: i, lane: frame.lane, depth: frame.depth, kind: rowKind, label });
  };

  trace.forEach((e, i) => {
    match(e)
      .with({ k: 'call' }, (x) => {
        const lane = x.ctx === 'callback' ? (innermostCb()?.lane ?? 'tasklet') : x.ctx;
        open('call', lane, i, callLabel(x.call), 'call');
      })
      .with({ k: 'ret' }, (x) => close('call', i, entryLabel(x), 'ret'))
      .with({ k: 'env' }, (x) => {
        const lane = match(x.step.op)
          .with('advance', () => 'hardware' as const)
          .with('irq', () => 'hardirq' as const)
          .with('tasklet', () => 'tasklet' as const)
          .with('drain', () => 'peripheral' as const)
          .exhaustive();
        open('env', lane, i, envLabel(x.step), 'env');
      })
      .with({ k: 'env_end' }, (x) => close('env', i, entryLabel(x), 'end'))
      .with({ k: 'cb' }, (x) => open('cb', laneOfCtx(x.cb.ctx), i, entryLabel(x), 'cb'))
      .with({ k: 'cb_ret' }, (x) => close('cb', i, entryLabel(x), 'cb_ret'))
      .with({ k: 'ev' }, (x) => {
        const lane = eventLane(x.ev) ?? stack[stack.length - 1]?.lane ?? 'hardware';
        rows.push({ index: i, lane, depth: depthIn(lane), kind: 'ev', label: entryLabel(x) });
      })
      .exhaustive();
  });
  const last = Math.max(0, trace.length - 1);
  for (const f of stack) spans.push({ kind: f.kind, lane: f.lane, depth: f.depth, start: f.start, end: last });
  spans.sort((a, b) => a.start - b.start || a.depth - b.depth);
  return { rows, spans };
}
