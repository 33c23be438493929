/**
 * Handlers: terminate_async, terminate_sync, terminate_all, synchronize.
 * Terminate marks everything aborted at call time; the engine's desc_freed events
 * release them; `leave` checks what is left (TERM-9, DESC-15, SYNC-5).
 * Raises Undefined(CH-8, CB-6, TERM-5, TERM-6, SYNC-2, SYNC-3, CYC-5),
 * Violation(TERM-1..4, CB-5, TERM-9, DESC-15, SYNC-5).
 * @internal
 */
import type { ClientCall, Ctx } from '../api/index.ts';
import { cb6_noSleepInCallback } from '../rules/callback.ts';
import { cyc5_stopByTerminate } from '../rules/cyclic.ts';
import { desc15_terminateFreesPrepared } from '../rules/desc.ts';
import type { Cx, Fail } from '../rules/require.ts';
import { sync2_notAtomic, sync3_noIssueBetween, sync5_taskletFlushed } from '../rules/sync.ts';
import { term1_terminateRets, term5_syncNotAtomic, term6_noTerminateAll, term9_released } from '../rules/terminate.ts';
import { heldChan, loopActive } from './guards.ts';
import type { OpHandler, Out } from './ops.ts';
import { EV_BIT } from './frames.ts';
import type { CallFrame, Chan, Desc, ModelState } from './state.ts';
import { setChan, takenByTasklet } from './store.ts';
import { withCall, withChan, withCookies, withDesc } from './records.ts';

type TermCall = Extract<ClientCall, { op: 'terminate_async' | 'terminate_sync' | 'terminate_all' }>;
type Op<K extends ClientCall['op']> = OpHandler<Extract<ClientCall, { op: K }>>;

/** The channel right after terminate: work aborted, not paused (TERM-11), terminating. */
export function terminated(s: ModelState, ch: Chan): Chan {
  const taken = takenByTasklet(s, ch.id);
  const bufs = new Set(ch.termBufs);
  const descs = ch.descs.map((d): Desc => {
    const abort = d.phase === 'active' || d.phase === 'submitted' || d.phase === 'issued' || (d.phase === 'completed' && d.compOrder > taken);
    if (!abort) return d;
    for (const g of d.segs) bufs.add(g.buf);
    return withDesc(d, { phase: 'terminated', abortedFrom: d.phase, periodCbPending: false });
  });
  return withChan(ch, {
    descs, active: undefined, paused: false, pausedAtTerminate: ch.paused, terminating: true,
    issuedSinceTerminate: false, startDeferred: false, fifoOwed: false, termBufs: [...bufs],
    ck: withCookies(ch.ck, { hi: ch.ck.n, abortHi: ch.ck.n }),
  });
}

/** What terminate must have released by its return (TERM-9, DESC-15). */
function leftAfterTerminate(cx: Cx, ch: Chan): Fail | undefined {
  return desc15_terminateFreesPrepared(cx, ch.descs.some((d) => d.phase === 'prepared' && !d.reuse))
    ?? term9_released(cx, !ch.descs.some((d) => d.phase === 'terminated' && d.abortedFrom !== 'active'), 'aborted descriptor not released by terminate');
}

/**
 * Work completed before synchronize ran its tasklet_kill: all completed work, or (1.1 nesting)
 * what was completed when the first step inside the call began (terminate_sync: on the channel
 * without the terminate, before-lock.ts) — an interrupt inside the call after that completes
 * work (e.g. issued by a callback) the kill did not flush.
 */
const completedBefore = (fr: CallFrame, d: Desc): boolean =>
  d.phase === 'completed' && (fr.before === undefined || fr.before.descs.some((x) => x.id === d.id && x.phase === 'completed'));

/** Synchronize's guarantees at its return (TERM-9, SYNC-5) and its effect on the channel. */
function synchronized(cx: Cx, s: ModelState, ch: Chan, fr: CallFrame): Out {
  const real = s.cfg.caps.synchronize;
  const fail = !real ? undefined
    : term9_released(cx, !ch.descs.some((d) => d.phase === 'terminated'), 'aborted descriptor not released by synchronize')
      ?? sync5_taskletFlushed(cx, !fr.taskletWasPending || !ch.descs.some((d) => completedBefore(fr, d) && (d.hasCallback || d.hasCallbackResult)));
  // The kill leaves no tasklet scheduled, unless an interrupt inside the call scheduled it again.
  const rescheduled = (fr.nestedEvs & EV_BIT.tasklet_scheduled) !== 0 && ch.taskletPending;
  const nch: Chan = withChan(ch, {
    terminating: false, issuedSinceTerminate: false, syncCount: ch.syncCount + 1, termBufs: [],
    syncAfterPush: true, taskletPending: real && fr.taskletWasPending ? rescheduled : ch.taskletPending,
  });
  return { s: setChan(s, nch), fail };
}

function termUb(cx: Cx, c: TermCall, ctx: Ctx): Fail | undefined {
  return c.op === 'terminate_sync' ? cb6_noSleepInCallback(cx, ctx) ?? term5_syncNotAtomic(cx, ctx) : undefined;
}

/** terminate_async, terminate_sync and the deprecated terminate_all. @internal */
export const terminate: OpHandler<TermCall> = {
  judge(cx, s, c, ctx) {
    const ub = heldChan(cx, s, c.chan).fail ?? termUb(cx, c, ctx);
    const deferred = c.op === 'terminate_all' ? term6_noTerminateAll(cx) : undefined;
    return { chan: c.chan, ub, deferred, spec: term1_terminateRets(c.op, s.cfg.caps.terminate, ctx) };
  },
  enter(s, c, _ctx, fr) {
    const ch = s.chans[c.chan];
    if (ch === undefined || !s.cfg.caps.terminate) return { s, fr };
    // `before`: the channel without the effect, for a step nested before the lock (before-lock.ts, CB-13).
    return { s: setChan(s, terminated(s, ch)), fr: withCall(fr, { taskletWasPending: ch.taskletPending, before: ch }) };
  },
  leave(cx, s, c, _ctx, r, fr) {
    const ch = s.chans[c.chan];
    if (ch === undefined || r.t !== 'int' || r.v !== 0 || !s.cfg.caps.terminate) return { s };
    const f = leftAfterTerminate(cx, ch);
    if (c.op !== 'terminate_sync') return { s, fail: f };
    const o = synchronized(cx, s, ch, fr);
    return { s: o.s, fail: f ?? o.fail };
  },
};

/** synchronize. @internal */
export const synchronize: Op<'synchronize'> = {
  judge(cx, s, c, ctx) {
    const ch = s.chans[c.chan];
    const cyc = ch === undefined ? undefined : loopActive(ch);
    const ub = heldChan(cx, s, c.chan).fail ?? cb6_noSleepInCallback(cx, ctx) ?? sync2_notAtomic(cx, ctx)
      ?? sync3_noIssueBetween(cx, ch?.issuedSinceTerminate ?? false)
      ?? cyc5_stopByTerminate(cx, cyc !== undefined && !(ch?.terminating ?? false));
    return { chan: c.chan, ub, spec: { rule: 'SYNC-1', msg: 'synchronize returns void', alts: [{ t: 'void' }] } };
  },
  enter: (s, c, _ctx, fr) => ({ s, fr: withCall(fr, { taskletWasPending: s.chans[c.chan]?.taskletPending ?? false }) }),
  leave(cx, s, c, _ctx, _r, fr) {
    const ch = s.chans[c.chan];
    return ch === undefined ? { s } : synchronized(cx, s, ch, fr);
  },
};
