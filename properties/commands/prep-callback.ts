/**
 * Setting a descriptor's callback right after its prep, as most clients do (DESC-3: between
 * prep and submit). A separate `set_callback` command lines up with a prep only by luck;
 * the rules about what a callback does need it often: CB-1 and CB-12 (a period callback
 * pending while a cyclic stream stops), META-8 (ENGINE metadata read in the DEV_TO_MEM
 * completion callback).
 * @internal
 */
import fc from 'fast-check';
import type { DescId } from '../../spec/api/index.ts';
import { execShown as exec, type Shown } from './base.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { legalActions } from './set-callback.ts';
import { pick } from './view.ts';

/**
 * The callback set right after a prep: `callback_result` or not, which legal action, and
 * whether the client wants the ENGINE metadata of a DEV_TO_MEM transfer (it then checks the
 * mode first if it has not yet, META-1, and reads the metadata in the callback, META-8).
 * @internal
 */
export interface FollowUpCallback { readonly result: boolean; readonly act: number; readonly meta: boolean }

/** A callback three times in four; wanting metadata half of the time. @internal */
export const followUpCallbackArb: fc.Arbitrary<FollowUpCallback | undefined> = fc.oneof(
  { arbitrary: fc.record({ result: fc.boolean(), act: fc.nat(5), meta: fc.boolean() }), weight: 3 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

/**
 * Set `cb` on `desc` if the prep just made it (it is `prepared`), after the metadata mode
 * check it may want; returns the steps run.
 * @internal
 */
export function setCallbackAfterPrep(r: Lockstep, desc: DescId, cb: FollowUpCallback | undefined): Shown[] {
  if (cb === undefined || !r.impl.profile.callbacks || !r.model) return [];
  const d = r.model.desc(r.state, desc);
  if (d?.phase !== 'prepared') return [];
  const wantsMeta = cb.meta && d.dir === 'DEV_TO_MEM' && d.kind !== 'cyclic' && r.impl.profile.metadata;
  const shown: Shown[] = [];
  if (wantsMeta && !r.client.metaSupported(d.chan, 'engine')) {
    shown.push(exec(r, { k: 'call', call: { op: 'metadata_supported', chan: d.chan, mode: 'engine' }, ctx: 'process' }));
  }
  const acts = legalActions(r, d, 0, 0, 0);
  const read = wantsMeta ? acts.find((a) => a.kind === 'read_metadata') : undefined;
  const action = read ?? pick(acts, cb.act);
  shown.push(exec(r, { k: 'call', call: { op: 'set_callback', desc, fn: cb.result ? 'callback_result' : 'callback', action }, ctx: 'process' }));
  return shown;
}
