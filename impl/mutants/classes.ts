/**
 * The engine-side bug classes of shared/spec-notes/bug-classes.md (section number and
 * title), for mutant declarations. Client-only classes (5, 28, 32, 41-45) have no mutant.
 * @internal
 */
import type { BugClass } from './spec.ts';

const c = (section: number, title: string): BugClass => ({ section, title });

export const CLS = {
  lockHeld: c(1, 'Callback invoked with the channel lock held'),
  hardIrq: c(2, 'Callback invoked from the wrong context (hard IRQ instead of bottom half)'),
  startOnSubmit: c(4, 'Transfer started on submit, or queued work started without issue_pending'),
  wrongDesc: c(7, 'Wrong descriptor started or completed (double start, premature completion)'),
  freedBeforeCb: c(9, 'Descriptor freed or recycled before (or while) its callback runs'),
  periodCb: c(10, 'Cyclic period callbacks lost, coalesced, or counted by the client'),
  cyclicComplete: c(11, 'Cyclic transfer reported complete'),
  interruptFlag: c(14, 'DMA_PREP_INTERRUPT mishandled (polled clients stall)'),
  cbOnAbort: c(15, 'Completion callback invoked for aborted descriptors'),
  resurrection: c(16, 'Descriptors survive terminate and run later ("resurrection")'),
  freedInTerminate: c(17, 'Active descriptor freed inside terminate while its completion is pending'),
  termLeak: c(18, 'Terminate leaks the active descriptor'),
  afterSync: c(19, 'Memory accessed or callbacks running after synchronize returns'),
  terminateRace: c(20, 'Submit/issue_pending racing deferred termination'),
  pausedTerminate: c(22, 'Terminate of a paused or stalled channel leaves it unusable'),
  cookieAfterTerminate: c(23, 'Cookie bookkeeping wrong after terminate'),
  outOfOrder: c(24, 'Out-of-order completion breaks ordered cookie arithmetic'),
  residue: c(26, 'Residue non-monotonic, out of range, or garbage'),
  pauseLoses: c(30, 'Residue read without pausing loses data'),
  pauseState: c(31, 'Pause/resume state machine errors'),
  reuse: c(33, 'DMA_CTRL_REUSE mishandled'),
  metadata: c(34, 'Metadata used outside its lifetime or in mixed modes'),
  prepRet: c(35, 'prep return convention violated (or not checked)'),
  tasklet: c(39, 'Tasklet or IRQ still live after channel release or driver removal'),
  requestErr: c(40, 'Channel request error convention'),
} as const;

/** An engine obligation of the rule catalogue with no field bug behind it. */
export const obligation = (title: string): BugClass => ({ section: null, title });
