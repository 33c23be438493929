/**
 * Handlers: issue_pending, pause, resume.
 * Raises Undefined(CH-8, SYNC-7, PAUSE-3), Advisory(CAPS-3), Violation(ISS-2, TERM-11, PAUSE-1, PAUSE-2, PAUSE-3, PAUSE-6).
 * @internal
 */
import type { ClientCall } from '../api/index.ts';
import { caps3_resumeNeedsCap } from '../rules/config.ts';
import { iss2_startWhenIdle } from '../rules/issue.ts';
import { pause1_pauseRets, pause1_resumeRets, pause3_resumeOnlyPaused } from '../rules/pause.ts';
import { sync7_noNewWorkBeforeSync } from '../rules/sync.ts';
import { term11_unpaused } from '../rules/terminate.ts';
import { EV_BIT } from './frames.ts';
import { heldChan } from './guards.ts';
import type { OpHandler } from './ops.ts';
import type { Chan, Desc } from './state.ts';
import { setChan } from './store.ts';
import { withCall, withChan, withDesc, withMeta } from './records.ts';

type Op<K extends ClientCall['op']> = OpHandler<Extract<ClientCall, { op: K }>>;

/** Move submitted work to issued (ISS-2); ENGINE metadata without a callback loses its pointer (META-9). */
function issueAll(ch: Chan): Chan {
  const descs = ch.descs.map((d): Desc => {
    if (d.phase !== 'submitted') return d;
    const noCb = !d.hasCallback && !d.hasCallbackResult;
    return withDesc(d, { phase: 'issued', meta: noCb && d.meta.ptr === 'valid' ? withMeta(d.meta, { ptr: 'invalid' }) : d.meta });
  });
  return withChan(ch, { descs });
}

/** issue_pending: submitted work becomes issued; an idle channel starts it. @internal */
export const issuePending: Op<'issue_pending'> = {
  judge(cx, s, c) {
    const ch = s.chans[c.chan];
    // SYNC-7: work submitted since the terminate (terminate moved every earlier one out of `submitted`).
    const newWork = ch !== undefined && ch.terminating && ch.descs.some((d) => d.phase === 'submitted');
    const ub = heldChan(cx, s, c.chan).fail ?? sync7_noNewWorkBeforeSync(cx, newWork);
    return { chan: c.chan, ub, spec: { rule: 'ISS-2', msg: 'issue_pending returns void', alts: [{ t: 'void' }] } };
  },
  enter(s, c, _ctx, fr) {
    const ch = s.chans[c.chan];
    if (ch === undefined) return { s, fr };
    const empty = !ch.descs.some((d) => d.phase === 'submitted' || d.phase === 'issued');
    const nch = issueAll(ch);
    const hasIssued = nch.descs.some((d) => d.phase === 'issued');
    const mustStart = hasIssued && ch.active === undefined && !ch.paused;
    const next: Chan = withChan(nch, {
      issuedSinceTerminate: ch.issuedSinceTerminate || ch.terminating,
      startDeferred: ch.startDeferred || (hasIssued && ch.paused && ch.active === undefined),
    });
    return { s: setChan(s, next), fr: withCall(fr, { mustStart, emptyIssue: empty }) };
  },
  leave(cx, s, c, _ctx, _r, fr) {
    const ch = s.chans[c.chan];
    if (ch === undefined || !fr.mustStart) return { s };
    // Started and already completed by an interrupt that ran inside the call (1.1 nesting) counts too.
    const started = ch.active !== undefined || ((fr.evs | fr.nestedEvs) & EV_BIT.hw_start) !== 0;
    const fail = ch.pausedAtTerminate ? term11_unpaused(cx, started) : iss2_startWhenIdle(cx, started);
    return { s, fail };
  },
};

/** pause: freezes the channel. @internal */
export const pause: Op<'pause'> = {
  judge(cx, s, c) {
    const ch = s.chans[c.chan];
    const busy = ch !== undefined && ch.active !== undefined && !ch.paused;
    return { chan: c.chan, ub: heldChan(cx, s, c.chan).fail, spec: pause1_pauseRets(s.cfg.caps.pause, busy) };
  },
  leave(_cx, s, c, _ctx, r) {
    const ch = s.chans[c.chan];
    if (ch === undefined || r.t !== 'int' || r.v !== 0) return { s };
    return { s: setChan(s, withChan(ch, { paused: true, pausedAtTerminate: false })) };
  },
};

/** resume: only a paused channel, only with cmd_resume. @internal */
export const resume: Op<'resume'> = {
  judge(cx, s, c) {
    const ch = s.chans[c.chan];
    const paused = ch?.paused ?? false;
    // Without device_resume the core answers -ENOSYS before the driver sees the channel (CAPS-3 advisory).
    const deferred = caps3_resumeNeedsCap(cx, s.cfg.caps.resume) ?? (s.cfg.caps.resume ? pause3_resumeOnlyPaused(cx, paused) : undefined);
    return { chan: c.chan, ub: heldChan(cx, s, c.chan).fail, deferred, spec: pause1_resumeRets(s.cfg.caps.resume, paused) };
  },
  // The channel runs again before anything the engine reports from inside resume (hw_start).
  enter(s, c, _ctx, fr) {
    const ch = s.chans[c.chan];
    if (ch === undefined || !ch.paused || !s.cfg.caps.resume) return { s, fr };
    return { s: setChan(s, withChan(ch, { paused: false })), fr: withCall(fr, { mustStart: true }) };
  },
  leave(_cx, s, c, _ctx, r, fr) {
    const ch = s.chans[c.chan];
    if (ch === undefined) return { s };
    if (r.t === 'int' && r.v === 0) return { s: setChan(s, withChan(ch, { paused: false })) };
    return fr.mustStart ? { s: setChan(s, withChan(ch, { paused: true })) } : { s };
  },
};
