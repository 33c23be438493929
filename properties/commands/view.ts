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

/** Views of the channels the client holds and has not poisoned. */
export function heldChans(r: Readonly<Lockstep>): ChanView[] {
  const out: ChanView[] = [];
  if (!r.model) return out;
  for (let i = 0; i < r.config.slaves.length; i++) {
    const v = r.model.chan(r.state, i);
    if (v && v.held && !v.poisoned) out.push(v);
  }
  return out;
}

/** Every descriptor of every (held, unpoisoned) channel. */
export function allDescs(r: Readonly<Lockstep>, pred: (d: DescView) => boolean): DescView[] {
  const out: DescView[] = [];
  if (!r.model) return out;
  for (const ch of heldChans(r)) for (const d of r.model.descsOf(r.state, ch.chan)) if (pred(d)) out.push(d);
  return out;
}

/** Buffers referenced by a live descriptor or one of a terminating channel (DATA-3, DESC-7, TERM-8). */
export function busyBufs(r: Readonly<Lockstep>): Set<BufId> {
  const busy = new Set<BufId>();
  if (!r.model) return busy;
  for (const [id, d] of r.client.descs) {
    const v = r.model.desc(r.state, id);
    // TERM-8: after terminate_async the buffers stay the engine's until synchronize.
    if ((v && LIVE.has(v.phase)) || r.model.chan(r.state, d.chan)?.terminating) for (const b of d.bufs) busy.add(b);
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

/** `xs[p mod |xs|]`: a symbolic choice resolved against the current candidates. */
export function pick<T>(xs: readonly T[], p: number): T {
  const x = xs[p % xs.length];
  if (x === undefined) throw new Error('pick from an empty candidate list (check() should have refused)');
  return x;
}
