/**
 * Model queries for command preconditions: what the client may legally act on now.
 * Everything here reads the model (never mutates it).
 * @internal
 */
import type { BufId, ChanView, DescPhase, DescView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';

/** Phases in which a descriptor still uses its buffers or channel. */
export const LIVE: ReadonlySet<DescPhase> = new Set<DescPhase>(['prepared', 'submitted', 'issued', 'active', 'completed', 'callback', 'reusable', 'terminated']);
/** Phases in which the engine owns the descriptor (DESC-5, DESC-12). */
export const IN_FLIGHT: ReadonlySet<DescPhase> = new Set<DescPhase>(['submitted', 'issued', 'active', 'completed', 'callback', 'terminated']);

/**
 * The model's views of the run's current state, made once per trace entry: a command's
 * precondition, its resolution and the fuzzer's weighting all ask for the same views
 * between two entries, and the model's state only changes when an entry is pushed.
 */
interface Views {
  readonly r: Readonly<Lockstep>;
  readonly index: number;
  readonly state: unknown;
  readonly chans: readonly (ChanView | undefined)[];
  readonly held: readonly ChanView[];
  readonly descs: (readonly DescView[] | undefined)[];
}
let views: Views | undefined;

function viewsOf(r: Readonly<Lockstep>): Views {
  const v = views;
  if (v !== undefined && v.r === r && v.index === r.index && v.state === r.state) return v;
  const chans: (ChanView | undefined)[] = [];
  const held: ChanView[] = [];
  if (r.model) {
    for (let i = 0; i < r.config.slaves.length; i++) {
      const c = r.model.chan(r.state, i);
      chans.push(c);
      if (c && c.held && !c.poisoned) held.push(c);
    }
  }
  return (views = { r, index: r.index, state: r.state, chans, held, descs: [] });
}

/** The model's view of every channel of the run, by channel number (empty without a model). */
export function chanViews(r: Readonly<Lockstep>): readonly (ChanView | undefined)[] {
  return viewsOf(r).chans;
}

/** Views of the channels the client holds and has not poisoned. */
export function heldChans(r: Readonly<Lockstep>): readonly ChanView[] {
  return viewsOf(r).held;
}

/** The model's views of `chan`'s live descriptors (empty without a model). */
export function descsOn(r: Readonly<Lockstep>, chan: number): readonly DescView[] {
  const v = viewsOf(r);
  let ds = v.descs[chan];
  if (ds === undefined) ds = v.descs[chan] = r.model ? r.model.descsOf(r.state, chan) : [];
  return ds;
}

/** Every descriptor of every (held, unpoisoned) channel. */
export function allDescs(r: Readonly<Lockstep>, pred: (d: DescView) => boolean): DescView[] {
  const out: DescView[] = [];
  if (!r.model) return out;
  for (const ch of heldChans(r)) for (const d of descsOn(r, ch.chan)) if (pred(d)) out.push(d);
  return out;
}

/** Buffers referenced by a live descriptor or one of a terminating channel (DATA-3, DESC-7, TERM-8). */
export function busyBufs(r: Readonly<Lockstep>): Set<BufId> {
  const busy = new Set<BufId>();
  if (!r.model) return busy;
  for (const [id, d] of r.client.descs) {
    const v = r.model.desc(r.state, id);
    // TERM-8: after terminate_async the buffers stay the engine's until synchronize.
    if ((v && LIVE.has(v.phase)) || chanViews(r)[d.chan]?.terminating) for (const b of d.bufs) busy.add(b);
  }
  return busy;
}

/** Phases in which a descriptor's callback can no longer run (the model's CB-15 exemptions). */
const CALLBACK_DONE: ReadonlySet<DescPhase> = new Set<DescPhase>(['prepared', 'reusable', 'done', 'freed']);

/**
 * Buffers a pending callback's `chain` action names (CB-15): from submit until the
 * descriptor is done (or its channel synchronized) the callback may still run and use
 * them, so they stay allocated — even unmapped, when the callback would skip the chain.
 */
export function callbackBufs(r: Readonly<Lockstep>): Set<BufId> {
  const used = new Set<BufId>();
  if (!r.model) return used;
  for (const [id, d] of r.client.descs) {
    if (d.action?.kind !== 'chain') continue;
    const v = r.model.desc(r.state, id);
    if (v && !CALLBACK_DONE.has(v.phase)) used.add(d.action.buf);
  }
  return used;
}

/** Buffers mapped with `chan`'s DMA device (DATA-1), with their lengths. */
export function bufsMappedTo(r: Readonly<Lockstep>, chan: number): { buf: BufId; len: number }[] {
  const out: { buf: BufId; len: number }[] = [];
  for (const [buf, b] of r.client.bufs) if (b.mapped === chan) out.push({ buf, len: b.len });
  return out;
}

/** Is any buffer mapped with `chan`'s DMA device? (bufsMappedTo without the list) */
export function hasBufMappedTo(r: Readonly<Lockstep>, chan: number): boolean {
  for (const b of r.client.bufs.values()) if (b.mapped === chan) return true;
  return false;
}

/** `xs[p mod |xs|]`: a symbolic choice resolved against the current candidates. */
export function pick<T>(xs: readonly T[], p: number): T {
  const x = xs[p % xs.length];
  if (x === undefined) throw new Error('pick from an empty candidate list (check() should have refused)');
  return x;
}
