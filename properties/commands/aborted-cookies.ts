/**
 * Cookies the client saw aborted: submitted, issued or active when it terminated their
 * channel. Status queries name them with a fair share (STAT-3: an aborted cookie reads
 * COMPLETE once a later cookie completed), which a uniform draw over all cookies of the
 * hold reaches only by luck. Learned from the client's own terminate calls and the
 * descriptor phases the commands' preconditions already read.
 * @internal
 */
import type { ChanId, Cookie, DescPhase } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';

/** Phases in which a terminate aborts the descriptor (TERM-1). */
const ABORTABLE: ReadonlySet<DescPhase> = new Set<DescPhase>(['submitted', 'issued', 'active']);

/**
 * Keyed by the client's cookie list of one hold (request_chan starts a new list), so a
 * later hold or another run never inherits them.
 */
const seen = new WeakMap<readonly Cookie[], Set<Cookie>>();

/** The cookies on `chan` a terminate issued now would abort. @internal */
export function abortableCookies(r: Readonly<Lockstep>, chan: ChanId): Cookie[] {
  const out: Cookie[] = [];
  if (!r.model) return out;
  for (const [id, d] of r.client.descs) {
    if (d.chan !== chan || d.cookie <= 0) continue;
    const v = r.model.desc(r.state, id);
    if (v !== undefined && ABORTABLE.has(v.phase)) out.push(d.cookie);
  }
  return out;
}

/** Remember `cookies` as aborted on `chan` (called once the terminate returned). @internal */
export function noteAborted(r: Readonly<Lockstep>, chan: ChanId, cookies: readonly Cookie[]): void {
  const hold = r.client.cookies.get(chan);
  if (hold === undefined || cookies.length === 0) return;
  const set = seen.get(hold) ?? new Set<Cookie>();
  for (const c of cookies) set.add(c);
  seen.set(hold, set);
}

/** Aborted cookies of `chan` from the current hold (STAT-2: only those may be queried). @internal */
export function abortedCookies(r: Readonly<Lockstep>, chan: ChanId): Cookie[] {
  const hold = r.client.cookies.get(chan) ?? [];
  const set = seen.get(hold);
  return set === undefined ? [] : hold.filter((c) => set.has(c));
}
