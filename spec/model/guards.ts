/**
 * Call-time look-ups shared by the handlers: the channel a call names (CH-8) and the
 * live descriptor it names (DESC-5, SUB-2, DESC-15, CH-8 for dead ones).
 * @internal
 */
import type { ChanId, DescId, DescPhase } from '../api/index.ts';
import { ch8_heldForUse } from '../rules/channel.ts';
import { desc15_noUseAfterTerminateFree, desc5_noDerefAfterSubmit } from '../rules/desc.ts';
import { sub2_noTouchAfterFailedSubmit } from '../rules/issue.ts';
import type { Cx, Fail } from '../rules/require.ts';
import type { Chan, Desc, ModelState } from './state.ts';
import { findDead, findDesc } from './store.ts';

/** A channel look-up and its CH-8 failure. @internal */
export interface ChanLook { readonly ch: Chan | undefined; readonly fail: Fail | undefined }

/** The held channel `id`, or CH-8. */
export function heldChan(cx: Cx, s: ModelState, id: ChanId): ChanLook {
  const ch = s.chans[id];
  return { ch, fail: ch8_heldForUse(cx, ch !== undefined && ch.held) };
}

/** A descriptor look-up, the channel it belongs(ed) to, and its failure. @internal */
export interface DescLook { readonly d: Desc | undefined; readonly chan: ChanId | undefined; readonly fail: Fail | undefined }

/** The live descriptor `id` on a held channel; a dead or unknown one is client UB. */
export function liveDesc(cx: Cx, s: ModelState, id: DescId): DescLook {
  const d = findDesc(s, id);
  const dead = d === undefined ? findDead(s, id) : undefined;
  const why = dead?.why;
  const held = d === undefined ? why !== 'released' : s.chans[d.chan]?.held === true;
  const fail = sub2_noTouchAfterFailedSubmit(cx, why === 'submit_failed')
    ?? desc15_noUseAfterTerminateFree(cx, why === 'prepared_freed')
    ?? ch8_heldForUse(cx, held)
    ?? (d === undefined ? desc5_noDerefAfterSubmit(cx, false) : undefined);
  return { d, chan: d?.chan ?? dead?.chan, fail };
}

/** Phases in which the client still owns the descriptor. */
export const clientOwned = (p: DescPhase): boolean => p === 'prepared' || p === 'reusable';

/** Phases in which the descriptor's buffers are in use by the engine (DESC-7, DATA-3). */
export const usesBuffers = (p: DescPhase): boolean => p === 'submitted' || p === 'issued' || p === 'active';

/** A running or queued looping transfer (cyclic / repeat) on the channel. */
export const loopActive = (ch: Chan): Desc | undefined =>
  ch.descs.find((d) => d.id === ch.active && (d.cyclic || d.repeat));
