/**
 * SVG timeline of one counterexample: time flows down, one row per trace entry,
 * one column per lane (process, atomic, hard IRQ, tasklet, hardware, peripheral).
 * Spans show calls (call…ret), environment steps (env…end) and callbacks
 * (cb…cb_ret, shaded, with the nested calls drawn inside). The violating entry is
 * highlighted and the rule text is written beside it. Long traces are cut into
 * chunks of {@link CHUNK_ROWS} rows, each its own <svg> in a <details>; only the
 * chunk holding the violation starts open, so the browser lays out little.
 * @internal
 */
import { traceLine } from '../../spec/api/trace.ts';
import type { Counterexample } from '../result.ts';
import { clip, LIMIT, oneLine } from '../text/sanitize.ts';
import { LANES, layoutTimeline, type Row, type Span, type TimelineLayout } from '../timeline/layout.ts';
import { esc } from './escape.ts';

export const CHUNK_ROWS = 500;
const ROW = 15;
const GUTTER = 56;
const LANE_W = 175;
const INDENT = 9;
const CHAR_W = 6.7;
const NOTE_X = GUTTER + LANES.length * LANE_W + 16;
const NOTE_CHARS = 64;
const WIDTH = NOTE_X + NOTE_CHARS * CHAR_W + 16;

const LANE_TITLE: Readonly<Record<(typeof LANES)[number], string>> = {
  process: 'process context', atomic: 'atomic context', hardirq: 'hard IRQ', tasklet: 'tasklet', hardware: 'hardware', peripheral: 'peripheral',
};

const laneX = (lane: (typeof LANES)[number]) => GUTTER + LANES.indexOf(lane) * LANE_W;

/** Split `s` into lines of at most `width` characters at spaces. */
function wrap(s: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of s.split(' ')) {
    for (let w = word; w.length > 0; w = w.slice(width)) {
      const piece = w.slice(0, width);
      if (cur.length + piece.length + 1 > width && cur !== '') { lines.push(cur); cur = ''; }
      cur = cur === '' ? piece : `${cur} ${piece}`;
    }
  }
  if (cur !== '') lines.push(cur);
  return lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]!.slice(0, width - 1)}…`] : lines;
}

/** The lane header row (repeated above each chunk). */
function headerSvg(): string {
  const cols = LANES.map((l) => `<text class="hdr" x="${laneX(l) + 6}" y="15">${esc(LANE_TITLE[l])}</text>`).join('');
  return `<svg class="tl" width="${WIDTH}" height="22" role="img" aria-label="timeline lanes"><text class="hdr gut" x="4" y="15">step</text>${cols}<text class="hdr" x="${NOTE_X}" y="15">rule</text></svg>`;
}

function spanSvg(s: Span, lo: number, hi: number): string {
  const y0 = (Math.max(s.start, lo) - lo) * ROW + 2;
  const y1 = (Math.min(s.end, hi - 1) - lo + 1) * ROW - 2;
  const x = laneX(s.lane) + 3 + s.depth * INDENT;
  const w = s.kind === 'cb' ? LANE_W - 6 - s.depth * INDENT : 4;
  return `<rect class="sp-${s.kind}" x="${x}" y="${y0}" width="${w}" height="${Math.max(2, y1 - y0)}" rx="2"/>`;
}

function rowSvg(r: Row, lo: number, violation: number): string {
  const y = (r.index - lo) * ROW;
  const x = laneX(r.lane) + 6 + r.depth * INDENT;
  const room = Math.max(6, Math.floor((LANE_W - 14 - r.depth * INDENT) / CHAR_W));
  const text = oneLine(r.label);
  const shown = text.length > room ? `${text.slice(0, room - 1)}…` : text;
  const title = shown === text ? '' : `<title>${esc(clip(text, LIMIT.message))}</title>`;
  const isViol = r.index === violation;
  const mark = isViol
    ? `<circle class="viol-mark" cx="${x + 3}" cy="${y + 8}" r="5"/>`
    : `<rect class="m-${r.kind}" x="${x}" y="${y + 5}" width="6" height="6"/>`;
  return `<text class="gut" x="4" y="${y + 11}">${traceLine(r.index)}</text>${mark}<text x="${x + 10}" y="${y + 11}">${esc(shown)}${title}</text>`;
}

function noteSvg(c: Counterexample, y: number): { svg: string; height: number } {
  const head = `◀ line ${traceLine(c.violationIndex)}: ${c.rule ?? c.kind} ${c.rule === null ? '' : c.kind}`;
  const lines = [
    ...wrap(oneLine(clip(c.msg, LIMIT.message)), NOTE_CHARS, 4),
    ...(c.statement === '' ? [] : wrap(oneLine(clip(c.statement, LIMIT.message)), NOTE_CHARS, 8)),
  ];
  const tspans = lines.map((l, i) => `<tspan x="${NOTE_X}" y="${y + 11 + (i + 1) * ROW}">${esc(l)}</tspan>`).join('');
  return {
    svg: `<text class="viol-note" x="${NOTE_X}" y="${y + 11}">${esc(head)}</text><text class="viol-rule">${tspans}</text>`,
    height: y + (lines.length + 2) * ROW,
  };
}

function chunkSvg(c: Counterexample, layout: TimelineLayout, lo: number, hi: number): string {
  const v = c.violationIndex;
  const parts: string[] = [];
  let height = (hi - lo) * ROW + 4;
  if (v >= lo && v < hi) {
    parts.push(`<rect class="viol-row" x="0" y="${(v - lo) * ROW}" width="${WIDTH}" height="${ROW}"/>`);
    const note = noteSvg(c, (v - lo) * ROW);
    height = Math.max(height, note.height);
    parts.push(note.svg);
  }
  for (const s of layout.spans) if (s.start < hi && s.end >= lo) parts.push(spanSvg(s, lo, hi));
  for (let i = lo; i < hi; i++) parts.push(rowSvg(layout.rows[i]!, lo, v));
  const bg = LANES.map((l, i) => `<rect class="lanebg${i % 2 ? ' odd' : ''}" x="${laneX(l)}" y="0" width="${LANE_W}" height="${height}"/>`).join('');
  return `<svg class="tl" width="${WIDTH}" height="${height}" role="img" aria-label="trace lines ${traceLine(lo)} to ${traceLine(hi - 1)}">${bg}${parts.join('')}</svg>`;
}

/** The timeline of `c` as HTML: lane header plus one <svg> per chunk of rows. */
export function timelineHtml(c: Counterexample): string {
  const layout = layoutTimeline(c.trace);
  const n = c.trace.length;
  if (n === 0) return '<p>(empty trace)</p>';
  const chunks: string[] = [];
  for (let lo = 0; lo < n; lo += CHUNK_ROWS) {
    const hi = Math.min(n, lo + CHUNK_ROWS);
    const svg = `<div class="tl-wrap">${headerSvg()}${chunkSvg(c, layout, lo, hi)}</div>`;
    if (n <= CHUNK_ROWS) return svg;
    const open = c.violationIndex >= lo && c.violationIndex < hi ? ' open' : '';
    const mark = open ? ' — violation here' : '';
    chunks.push(`<details class="chunk"${open}><summary>lines ${traceLine(lo)}–${traceLine(hi - 1)}${mark}</summary>${svg}</details>`);
  }
  return chunks.join('\n');
}
