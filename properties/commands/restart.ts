/**
 * Restarting a channel after a terminate aborted its work, as clients recovering from an
 * error or restarting a stream do: prep a fresh transfer, submit and issue it, in process
 * context once the termination is complete (after terminate_sync, or after the
 * synchronize that follows terminate_async; never in between, where the pending tasklet
 * races the terminate: TERM-7, CB-12). Its completion passes the aborted cookies, and a status
 * query of one of them then reads COMPLETE (STAT-3); without the restart a generated
 * sequence almost never completes new work on a channel after an abort.
 * @internal
 */
import fc from 'fast-check';
import type { ChanId } from '../../spec/api/index.ts';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT } from '../../spec/api/index.ts';
import { execShown, type Shown } from './base.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { dirOf, entries, type EntryPick } from './prep-common.ts';
import { submitAndIssue } from './start-now.ts';
import { bufsMappedTo } from './view.ts';

/** Symbolic restart transfer: direction and one sg entry. @internal */
export interface RestartPick { readonly dir: number; readonly e: EntryPick }

/**
 * A restart three times in four, of a short transfer (a few bytes from the start of a
 * buffer) so the steps that follow usually complete it.
 * @internal
 */
export const restartArb: fc.Arbitrary<RestartPick | undefined> = fc.oneof(
  { arbitrary: fc.record({ dir: fc.nat(3), e: fc.record({ b: fc.nat(7), off: fc.constant(0), len: fc.nat(15) }) }), weight: 3 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

/**
 * The restart steps on `chan`, only where they are legal (SYNC-3: not while terminating;
 * DATA-1: a mapped buffer); returns the steps run.
 * @internal
 */
export function restartChannel(r: Lockstep, chan: ChanId, p: RestartPick): Shown[] {
  const v = r.model?.chan(r.state, chan);
  if (!v?.held || v.poisoned || v.terminating || !v.configured || !r.impl.profile.slaveSg || bufsMappedTo(r, chan).length === 0) return [];
  const desc = r.client.nextDesc++;
  const prep: Step = { k: 'call', call: { op: 'prep_slave_sg', chan, desc, sgl: entries(r, chan, [p.e]), dir: dirOf(r, chan, p.dir), flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK }, ctx: 'process' };
  return [execShown(r, prep), ...submitAndIssue(r, chan, desc)];
}
