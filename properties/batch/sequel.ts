/**
 * A program and its sequel: when the first client gave everything back (its channels
 * released, its buffers freed), a second one runs after it on the same engine — it
 * requests the same channels again. kernel/gen's programs never re-request, so alone they
 * never show state a channel keeps across release + request (CH-10) or a resource it did
 * not give back (DESC-17: a fresh channel must accept what it accepted before). The
 * second program's channel indices, descriptor and buffer ids are moved past the first's,
 * so the two stay legal one after the other.
 * @public
 */
import type { CallbackAction, ClientProgram, ProgramCall, ProgramStep } from '../../spec/api/index.ts';

interface Shift { readonly chan: number; readonly desc: number; readonly buf: number }

function shiftAction(a: CallbackAction, s: Shift): CallbackAction {
  switch (a.kind) {
    case 'chain': case 'unmap': return { ...a, buf: a.buf + s.buf };
    case 'seq': return { ...a, actions: a.actions.map((x) => shiftAction(x, s)) };
    default: return a;
  }
}

function shiftCall(c: ProgramCall, s: Shift): ProgramCall {
  const out: Record<string, unknown> = { ...c };
  if ('chan' in c) out.chan = c.chan + s.chan;
  if ('desc' in c) out.desc = c.desc + s.desc;
  if ('buf' in c) out.buf = c.buf + s.buf;
  if (c.op === 'prep_slave_sg') out.sgl = c.sgl.map((e) => ({ ...e, buf: e.buf + s.buf }));
  if (c.op === 'set_callback') out.action = shiftAction(c.action, s);
  // Only ids moved: the shape is the call's own.
  return out as ProgramCall;
}

function shiftStep(st: ProgramStep, s: Shift): ProgramStep {
  if ('do' in st) return { do: shiftCall(st.do, s) };
  if ('wait' in st) return { ...st, desc: st.desc + s.desc, ...(st.onTimeout ? { onTimeout: st.onTimeout.map((x) => shiftStep(x, s)) } : {}) };
  return st;
}

function calls(steps: readonly ProgramStep[]): ProgramCall[] {
  return steps.flatMap((s) => ('do' in s ? [s.do] : 'wait' in s ? calls(s.onTimeout ?? []) : []));
}

/** Did the program give everything back at its end: every request released, every buffer freed? */
export function givesAllBack(p: ClientProgram): boolean {
  const cs = calls(p.steps);
  const requests = cs.filter((c) => c.op === 'request_chan' || c.op === 'request_channel').length;
  const released = new Set(cs.flatMap((c) => (c.op === 'release_channel' ? [c.chan] : [])));
  const allocs = cs.flatMap((c) => (c.op === 'alloc_buf' ? [c.buf] : []));
  const freed = new Set(cs.flatMap((c) => (c.op === 'free_buf' ? [c.buf] : [])));
  return released.size === requests && allocs.every((b) => freed.has(b));
}

/** `first` then `second` as one program named `name` (the caller checks {@link givesAllBack} of `first`). @public */
export function withSequel(first: ClientProgram, second: ClientProgram, name: string): ClientProgram {
  const cs = calls(first.steps);
  const max = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), -1);
  const shift: Shift = {
    chan: cs.filter((c) => c.op === 'request_chan' || c.op === 'request_channel').length,
    desc: max(cs.flatMap((c) => ('desc' in c ? [c.desc] : []))) + 1,
    buf: max(cs.flatMap((c) => (c.op === 'alloc_buf' ? [c.buf] : []))) + 1,
  };
  return { ...first, name, steps: [...first.steps, ...second.steps.map((s) => shiftStep(s, shift))] };
}
