/**
 * Environment steps (`env` ... `env_end`): time passing, interrupts, tasklets, the
 * peripheral draining. The end of a step checks what it owed (ISS-3, CYC-1, CYC-3, DESC-8, CB-16).
 * @internal
 */
import { match } from 'ts-pattern';
import type { EnvStep } from '../api/index.ts';
import { cb16_callbackBeforeFree } from '../rules/callback.ts';
import { cyc1_periods, cyc3_periodCallbackNotLost } from '../rules/cyclic.ts';
import { data8_bytes } from '../rules/data.ts';
import { desc8_callbackOwed } from '../rules/desc.ts';
import { iss3_order } from '../rules/issue.ts';
import type { Cx, Fail } from '../rules/require.ts';
import { term11_unpaused } from '../rules/terminate.ts';
import { owesCallback } from './events-hw.ts';
import { EV_BIT } from './frames.ts';
import type { Out } from './ops.ts';
import type { Chan, EnvFrame, ModelState } from './state.ts';
import { descIn, pop, push, setChan, top } from './store.ts';

/** A channel with issued work, idle, not paused, nothing pending: the engine failed to start it (ISS-3). */
export function stalled(cx: Cx, ch: Chan): Fail | undefined {
  if (ch.poisoned || !ch.held || ch.active !== undefined || ch.paused || ch.startDeferred || ch.irqPending || ch.taskletPending) return undefined;
  const waiting = ch.descs.some((d) => d.phase === 'issued');
  return ch.pausedAtTerminate ? term11_unpaused(cx, !waiting) : iss3_order(cx, !waiting, 'issued work not started on an idle channel');
}

/** An `env` entry: open the step frame (irq/tasklet take their pending flag). @internal */
export function onEnv(cx: Cx, s: ModelState, step: EnvStep): Out {
  const fr: EnvFrame = { k: 'env', step, live: true, evs: 0, periodPendingAtStart: undefined, periodCbDone: false, nonPeriodCbDone: false, fifoAtStart: 0, delivered: 0 };
  return match(step)
    .with({ op: 'advance' }, () => {
      let fail: Fail | undefined;
      for (const ch of s.chans) fail ??= stalled(cx, ch);
      return { s: push(s, fr), fail };
    })
    .with({ op: 'irq' }, (st) => {
      const ch = s.chans[st.chan];
      if (ch === undefined) return { s: push(s, { ...fr, live: false }) };
      // A paused channel ignores its interrupt (PAUSE-4); it may still be pending after resume.
      return { s: push(setChan(s, { ...ch, irqPending: ch.paused && ch.irqPending }), { ...fr, live: ch.irqPending }) };
    })
    .with({ op: 'tasklet' }, (st) => {
      const ch = s.chans[st.chan];
      if (ch === undefined) return { s: push(s, { ...fr, live: false }) };
      const pend = ch.descs.find((d) => d.periodCbPending && d.phase === 'active');
      return { s: push(setChan(s, { ...ch, taskletPending: false }), { ...fr, live: ch.taskletPending, periodPendingAtStart: pend?.id }) };
    })
    .with({ op: 'drain' }, (st) => ({ s: push(s, { ...fr, fifoAtStart: s.chans[st.chan]?.fifo.length ?? 0 }) }))
    .exhaustive();
}

/** After `advance`: a finished transfer or an elapsed period raised the interrupt. */
function afterAdvance(cx: Cx, s: ModelState): Fail | undefined {
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
  return iss3_order(cx, (fr.evs & (EV_BIT.complete | EV_BIT.period)) === 0 || ch.taskletPending, 'completion without scheduling the tasklet')
    ?? (d === undefined ? undefined
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
  const fail = match(fr.step)
    .with({ op: 'advance' }, () => afterAdvance(cx, ns))
    .with({ op: 'irq' }, (st) => { const ch = ns.chans[st.chan]; return ch === undefined ? undefined : afterIrq(cx, ns, fr, ch); })
    .with({ op: 'tasklet' }, (st) => { const ch = ns.chans[st.chan]; return ch === undefined ? undefined : afterTasklet(cx, fr, ch); })
    .with({ op: 'drain' }, (st) => data8_bytes(cx, s.chans[st.chan]?.poisoned === true || fr.delivered === Math.min(Math.max(0, st.bytes), fr.fifoAtStart), 'drain delivered the wrong number of bytes'))
    .exhaustive();
  return { s: ns, fail };
}
