/**
 * Copy-on-write access to the model state: look-ups and single-record updates.
 * Nothing here decides what is allowed.
 * @internal
 */
import type { BufId, ChanId, DescId, EngineConfig, Observation } from '../api/index.ts';
import { freshCookies } from './cookies.ts';
import { EMPTY_FIFO } from './fifo.ts';
import { obsOf } from './observe.ts';
import type { Buf, Chan, CbFrame, DeathCause, Dead, Desc, Frame, ModelState } from './state.ts';
import { nextState, withChan } from './records.ts';

/** The state a run starts from: every slave channel free, counters from cookieInit (CH-9). */
export function initial(cfg: EngineConfig, observe?: Observation): ModelState {
  const chans = cfg.slaves.map((_, id): Chan => ({
    id, held: false, everHeld: false, reheld: false, preps: [], poisoned: false, cfg: undefined,
    metaChecked: { client: false, engine: false }, paused: false, pausedAtTerminate: false,
    terminating: false, issuedSinceTerminate: false, syncCount: 0, startDeferred: false,
    irqPending: false, taskletPending: false, active: undefined, descs: [], compCount: 0,
    ck: freshCookies(cfg.cookieInit), rxPos: 0, fifo: EMPTY_FIFO, fifoOwed: false, syncAfterPush: false, termBufs: [],
  }));
  return { cfg, obs: obsOf(observe), chans, bufs: [], dead: undefined, stack: [] };
}

/** `s` with channel `ch` replaced. @internal */
export function setChan(s: ModelState, ch: Chan): ModelState {
  const chans = s.chans.slice();
  chans[ch.id] = ch;
  return nextState(s, chans, s.bufs, s.dead, s.stack);
}

/** `s` with channel `ch` and the buffer list replaced, in one copy (the DEV_TO_MEM xfer). @internal */
export function setChanBufs(s: ModelState, ch: Chan, bufs: readonly Buf[]): ModelState {
  const chans = s.chans.slice();
  chans[ch.id] = ch;
  return nextState(s, chans, bufs, s.dead, s.stack);
}

/** The live descriptor `id` on any channel. @internal */
export function findDesc(s: ModelState, id: DescId): Desc | undefined {
  for (const ch of s.chans) for (const d of ch.descs) if (d.id === id) return d;
  return undefined;
}

/** The live descriptor `id` on channel `ch`. @internal */
export function descIn(ch: Chan, id: DescId): Desc | undefined {
  for (const d of ch.descs) if (d.id === id) return d;
  return undefined;
}

/** The issued descriptor that starts next on `ch`: the lowest cookie sequence (issue order). @internal */
export function issuedHead(ch: Chan): Desc | undefined {
  let h: Desc | undefined;
  for (const d of ch.descs) if (d.phase === 'issued' && (h === undefined || d.seq < h.seq)) h = d;
  return h;
}

/** `descs` with `d` replaced (or appended when new). @internal */
export function replaceDesc(descs: readonly Desc[], d: Desc): readonly Desc[] {
  const out = descs.slice();
  let i = 0;
  while (i < out.length && out[i]!.id !== d.id) i++;
  out[i] = d;
  return out;
}

/** `ch` with `d` replaced (or appended when new). */
export function putDesc(ch: Chan, d: Desc): Chan {
  return withChan(ch, { descs: replaceDesc(ch.descs, d) });
}

/** `s` with live descriptor `d` replaced. @internal */
export function updDesc(s: ModelState, d: Desc): ModelState {
  const ch = s.chans[d.chan];
  return ch === undefined ? s : setChan(s, putDesc(ch, d));
}

/** Remove `d` from the live set, remembering why (for naming late activity). */
export function killDesc(s: ModelState, d: Desc, why: DeathCause): ModelState {
  const ch = s.chans[d.chan];
  if (ch === undefined) return s;
  const nch: Chan = withChan(ch, { descs: ch.descs.filter((x) => x.id !== d.id), active: ch.active === d.id ? undefined : ch.active });
  const dead: Dead = { id: d.id, chan: d.chan, why, syncCount: ch.syncCount, next: s.dead };
  const ns = setChan(s, nch);
  return nextState(ns, ns.chans, ns.bufs, dead, ns.stack);
}

/** Why descriptor `id` died, if it did (error paths only: linear search). @internal */
export function findDead(s: ModelState, id: DescId): Dead | undefined {
  for (let x = s.dead; x !== undefined; x = x.next) if (x.id === id) return x;
  return undefined;
}

/** Buffer `id`. @internal */
export function bufOf(s: ModelState, id: BufId): Buf | undefined {
  for (const b of s.bufs) if (b.id === id) return b;
  return undefined;
}

/** `s` with buffer `b` replaced or added. @internal */
export function setBuf(s: ModelState, b: Buf): ModelState {
  const i = s.bufs.findIndex((x) => x.id === b.id);
  const bufs = s.bufs.slice();
  if (i < 0) bufs.push(b); else bufs[i] = b;
  return nextState(s, s.chans, bufs, s.dead, s.stack);
}

/** Open a frame. @internal */
export function push(s: ModelState, fr: Frame): ModelState {
  const stack = s.stack.slice();
  stack.push(fr);
  return nextState(s, s.chans, s.bufs, s.dead, stack);
}
/** Close the innermost frame. @internal */
export const pop = (s: ModelState): ModelState => nextState(s, s.chans, s.bufs, s.dead, s.stack.slice(0, -1));
/** The innermost frame. @internal */
export const top = (s: ModelState): Frame | undefined => s.stack[s.stack.length - 1];

/** Innermost frame that is not a callback body (events belong to it). */
export function owner(s: ModelState): { readonly fr: Frame; readonly i: number } | undefined {
  const i = ownerIndex(s);
  return i < 0 ? undefined : { fr: s.stack[i]!, i };
}

/** Index in the stack of {@link owner}'s frame, -1 when none (no allocation: every event asks). @internal */
export function ownerIndex(s: ModelState): number {
  let i = s.stack.length - 1;
  while (i >= 0 && s.stack[i]!.k === 'cb') i--;
  return i;
}

/** `s` with frame `i` replaced. @internal */
export function setFrame(s: ModelState, i: number, fr: Frame): ModelState {
  const stack = s.stack.slice();
  stack[i] = fr;
  return nextState(s, s.chans, s.bufs, s.dead, stack);
}

/** The callback currently running (innermost). */
export function runningCb(s: ModelState): CbFrame | undefined {
  for (let i = s.stack.length - 1; i >= 0; i--) {
    const fr = s.stack[i]!;
    if (fr.k === 'cb') return fr;
  }
  return undefined;
}

/**
 * Completed descriptors of channel `chan` a running tasklet has already taken (vchan_complete
 * splices desc_completed when it starts), which terminate cannot drop (CB-13): those whose
 * compOrder is at most the returned bound. A tasklet step took what had completed when it
 * began (an interrupt nested in one of its callbacks completes work it does not hold); a
 * callback run outside a tasklet step (synchronize's tasklet_kill) took everything. 0: none.
 */
export function takenByTasklet(s: ModelState, chan: ChanId): number {
  for (const fr of s.stack) {
    if (fr.k === 'env' && fr.step.op === 'tasklet' && fr.step.chan === chan) return fr.compAtStart;
    if (fr.k === 'cb' && fr.inv.chan === chan) return Number.POSITIVE_INFINITY;
  }
  return 0;
}
