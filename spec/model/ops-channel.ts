/**
 * Handlers: request_chan, release_channel, slave_config, get_slave_caps, metadata_supported.
 * Raises Undefined(CH-3, CH-5, CH-7, CH-8, CB-6, SYNC-3), Violation(CH-1, CH-2, CH-4, CFG-3, CAPS-1, CAPS-2, META-1).
 * @internal
 */
import type { ClientCall } from '../api/index.ts';
import { cb6_noSleepInCallback } from '../rules/callback.ts';
import { ch3_processContext, ch4_requestRets, ch5_releaseOnce, ch7_idleAtRelease, ch8_heldForUse } from '../rules/channel.ts';
import { caps1_slaveCapsRets, caps2_cmdFlags, cfg3_configRets } from '../rules/config.ts';
import { meta1_supportedRets } from '../rules/metadata.ts';
import { sync3_noIssueBetween } from '../rules/sync.ts';
import { heldChan } from './guards.ts';
import type { OpHandler } from './ops.ts';
import type { Chan } from './state.ts';
import { killDesc, setChan } from './store.ts';
import { withCall, withChan, withCookies } from './records.ts';

type Op<K extends ClientCall['op']> = OpHandler<Extract<ClientCall, { op: K }>>;

/** request_chan: process context; exclusive; ERR_PTR conventions. @internal */
export const requestChan: Op<'request_chan'> = {
  judge(cx, s, c, ctx) {
    const idx = s.cfg.slaves.findIndex((x) => x.name === c.name);
    const ch = idx < 0 ? undefined : s.chans[idx];
    const ub = cb6_noSleepInCallback(cx, ctx) ?? ch3_processContext(cx, ctx);
    return { chan: ch?.id, ub, spec: ch4_requestRets(ch !== undefined, ch?.held ?? false) };
  },
  leave(_cx, s, c, _ctx, r) {
    const idx = s.cfg.slaves.findIndex((x) => x.name === c.name);
    const ch = s.chans[idx];
    if (ch === undefined || r.t !== 'ok' || ch.held) return { s };
    return { s: setChan(s, takeChan(ch)) };
  },
};

/** The channel once a request handed it to the client (request_chan, request_channel). @internal */
export function takeChan(ch: Chan): Chan {
  return withChan(ch, {
    held: true, everHeld: true, reheld: ch.everHeld, cfg: undefined, paused: false, pausedAtTerminate: false,
    terminating: false, issuedSinceTerminate: false, startDeferred: false, metaChecked: { client: false, engine: false },
    ck: withCookies(ch.ck, { holdStart: ch.ck.n, restartOpen: ch.everHeld }),
  });
}

/** release_channel: once, idle, process context; synchronizes. @internal */
export const releaseChannel: Op<'release_channel'> = {
  judge(cx, s, c, ctx) {
    const ch = s.chans[c.chan];
    const busy = ch?.descs.some((d) => d.phase === 'submitted' || d.phase === 'issued' || d.phase === 'active' || d.phase === 'callback') ?? false;
    const ub = cb6_noSleepInCallback(cx, ctx) ?? ch3_processContext(cx, ctx)
      ?? ch5_releaseOnce(cx, ch?.held ?? false, ch?.everHeld ?? false) ?? ch8_heldForUse(cx, ch?.held ?? false)
      ?? ch7_idleAtRelease(cx, busy) ?? sync3_noIssueBetween(cx, ch?.issuedSinceTerminate ?? false);
    return { chan: c.chan, ub, spec: { rule: 'CH-6', msg: 'release returns void', alts: [{ t: 'void' }] } };
  },
  enter: (s, c, _ctx, fr) => ({ s, fr: withCall(fr, { taskletWasPending: s.chans[c.chan]?.taskletPending ?? false }) }),
  leave(_cx, s, c) {
    let ns = s;
    for (const d of s.chans[c.chan]?.descs ?? []) ns = killDesc(ns, d, 'released');
    const ch = ns.chans[c.chan];
    if (ch === undefined) return { s: ns };
    return {
      s: setChan(ns, withChan(ch, {
        held: false, paused: false, terminating: false, issuedSinceTerminate: false, active: undefined,
        irqPending: false, taskletPending: false, startDeferred: false, syncCount: ch.syncCount + 1, termBufs: [],
      })),
    };
  },
};

/** slave_config: stored for later preps. @internal */
export const slaveConfig: Op<'slave_config'> = {
  judge(cx, s, c) {
    const { fail } = heldChan(cx, s, c.chan);
    return { chan: c.chan, ub: fail, spec: cfg3_configRets(s.cfg, c.cfg) };
  },
  leave(_cx, s, c, _ctx, r) {
    const ch = s.chans[c.chan];
    return ch !== undefined && r.t === 'int' && r.v === 0 ? { s: setChan(s, withChan(ch, { cfg: c.cfg })) } : { s };
  },
};

/** get_slave_caps: the device capabilities. @internal */
export const getSlaveCaps: Op<'get_slave_caps'> = {
  judge(cx, s, c) {
    const { fail } = heldChan(cx, s, c.chan);
    const slave = s.cfg.slaves[c.chan];
    return { chan: c.chan, ub: fail, spec: slave === undefined ? undefined : caps1_slaveCapsRets(s.cfg, slave) };
  },
  pre: (cx, s, _c, r) => (r.t === 'caps' ? caps2_cmdFlags(cx, r.caps, s.cfg) : undefined),
  leave: (_cx, s) => ({ s }),
};

/** metadata_supported: the device modes; remembered for META-1. @internal */
export const metadataSupported: Op<'metadata_supported'> = {
  judge(cx, s, c) {
    const { fail } = heldChan(cx, s, c.chan);
    const sup = c.mode === 'client' ? s.cfg.caps.metadataClient : s.cfg.caps.metadataEngine;
    return { chan: c.chan, ub: fail, spec: meta1_supportedRets(sup) };
  },
  leave(_cx, s, c, _ctx, r) {
    const ch = s.chans[c.chan];
    if (ch === undefined || r.t !== 'bool') return { s };
    return { s: setChan(s, withChan(ch, { metaChecked: { ...ch.metaChecked, [c.mode]: true } })) };
  },
};
