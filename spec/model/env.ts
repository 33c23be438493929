/**
 * Environment steps (`env` ... `env_end`): time passing, interrupts, tasklets, the
 * peripheral draining. The end of a step checks what it owed (ISS-3, CYC-1, CYC-3, DESC-8, CB-16).
 * @internal
 */
import type { EnvStep } from '../api/index.ts';
import { cb16_callbackBeforeFree } from '../rules/callback.ts';
import { cyc1_periods, cyc3_periodCallbackNotLost } from '../rules/cyclic.ts';
import { data8_bytes } from '../rules/data.ts';
import { desc8_callbackOwed } from '../rules/desc.ts';
import { iss3_order } from '../rules/issue.ts';
import type { Cx, Fail } from '../rules/require.ts';
import { term11_unpaused } from '../rules/terminate.ts';
import { closeBeforeLock, openBeforeLock } from './before-lock.ts';
import { owesCallback } from './events-hw.ts';
import { EV_BIT } from './frames.ts';
import { callOpenOn, closeInside, openInside } from './nesting.ts';
import type { Out } from './ops.ts';
import type { Chan, EnvFrame, ModelState } from './state.ts';
import { descIn, pop, push, setChan, top } from './store.ts';
import { withChan } from './records.ts';

/** A channel with issued work, idle, not paused, nothing pending: the engine failed to start it (ISS-3). */
export function stalled(cx: Cx, ch: Chan): Fail | undefined {
  if (ch.poisoned || !ch.held || ch.active !== undefined || ch.paused || ch.startDeferred || ch.irqPending || ch.taskletPending) return undefined;
  const waiting = ch.descs.some((d) => d.phase === 'issued');
  return ch.pausedAtTerminate ? term11_unpaused(cx, !waiting) : iss3_order(cx, !waiting, 'issued work not started on an idle channel');
}

type Step<K extends EnvStep['op']> = Extract<EnvStep, { op: K }>;

/** The interrupt is pending, or (irq_raised unobserved) running hardware may have raised it. */
const irqMayBePending = (s: ModelState, ch: Chan): boolean =>
  ch.irqPending || (!s.obs.irqRaised && ch.active !== undefined);

/** The tasklet is scheduled, or (tasklet_scheduled unobserved) there is completion work it may have been scheduled for. */
const taskletMayBePending = (s: ModelState, ch: Chan): boolean =>
  ch.taskletPending || (!s.obs.taskletScheduled && ch.descs.some((d) => d.phase === 'completed' || d.periodCbPending));

const frame = (step: EnvStep, live: boolean, periodPendingAtStart: number | undefined, fifoAtStart: number, compAtStart = 0): EnvFrame =>
  ({ k: 'env', step, live, evs: 0, periodPendingAtStart, periodCbDone: false, nonPeriodCbDone: false, fifoAtStart, delivered: 0, compAtStart });

/**
 * Opening an environment step, one arm per op. A mapped table rather than a ts-pattern
 * match (exhaustive the same way): it runs on every env entry of the lockstep hot path.
 */
const OPEN: { readonly [K in EnvStep['op']]: (cx: Cx, s: ModelState, st: Step<K>) => Out } = {
  advance(cx, s, st) {
    let fail: Fail | undefined;
    // Inside a call (1.1 nesting) the call's own channel may be half-way through issuing.
    for (const ch of s.chans) if (s.stack.length === 0 || !callOpenOn(s, ch.id)) fail ??= stalled(cx, ch);
    return { s: push(s, frame(st, true, undefined, 0)), fail };
  },
  irq(_cx, s, st) {
    const ch = s.chans[st.chan];
    if (ch === undefined) return { s: push(s, frame(st, false, undefined, 0)) };
    // A paused channel ignores its interrupt (PAUSE-4); it may still be pending after resume.
    return { s: push(setChan(s, withChan(ch, { irqPending: ch.paused && ch.irqPending })), frame(st, irqMayBePending(s, ch), undefined, 0)) };
  },
  tasklet(_cx, s, st) {
    const ch = s.chans[st.chan];
    if (ch === undefined) return { s: push(s, frame(st, false, undefined, 0)) };
    const pend = ch.descs.find((d) => d.periodCbPending && d.phase === 'active');
    return { s: push(setChan(s, withChan(ch, { taskletPending: false })), frame(st, taskletMayBePending(s, ch), pend?.id, 0, ch.compCount)) };
  },
  drain: (_cx, s, st) => ({ s: push(s, frame(st, true, undefined, s.chans[st.chan]?.fifo.length ?? 0)) }),
};

/** An `env` entry: open the step frame (irq/tasklet take their pending flag). @internal */
export function onEnv(cx: Cx, s: ModelState, step: EnvStep): Out {
  // Inside a terminate whose effect is unseen, an irq/tasklet may come before its lock (before-lock.ts).
  const ns = s.stack.length === 0 ? s : openInside(openBeforeLock(s, step));
  return (OPEN[step.op] as (cx: Cx, s: ModelState, st: EnvStep) => Out)(cx, ns, step);
}

/** After `advance`: a finished transfer or an elapsed period raised the interrupt. */
function afterAdvance(cx: Cx, s: ModelState): Fail | undefined {
  if (!s.obs.xfer) return undefined;
  for (const ch of s.chans) {
    if (ch.poisoned || !ch.held || ch.active === undefined) continue;
    const d = descIn(ch, ch.active);
    if (d === undefined || ch.irqPending) continue;
    const f = d.cyclic
      ? cyc1_periods(cx, !owesCallback(d) || Math.floor(d.moved / d.periodLen) <= d.periodEvents, 'period elapsed without an interrupt')
      : d.repeat ? undefined : iss3_order(cx, d.moved < d.len, 'last byte moved but no interrupt raised');
    if (f !== undefined) return f;
  }
  return undefined;
}

function afterIrq(cx: Cx, s: ModelState, fr: EnvFrame, ch: Chan): Fail | undefined {
  if (!fr.live || ch.poisoned || ch.paused) return undefined; // PAUSE-4: a paused channel completes nothing
  const d = ch.active === undefined ? undefined : descIn(ch, ch.active);
  const scheduled = s.obs.taskletScheduled ? iss3_order(cx, (fr.evs & (EV_BIT.complete | EV_BIT.period)) === 0 || ch.taskletPending, 'completion without scheduling the tasklet') : undefined;
  // What the bytes moved owe (a finished transfer completed, an elapsed period signalled) needs xfer observed.
  return scheduled
    ?? (d === undefined || !s.obs.xfer ? undefined
      : d.cyclic ? cyc1_periods(cx, !owesCallback(d) || Math.floor(d.moved / d.periodLen) <= d.periodEvents || (fr.evs & EV_BIT.period) !== 0, 'interrupt did not signal the elapsed period')
        : d.repeat ? undefined : iss3_order(cx, d.moved < d.len, 'finished descriptor not completed by its interrupt'));
}

function afterTasklet(cx: Cx, fr: EnvFrame, ch: Chan): Fail | undefined {
  if (!fr.live || ch.poisoned) return undefined;
  const p = fr.periodPendingAtStart === undefined ? undefined : descIn(ch, fr.periodPendingAtStart);
  const lost = p !== undefined && p.phase === 'active' && owesCallback(p) && !fr.periodCbDone;
  if (ch.taskletPending) return cyc3_periodCallbackNotLost(cx, lost);
  const left = ch.descs.filter((d) => d.phase === 'completed');
  return cyc3_periodCallbackNotLost(cx, lost)
    ?? desc8_callbackOwed(cx, left.some(owesCallback))
    ?? iss3_order(cx, left.length === 0, 'completed descriptor not released by the tasklet')
    ?? cb16_callbackBeforeFree(cx, !ch.descs.some((d) => d.phase === 'done'), 'descriptor not released after its callback');
}

/** An `env_end` entry: check what the step owed, close its frame. @internal */
export function onEnvEnd(cx: Cx, s: ModelState): Out {
  const fr = top(s);
  if (fr === undefined || fr.k !== 'env') return { s, bug: 'env_end without an environment step' };
  const ns = pop(s);
  const close = CLOSE[fr.step.op] as (cx: Cx, s: ModelState, fr: EnvFrame, st: EnvStep) => Fail | undefined;
  if (ns.stack.length === 0) return { s: ns, fail: close(cx, ns, fr, fr.step) };
  const c = closeBeforeLock(cx, ns, fr, (x, st) => close(x, st, fr, fr.step));
  return { s: closeInside(c.s, fr), fail: c.fail };
}

/** What each kind of step owed when it ends (a mapped table, as OPEN). */
const CLOSE: { readonly [K in EnvStep['op']]: (cx: Cx, s: ModelState, fr: EnvFrame, st: Step<K>) => Fail | undefined } = {
  advance: (cx, s) => afterAdvance(cx, s),
  irq: (cx, s, fr, st) => { const ch = s.chans[st.chan]; return ch === undefined ? undefined : afterIrq(cx, s, fr, ch); },
  tasklet: (cx, s, fr, st) => { const ch = s.chans[st.chan]; return ch === undefined ? undefined : afterTasklet(cx, fr, ch); },
  // Without periph_rx / periph_lost observed the FIFO is not tracked: nothing to compare.
  drain: (cx, s, fr, st) => !s.obs.fifo ? undefined : data8_bytes(cx, s.chans[st.chan]?.poisoned === true || fr.delivered === Math.min(Math.max(0, st.bytes), fr.fifoAtStart), 'drain delivered the wrong number of bytes'),
};
