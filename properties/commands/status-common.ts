/** Cookies a status query may name: those submit returned on this channel since it was requested (STAT-2, CH-8, CK-6). @internal */
import type { ChanId, Cookie } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { heldChans, pick } from './view.ts';

/** Held channels with at least one cookie, unless the engine completes out of order (CK-6). @internal */
export function statusTargets(m: Readonly<Lockstep>): ChanId[] {
  if (m.config.caps.completionNoOrder) return [];
  return heldChans(m).map((c) => c.chan).filter((c) => (m.client.cookies.get(c)?.length ?? 0) > 0);
}

/** Resolve (channel, cookie) choices; recent cookies are likelier (`ck` counts back from the newest). @internal */
export function statusPick(m: Readonly<Lockstep>, ch: number, ck: number): { chan: ChanId; cookie: Cookie } {
  const chan = pick(statusTargets(m), ch);
  const cs = m.client.cookies.get(chan) ?? [];
  return { chan, cookie: cs[cs.length - 1 - (ck % cs.length)] ?? 1 };
}
