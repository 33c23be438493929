/**
 * Submitting a just-prepared descriptor and issuing it at once, the way stream clients
 * start a transfer (snd_dmaengine_pcm_trigger: prep, callback, submit, issue_pending).
 * Separate submit and issue commands line up with the prep only by luck, and the rules
 * about a running transfer (CYC-*, TERM-7, CB-12) need it running.
 * @internal
 */
import type { ChanId, DescId } from '../../spec/api/index.ts';
import { execShown as exec, type Shown } from './base.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';

/**
 * Submit `desc` if it is still `prepared`, then issue `chan` if it is not terminating
 * (SYNC-3), both from process context; returns the steps run.
 * @internal
 */
export function submitAndIssue(r: Lockstep, chan: ChanId, desc: DescId): Shown[] {
  if (r.model?.desc(r.state, desc)?.phase !== 'prepared') return [];
  const shown = [exec(r, { k: 'call', call: { op: 'submit', desc }, ctx: 'process' })];
  const v = r.model.chan(r.state, chan);
  if (v?.held && !v.poisoned && !v.terminating) shown.push(exec(r, { k: 'call', call: { op: 'issue_pending', chan }, ctx: 'process' }));
  return shown;
}
