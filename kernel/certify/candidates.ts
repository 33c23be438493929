/**
 * Shrinking candidates of a client program: every program one step smaller — one step
 * dropped, one contiguous chunk of steps dropped (halves, quarters, … as ddmin does), one descriptor dropped with every step naming it, one channel dropped with
 * its descriptors and buffers (later channel indices move down), one buffer dropped with
 * its uses, one scatterlist entry dropped, one wait's error path dropped. Pure; the caller keeps the legal ones.
 * @public
 */
import type { ClientProgram, ProgramCall, ProgramStep } from '../../spec/api/program.ts';

/** What shrinking minimises: steps in all (error paths included) plus scatterlist entries beyond the first. @public */
export function programSize(p: ClientProgram): number {
  const one = (s: ProgramStep): number =>
    'wait' in s ? 1 + count(s.onTimeout ?? []) : 'do' in s && s.do.op === 'prep_slave_sg' ? s.do.sgl.length : 1;
  const count = (ss: readonly ProgramStep[]): number => ss.reduce((n, s) => n + one(s), 0);
  return count(p.steps);
}

const callOf = (s: ProgramStep): ProgramCall | undefined => ('do' in s ? s.do : undefined);
const chanOfCall = (c: ProgramCall): number | undefined => ('chan' in c ? c.chan : undefined);
const descOfStep = (s: ProgramStep): number | undefined => ('wait' in s ? s.desc : 'do' in s && 'desc' in s.do ? s.do.desc : undefined);

function bufsOfCall(c: ProgramCall): number[] {
  switch (c.op) {
    case 'alloc_buf': case 'free_buf': case 'map_buf': case 'unmap_buf': case 'give_back': return [c.buf];
    case 'prep_slave_sg': return c.sgl.map((e) => e.buf);
    case 'set_callback': return c.action.kind === 'chain' ? [c.action.buf] : [];
    default: return [];
  }
}

const withSteps = (p: ClientProgram, steps: readonly ProgramStep[]): ClientProgram => ({ ...p, steps });

function dropChannel(p: ClientProgram, k: number): ClientProgram {
  const descs = new Set<number>();
  const bufs = new Set<number>();
  for (const s of p.steps) {
    const c = callOf(s);
    if (c?.op === 'prep_slave_sg' && c.chan === k) descs.add(c.desc);
    if (c?.op === 'map_buf' && c.chan === k) bufs.add(c.buf);
  }
  let seen = -1;
  const keep = (s: ProgramStep): boolean => {
    const c = callOf(s);
    if (c?.op === 'request_chan') return ++seen !== k;
    const d = descOfStep(s);
    if (d !== undefined && descs.has(d)) return false;
    return c === undefined || (chanOfCall(c) !== k && !bufsOfCall(c).some((b) => bufs.has(b)));
  };
  const renumber = (s: ProgramStep): ProgramStep => {
    if ('wait' in s) return { ...s, ...(s.onTimeout ? { onTimeout: s.onTimeout.map(renumber) } : {}) };
    if (!('do' in s)) return s;
    const ch = chanOfCall(s.do);
    return ch !== undefined && ch > k ? { do: { ...s.do, chan: ch - 1 } as ProgramCall } : s;
  };
  return withSteps(p, p.steps.filter(keep).map(renumber));
}

/**
 * Drops buffer `b`: its alloc/map/unmap/free, its scatterlist entries (a descriptor left
 * with none is dropped whole), and a chain action that used it becomes `none`.
 */
function dropBuffer(p: ClientProgram, b: number): ClientProgram {
  const emptied = new Set<number>();
  for (const s of p.steps) {
    const c = callOf(s);
    if (c?.op === 'prep_slave_sg' && c.sgl.every((e) => e.buf === b)) emptied.add(c.desc);
  }
  const steps = p.steps.flatMap((s): ProgramStep[] => {
    const d = descOfStep(s);
    if (d !== undefined && emptied.has(d)) return [];
    const c = callOf(s);
    if (!c) return [s];
    if ((c.op === 'alloc_buf' || c.op === 'map_buf' || c.op === 'unmap_buf' || c.op === 'give_back' || c.op === 'free_buf') && c.buf === b) return [];
    if (c.op === 'prep_slave_sg') return [{ do: { ...c, sgl: c.sgl.filter((e) => e.buf !== b) } }];
    if (c.op === 'set_callback' && c.action.kind === 'chain' && c.action.buf === b) return [{ do: { ...c, action: { kind: 'none' } } }];
    return [s];
  });
  return withSteps(p, steps);
}

/** Every one-step-smaller program, without duplicates. @public */
export function candidates(p: ClientProgram): ClientProgram[] {
  const out: ClientProgram[] = [];
  const steps = p.steps;
  const chans = steps.filter((s) => callOf(s)?.op === 'request_chan').length;
  for (let k = 0; k < chans; k++) out.push(dropChannel(p, k));
  const descs = new Set(steps.map(descOfStep).filter((d): d is number => d !== undefined));
  for (const d of descs) out.push(withSteps(p, steps.filter((s) => descOfStep(s) !== d)));
  for (const s of steps) {
    const c = callOf(s);
    if (c?.op === 'alloc_buf') out.push(dropBuffer(p, c.buf));
  }
  // ddmin-style chunks (halves, quarters, ...): big jumps when a long stretch does not matter.
  for (let k = 2; k < steps.length; k *= 2) {
    const size = Math.ceil(steps.length / k);
    for (let c = 0; c * size < steps.length; c++) out.push(withSteps(p, [...steps.slice(0, c * size), ...steps.slice((c + 1) * size)]));
  }
  steps.forEach((s, i) => {
    out.push(withSteps(p, steps.filter((_, j) => j !== i)));
    if ('wait' in s && s.onTimeout !== undefined) {
      const { onTimeout: _drop, ...bare } = s;
      out.push(withSteps(p, steps.map((t, j) => (j === i ? bare : t))));
    }
    const c = callOf(s);
    if (c?.op === 'prep_slave_sg' && c.sgl.length > 1) {
      c.sgl.forEach((_, e) => out.push(withSteps(p, steps.map((t, j) => (j === i ? { do: { ...c, sgl: c.sgl.filter((_x, f) => f !== e) } } : t)))));
    }
  });
  const seen = new Set<string>();
  return out.filter((q) => {
    const key = JSON.stringify(q.steps);
    if (seen.has(key) || q.steps.length === 0) return false;
    seen.add(key);
    return true;
  });
}
