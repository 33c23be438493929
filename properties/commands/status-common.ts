/** Cookies a status query may name: those submit returned on this channel since it was requested (STAT-2, CH-8, CK-6). @internal */
import type { ChanId, Cookie } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { abortedCookies } from './aborted-cookies.ts';
import { heldChans, pick } from './view.ts';

/** Held channels with at least one cookie, unless the engine completes out of order (CK-6). @internal */
export function statusTargets(m: Readonly<Lockstep>): ChanId[] {
  if (m.config.caps.completionNoOrder) return [];
  return heldChans(m).map((c) => c.chan).filter((c) => (m.client.cookies.get(c)?.length ?? 0) > 0);
}

/**
 * Aborted cookies of `chan` that a later completion passed: submitted before the model's
 * last completed cookie. Compared by submit order in the hold, since cookies wrap (CK-4).
 * @internal
 */
export function passedAborted(m: Readonly<Lockstep>, chan: ChanId): Cookie[] {
  const last = m.model?.chan(m.state, chan)?.last;
  const hold = m.client.cookies.get(chan) ?? [];
  const at = last === undefined ? -1 : hold.lastIndexOf(last);
  return abortedCookies(m, chan).filter((c) => hold.indexOf(c) < at);
}

/** The first non-empty candidate list, else the last one. */
function firstNonEmpty<T>(...xss: T[][]): T[] {
  return xss.find((xs) => xs.length > 0) ?? xss[xss.length - 1] ?? [];
}

/**
 * Resolve (channel, cookie) choices; recent cookies are likelier (`ck` counts back from the
 * newest). With `aborted`, among the cookies the client saw aborted, those a later
 * completion passed first (STAT-3 is about exactly them), when there are any.
 * @internal
 */
export function statusPick(m: Readonly<Lockstep>, ch: number, ck: number, aborted = false): { chan: ChanId; cookie: Cookie } {
  const all = statusTargets(m);
  const passed = aborted ? all.filter((c) => passedAborted(m, c).length > 0) : [];
  const gone = aborted ? all.filter((c) => abortedCookies(m, c).length > 0) : [];
  const chan = pick(firstNonEmpty(passed, gone, all), ch);
  const cs = firstNonEmpty(aborted ? passedAborted(m, chan) : [], aborted ? abortedCookies(m, chan) : [], m.client.cookies.get(chan) ?? []);
  return { chan, cookie: cs[cs.length - 1 - (ck % cs.length)] ?? 1 };
}
