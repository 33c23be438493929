/**
 * Abstract (state, op) keys for coverage: a small stable key per channel
 * (held × running descriptor phase × paused × terminating) and the entry's op.
 * @internal
 */
import type { ChanId, TraceEntry } from '../api/index.ts';
import type { ModelState } from './state.ts';
import { findDesc } from './store.ts';

function entryChan(s: ModelState, e: TraceEntry): ChanId | undefined {
  switch (e.k) {
    case 'call': {
      const c = e.call;
      if ('chan' in c) return c.chan;
      if ('desc' in c) return findDesc(s, c.desc)?.chan;
      return undefined;
    }
    case 'ev': return e.ev.chan;
    case 'cb': return e.cb.chan;
    case 'env': return 'chan' in e.step ? e.step.chan : undefined;
    default: return undefined;
  }
}

/** The key of each combination of the six abstract bits (built once: coverage asks on every entry). */
const KEYS: readonly string[] = Array.from({ length: 64 }, (_, b) =>
  `${b & 1 ? 'run' : 'idle'}${b & 2 ? '+q' : ''}${b & 4 ? '+c' : ''}${b & 8 ? '/P' : ''}${b & 16 ? '/T' : ''}${b & 32 ? '/X' : ''}`);

/** Abstract state of the channel an entry concerns. */
export function abstractKey(s: ModelState, e: TraceEntry): string {
  const id = entryChan(s, e);
  const ch = id === undefined ? undefined : s.chans[id];
  if (ch === undefined) return '-';
  if (!ch.held) return 'free';
  let q = 0;
  let c = 0;
  for (const d of ch.descs) {
    if (d.phase === 'issued') q = 2;
    else if (d.phase === 'completed') c = 4;
  }
  return KEYS[(ch.active === undefined ? 0 : 1) | q | c | (ch.paused ? 8 : 0) | (ch.terminating ? 16 : 0) | (ch.poisoned ? 32 : 0)]!;
}

/** `prefix:name` strings by prefix and name, made once each (entryOp runs on every entry). */
const OPS = new Map<string, Map<string, string>>();

function opKey(prefix: string, name: string): string {
  let m = OPS.get(prefix);
  if (m === undefined) OPS.set(prefix, m = new Map());
  let k = m.get(name);
  if (k === undefined) m.set(name, k = `${prefix}:${name}`);
  return k;
}

/** The op of an entry, e.g. "call:submit", "ev:xfer", "env:irq", "ret". */
export function entryOp(e: TraceEntry): string {
  switch (e.k) {
    case 'call': return opKey('call', e.call.op);
    case 'ev': return opKey('ev', e.ev.ev);
    case 'env': return opKey('env', e.step.op);
    case 'cb': return e.cb.period ? 'cb:period' : 'cb';
    default: return e.k;
  }
}
