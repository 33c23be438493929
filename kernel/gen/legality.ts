/**
 * A static legality check of a client program, independent of the generator: it walks
 * the program's success path (every wait returns in time) and names the first client
 * rule a run could break whatever the engine's timing. The error path of a wait
 * (`onTimeout`) may only stop the channel (terminate_sync, from process context), which
 * leaves every later step at least as legal as on the success path. A step with `ctx`
 * (atomic, hardirq) may make only the calls allowed there that the generator makes.
 * Used by the generator's tests and to keep shrinking candidates legal; misuse programs
 * must fail it with their rule.
 * @public
 */
import type { ClientProgram, ProgramCall, ProgramStep, StepCtx } from '../../spec/api/program.ts';

/** The first rule broken, with the index path of the step (`3` or `7.onTimeout.0`). @public */
export interface Illegal { readonly rule: string; readonly at: string; readonly msg: string }

interface Chan { configured: boolean; caps: boolean; released: boolean; terminating: boolean; chainedUnknown: boolean }
interface Desc {
  readonly chan: number; readonly flags: number; readonly bufs: readonly number[];
  submits: number; issued: boolean; hasCb: boolean; action: string; reuse: boolean; finished: boolean; callbacksSeen: number;
}
interface Buf { mappedOn: number | undefined; freed: boolean }
interface St { chans: Chan[]; descs: Map<number, Desc>; bufs: Map<number, Buf> }

class Stop extends Error {
  constructor(readonly rule: string, msg: string) { super(msg); }
}
const need = (ok: boolean, rule: string, msg: string): void => { if (!ok) throw new Stop(rule, msg); };

/** undefined when legal. @public */
export function checkLegality(p: ClientProgram): Illegal | undefined {
  const s: St = { chans: [], descs: new Map(), bufs: new Map() };
  let at = '';
  try {
    p.steps.forEach((st, i) => { at = String(i); step(s, st, (sub) => { at = `${i}.onTimeout.${sub}`; }); });
    at = 'end';
    atEnd(s);
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { rule: e.rule, at, msg: e.message };
    throw e;
  }
}

function chanOf(s: St, chan: number): Chan {
  const c = s.chans[chan];
  need(c !== undefined, 'PROGRAM', `ch${chan} was never requested`);
  need(!c!.released, 'CH-8', `ch${chan} used after release`);
  return c!;
}

function descOf(s: St, desc: number): Desc {
  const d = s.descs.get(desc);
  need(d !== undefined, 'PROGRAM', `d${desc} was never prepared`);
  return d!;
}

/** Work on `chan` that could still run or call back. */
function unfinished(s: St, chan: number): Desc[] {
  return [...s.descs.values()].filter((d) => d.chan === chan && d.submits > 0 && !d.finished);
}

function stopped(s: St, chan: number): void {
  const c = s.chans[chan]!;
  c.terminating = false;
  c.chainedUnknown = false;
  for (const d of s.descs.values()) if (d.chan === chan) d.finished = true;
}

/** A callback that does work (chain, terminate_async) may still run: no new work may follow a terminate_async. */
function newWork(s: St, chan: number, what: string): void {
  const c = chanOf(s, chan);
  need(!c.terminating, what === 'issue_pending' ? 'SYNC-3' : 'SYNC-7', `${what} between terminate_async and synchronize on ch${chan}`);
  need(!unfinished(s, chan).some((d) => d.issued && d.hasCb && d.action === 'terminate_async'), 'SYNC-7',
    `${what} while a callback that calls terminate_async may still run on ch${chan}`);
}

/** Calls that may sleep, with the rule that forbids them outside process context. */
const SLEEPS: Readonly<Partial<Record<ProgramCall['op'], string>>> = {
  terminate_sync: 'TERM-5', synchronize: 'SYNC-2', request_chan: 'CH-3', request_channel: 'CH-3', release_channel: 'CH-3',
};
/** Calls the generator makes from atomic or hard-IRQ context (DESC-2, STAT-7, TERM-4). */
const ATOMIC_OK: ReadonlySet<ProgramCall['op']> = new Set<ProgramCall['op']>([
  'prep_slave_sg', 'set_callback', 'set_reuse', 'submit', 'issue_pending', 'tx_status', 'is_tx_complete', 'terminate_async',
]);

function atomicCall(c: ProgramCall, ctx: StepCtx): void {
  const rule = SLEEPS[c.op];
  need(rule === undefined, rule ?? '', `${c.op} from ${ctx} context (it may sleep)`);
  need(ATOMIC_OK.has(c.op), 'PROGRAM', `${c.op} is not generated from ${ctx} context`);
}

function step(s: St, st: ProgramStep, onSub: (i: number) => void): void {
  if ('sleep' in st) return;
  if ('wait' in st) {
    const d = descOf(s, st.desc);
    need(d.submits > 0, 'PROGRAM', `wait for d${st.desc}, never submitted`);
    need(st.wait === 'complete' || d.hasCb, 'PROGRAM', `wait for the callback of d${st.desc}, which has none`);
    (st.onTimeout ?? []).forEach((t, i) => {
      onSub(i);
      need('do' in t && t.do.op === 'terminate_sync' && t.do.chan === d.chan && t.ctx === undefined, 'PROGRAM', 'onTimeout may only terminate_sync the channel');
    });
    if (st.wait === 'callback') {
      d.callbacksSeen = Math.max(d.callbacksSeen, st.count ?? 1);
      if (d.action === 'terminate_async') s.chans[d.chan]!.terminating = true;
      if (d.callbacksSeen >= d.submits) d.finished = true;
    } else if (d.action === 'none' || d.action === 'tx_status' || !d.hasCb) d.finished = true;
    return;
  }
  if (st.ctx !== undefined) atomicCall(st.do, st.ctx);
  call(s, st.do);
}

function call(s: St, c: ProgramCall): void {
  switch (c.op) {
    case 'request_chan':
      s.chans.push({ configured: false, caps: false, released: false, terminating: false, chainedUnknown: false });
      return;
    case 'slave_config': chanOf(s, c.chan).configured = true; return;
    case 'get_slave_caps': chanOf(s, c.chan).caps = true; return;
    case 'pause': chanOf(s, c.chan); return;
    case 'resume': chanOf(s, c.chan); need(false, 'CAPS-3', 'resume on a channel without cmd_resume'); return;
    case 'alloc_buf':
      need(!s.bufs.has(c.buf), 'PROGRAM', `b${c.buf} allocated twice`);
      s.bufs.set(c.buf, { mappedOn: undefined, freed: false });
      return;
    case 'map_buf': {
      const b = s.bufs.get(c.buf);
      need(b !== undefined && !b.freed && b.mappedOn === undefined, 'PROGRAM', `b${c.buf} not allocated or already mapped`);
      need(c.dev === 'dma', 'DATA-1', `b${c.buf} mapped with the client's device`);
      chanOf(s, c.chan);
      b!.mappedOn = c.chan;
      return;
    }
    case 'unmap_buf': case 'free_buf': {
      const b = s.bufs.get(c.buf);
      need(b !== undefined && !b.freed, 'PROGRAM', `b${c.buf} not allocated`);
      if (c.op === 'free_buf') {
        need(b!.mappedOn === undefined, 'DATA-3', `b${c.buf} freed while still mapped`);
        b!.freed = true;
        return;
      }
      need(b!.mappedOn !== undefined, 'PROGRAM', `b${c.buf} not mapped`);
      const ch = s.chans[b!.mappedOn!]!;
      const busy = unfinished(s, b!.mappedOn!).some((d) => d.bufs.includes(c.buf)) || ch.chainedUnknown;
      need(!busy, ch.terminating ? 'TERM-8' : 'DATA-3', `b${c.buf} unmapped while a transfer may still use it`);
      b!.mappedOn = undefined;
      return;
    }
    case 'give_back': {
      const b = s.bufs.get(c.buf);
      need(b !== undefined && !b.freed, 'PROGRAM', `b${c.buf} not allocated`);
      need(b!.mappedOn === undefined, 'DATA-10', `b${c.buf} handed to its owner while still mapped`);
      return;
    }
    case 'prep_slave_sg': {
      const ch = chanOf(s, c.chan);
      need(!s.descs.has(c.desc), 'PROGRAM', `d${c.desc} prepared twice`);
      need(ch.configured, 'CFG-1', `prep on ch${c.chan} before slave_config`);
      newWork(s, c.chan, 'prep');
      need((c.flags & 2) !== 0, 'DESC-9', 'prep without DMA_CTRL_ACK');
      for (const e of c.sgl) need(s.bufs.get(e.buf)?.mappedOn === c.chan, 'DATA-1', `b${e.buf} not mapped for ch${c.chan}`);
      s.descs.set(c.desc, { chan: c.chan, flags: c.flags, bufs: c.sgl.map((e) => e.buf), submits: 0, issued: false, hasCb: false, action: 'none', reuse: false, finished: false, callbacksSeen: 0 });
      return;
    }
    case 'set_callback': {
      const d = descOf(s, c.desc);
      need(d.submits === 0, 'DESC-3', `callback of d${c.desc} set after submit`);
      need((d.flags & 1) !== 0, 'DESC-8', `callback on d${c.desc} prepared without DMA_PREP_INTERRUPT`);
      const a = c.action.kind;
      need(a !== 'synchronize' && a !== 'terminate_sync', 'CB-6', `callback of d${c.desc} sleeps (${a})`);
      need(a === 'none' || a === 'tx_status' || a === 'chain' || a === 'terminate_async', 'PROGRAM', `callback action ${a} not supported on this target`);
      d.hasCb = true;
      d.action = a;
      return;
    }
    case 'set_reuse': {
      const d = descOf(s, c.desc);
      need(d.submits === 0, 'DESC-5', `d${c.desc} touched after submit`);
      need(s.chans[d.chan]!.caps, 'CAPS-5', `REUSE on ch${d.chan} without asking get_slave_caps`);
      d.reuse = true;
      return;
    }
    case 'submit': {
      const d = descOf(s, c.desc);
      chanOf(s, d.chan);
      need(d.submits === 0 || (d.reuse && d.finished), 'DESC-16', `d${c.desc} resubmitted before its callback returned`);
      newWork(s, d.chan, 'submit');
      d.submits++;
      d.issued = false;
      d.finished = false;
      if (d.hasCb && d.action === 'chain') s.chans[d.chan]!.chainedUnknown = true;
      return;
    }
    case 'issue_pending':
      newWork(s, c.chan, 'issue_pending');
      for (const d of s.descs.values()) if (d.chan === c.chan && d.submits > 0) d.issued = true;
      return;
    case 'tx_status': case 'is_tx_complete': {
      chanOf(s, c.chan);
      if ('desc' in c) need(descOf(s, c.desc).chan === c.chan && descOf(s, c.desc).submits > 0, 'STAT-2', `status of d${c.desc} not submitted on ch${c.chan}`);
      return;
    }
    case 'terminate_sync': chanOf(s, c.chan); stopped(s, c.chan); return;
    case 'terminate_async': chanOf(s, c.chan).terminating = true; return;
    case 'synchronize': {
      const ch = chanOf(s, c.chan);
      if (ch.terminating) stopped(s, c.chan);
      return;
    }
    case 'desc_free': {
      const d = descOf(s, c.desc);
      need(d.reuse && (d.submits === 0 || d.finished), 'DESC-12', `desc_free of d${c.desc}, not an idle REUSE descriptor`);
      s.descs.delete(c.desc);
      return;
    }
    case 'release_channel': {
      const ch = chanOf(s, c.chan);
      need(!ch.terminating && unfinished(s, c.chan).length === 0 && !ch.chainedUnknown, 'CH-7', `ch${c.chan} released with transfers not stopped`);
      ch.released = true;
      return;
    }
    default:
      need(false, 'PROGRAM', `${c.op} is not generated for this target`);
  }
}

function atEnd(s: St): void {
  for (const [id, d] of s.descs) need(d.submits > 0, 'DESC-4', `d${id} prepared, never submitted`);
  for (const [id, d] of s.descs) need(!d.reuse || s.chans[d.chan]!.released, 'DESC-14', `REUSE d${id} never given back`);
  for (const [id, b] of s.bufs) need(b.mappedOn === undefined, 'DATA-9', `b${id} never unmapped`);
}
