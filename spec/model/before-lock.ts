/**
 * An interrupt or tasklet nested in a terminate call (trace format 1.1) may have run before
 * the terminate took the channel lock: a 1.1 trace opens the call when it starts, not when
 * its critical section does. On virt-dma the tasklet takes `desc_completed` under `vc.lock`
 * and calls the callbacks after dropping it (vchan_complete, drivers/dma/virt-dma.c); the
 * driver's terminate takes every list under the same lock (bcm2835_dma_terminate_all,
 * drivers/dma/bcm2835-dma.c; vchan_get_all_descriptors, virt-dma.h) and frees them with
 * vchan_dma_desc_free_list, which calls no callback; the interrupt handler completes under
 * that lock too (bcm2835_dma_callback). So a step either ran wholly before the terminate's
 * critical section — CB-13's "callbacks already picked up still run" — or wholly after it.
 *
 * The trace is accepted if some order is consistent (existential, as `eitherSide` for an
 * answer and the unobserved kinds of observe.ts). The terminate's effect is applied at its
 * call (`terminated`); its frame keeps in `before` the channel as it was without it, while
 * nothing of the effect has been seen (no event of the call itself). A step opening there
 * runs on that channel, and the effect is applied again when it ends (`before` becomes the
 * channel it left). The "after" order is the only one left for a step in which the channel
 * saw nothing but interrupt/tasklet scheduling when its "before" end check fails (a tasklet
 * finding nothing: the terminate had taken the list): then no later step can be before the
 * lock either (`before` is cleared). A step that completed, started, freed or called back
 * anything is read "before": "after" would reject its first such entry (TERM-7, ISS-3, CB-13).
 * @internal
 */
import type { EnvStep } from '../api/index.ts';
import type { Cx, Fail } from '../rules/require.ts';
import { EV_BIT, TERMINATES } from './frames.ts';
import { terminated } from './ops-terminate.ts';
import { withCall } from './records.ts';
import type { CallFrame, EnvFrame, ModelState } from './state.ts';
import { setChan, setFrame, top } from './store.ts';

/** The terminate an interrupt or tasklet step on its channel opens directly inside, while its effect is unseen. */
function unseenTerminate(s: ModelState, step: EnvStep): CallFrame | undefined {
  if (step.op !== 'irq' && step.op !== 'tasklet') return undefined;
  const fr = top(s);
  return fr !== undefined && fr.k === 'call' && fr.before !== undefined && fr.evs === 0 && !fr.loose
    && fr.chan === step.chan && TERMINATES.includes(fr.call.op) ? fr : undefined;
}

/** Opening `step`: inside a terminate whose effect is unseen, it runs on the channel without it. @internal */
export function openBeforeLock(s: ModelState, step: EnvStep): ModelState {
  const fr = unseenTerminate(s, step);
  return fr?.before === undefined ? s : setChan(s, fr.before);
}

/** Scheduling only: the "after" order would have accepted every entry of the step. */
const SCHEDULING = EV_BIT.irq_raised | EV_BIT.tasklet_scheduled | EV_BIT.lock_splat;

/** A judge of a step's end (env.ts CLOSE) on state `s`. */
type EndCheck = (cx: Cx, s: ModelState) => Fail | undefined;
const QUIET: Cx = { cov: undefined };

/**
 * Closing step `env` (`s` already popped): inside a terminate whose effect is unseen, choose
 * the order (the end check `check` judged on the state chosen) and re-apply the terminate.
 * @internal
 */
export function closeBeforeLock(cx: Cx, s: ModelState, env: EnvFrame, check: EndCheck): { readonly s: ModelState; readonly fail: Fail | undefined } {
  const fr = unseenTerminate(s, env.step);
  const ch = fr?.chan === undefined ? undefined : s.chans[fr.chan];
  if (fr === undefined || ch === undefined) return { s, fail: check(cx, s) };
  const i = s.stack.length - 1;
  const after = setChan(s, terminated(s, ch));
  const fail = check(cx, s);
  const schedulingOnly = (env.evs & ~SCHEDULING) === 0 && !env.periodCbDone && !env.nonPeriodCbDone;
  if (fail !== undefined && schedulingOnly && check(QUIET, after) === undefined) return { s: setFrame(after, i, withCall(fr, { before: undefined })), fail: undefined };
  return { s: setFrame(after, i, withCall(fr, { before: ch })), fail };
}
