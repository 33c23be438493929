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

/** Abstract state of the channel an entry concerns. */
export function abstractKey(s: ModelState, e: TraceEntry): string {
  const id = entryChan(s, e);
  const ch = id === undefined ? undefined : s.chans[id];
  if (ch === undefined) return '-';
  if (!ch.held) return 'free';
  const a = ch.active === undefined ? 'idle' : 'run';
  const q = ch.descs.some((d) => d.phase === 'issued') ? '+q' : '';
  const c = ch.descs.some((d) => d.phase === 'completed') ? '+c' : '';
  return `${a}${q}${c}${ch.paused ? '/P' : ''}${ch.terminating ? '/T' : ''}${ch.poisoned ? '/X' : ''}`;
}

/** The op of an entry, e.g. "call:submit", "ev:xfer", "env:irq", "ret". */
export function entryOp(e: TraceEntry): string {
  switch (e.k) {
    case 'call': return `call:${e.call.op}`;
    case 'ev': return `ev:${e.ev.ev}`;
    case 'env': return `env:${e.step.op}`;
    case 'cb': return e.cb.period ? 'cb:period' : 'cb';
    default: return e.k;
  }
}
