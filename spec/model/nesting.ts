/**
 * Env steps nested inside a call (trace format 1.1): on one CPU an interrupt, and the
 * tasklet after it, may run inside a call once it has dropped its lock (bcm2835-dma
 * under QEMU: inside issue_pending). Their events belong to the step, not the call; the
 * call remembers its channel as it was before the first such step (its answer may come
 * from either side of it) and the events the steps had (a start inside counts, ISS-2).
 * @internal
 */
import type { ChanId } from '../api/index.ts';
import { TERMINATES } from './frames.ts';
import type { EnvFrame, ModelState } from './state.ts';
import { setFrame, top } from './store.ts';
import { withCall } from './records.ts';

/**
 * Before an env step opens: the call it opens inside (if any) remembers its channel. A
 * terminate's `before` is the channel without its effect, set by the terminate (before-lock.ts).
 * @internal
 */
export function openInside(s: ModelState): ModelState {
  const fr = top(s);
  if (fr === undefined || fr.k !== 'call' || fr.before !== undefined || fr.chan === undefined || TERMINATES.includes(fr.call.op)) return s;
  const ch = s.chans[fr.chan];
  return ch === undefined ? s : setFrame(s, s.stack.length - 1, withCall(fr, { before: ch }));
}

/** After an env step closed (`s` already popped): the call it ran inside gains its events. @internal */
export function closeInside(s: ModelState, env: EnvFrame): ModelState {
  const fr = top(s);
  if (fr === undefined || fr.k !== 'call' || (fr.nestedEvs | env.evs) === fr.nestedEvs) return s;
  return setFrame(s, s.stack.length - 1, withCall(fr, { nestedEvs: fr.nestedEvs | env.evs }));
}

/** A call on channel `chan` is in progress (an env step runs inside it). @internal */
export function callOpenOn(s: ModelState, chan: ChanId): boolean {
  return s.stack.some((fr) => fr.k === 'call' && fr.chan === chan);
}
