/**
 * Read-only views of the model state for generators (preconditions come from the model).
 * @internal
 */
import { DMA_PREP_REPEAT } from '../api/index.ts';
import type { BufId, BufView, ChanId, ChanView, DescId, DescView } from '../api/index.ts';
import { cookieOf } from './cookies.ts';
import type { Desc, ModelState } from './state.ts';
import { bufOf, findDesc, runningCb } from './store.ts';

/** ChanView of channel `id`. @internal */
export function chanView(s: ModelState, id: ChanId): ChanView | undefined {
  const ch = s.chans[id];
  if (ch === undefined) return undefined;
  return {
    chan: id, held: ch.held, poisoned: ch.poisoned, configured: ch.cfg !== undefined, rerequested: ch.reheld, paused: ch.paused,
    terminating: ch.terminating, issuedSinceTerminate: ch.issuedSinceTerminate, irqPending: ch.irqPending,
    taskletPending: ch.taskletPending, periphBytes: ch.fifo.length, used: cookieOf(ch.ck, ch.ck.n), last: cookieOf(ch.ck, ch.ck.lo),
  };
}

function descView(d: Desc): DescView {
  return {
    desc: d.id, chan: d.chan, phase: d.phase, kind: d.kind, dir: d.dir, len: d.len, cookie: d.cookie,
    reuse: d.reuse, metaMode: d.meta.mode, hasCallback: d.hasCallback || d.hasCallbackResult,
    repeat: (d.flags & DMA_PREP_REPEAT) !== 0,
  };
}

/** DescView of live descriptor `id`. @internal */
export function descViewOf(s: ModelState, id: DescId): DescView | undefined {
  const d = findDesc(s, id);
  return d === undefined ? undefined : descView(d);
}

/** DescViews of the live descriptors of a channel. @internal */
export const descsOf = (s: ModelState, chan: ChanId): readonly DescView[] => (s.chans[chan]?.descs ?? []).map(descView);

/** BufView of buffer `id`. @internal */
export function bufView(s: ModelState, id: BufId): BufView | undefined {
  const b = bufOf(s, id);
  return b === undefined ? undefined : { buf: b.id, len: b.len, mapped: b.freed ? 'no' : b.mapped, freed: b.freed };
}

/** The innermost running callback. @internal */
export function inCallback(s: ModelState): { readonly chan: ChanId; readonly desc: DescId } | undefined {
  const cb = runningCb(s);
  return cb === undefined ? undefined : { chan: cb.inv.chan, desc: cb.inv.desc };
}
