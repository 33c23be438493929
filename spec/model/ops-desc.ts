/**
 * Handlers: set_callback, set_reuse, desc_free, submit.
 * Raises Undefined(DESC-3, DESC-5, DESC-12, DESC-16, SUB-2, CAPS-5, CH-8),
 * Violation(DESC-10, DESC-11, CK-1, CK-2, CH-9, TERM-10, SUB-3).
 * @internal
 */
import type { ClientCall, Errno } from '../api/index.ts';
import { ch9_firstCookieRule } from '../rules/channel.ts';
import { caps5_reuseNeedsCap } from '../rules/config.ts';
import { ck1_cookieSign, ck2_submitRets } from '../rules/cookie.ts';
import { desc10_setReuseRets, desc11_descFreeRets, desc11_freedOnSuccess, desc12_freeNotInFlight, desc16_noResubmitFromOwnCallback, desc3_fieldsBeforeSubmit, desc5_noDerefAfterSubmit } from '../rules/desc.ts';
import { sub3_freedOnlyOnFailure } from '../rules/issue.ts';
import { term10_counterRule } from '../rules/terminate.ts';
import { afterSubmit, nextCookies } from './cookies.ts';
import { clientOwned, liveDesc } from './guards.ts';
import type { OpHandler } from './ops.ts';
import type { Desc } from './state.ts';
import { findDesc, killDesc, putDesc, runningCb, setChan, updDesc } from './store.ts';
import { withChan, withDesc, withMeta } from './records.ts';

type Op<K extends ClientCall['op']> = OpHandler<Extract<ClientCall, { op: K }>>;
const VOID_DESC = { rule: 'DESC-3', msg: 'returns void', alts: [{ t: 'void' }] } as const;

/** set_callback: only before submit. @internal */
export const setCallback: Op<'set_callback'> = {
  judge(cx, s, c) {
    const l = liveDesc(cx, s, c.desc);
    const ub = l.fail ?? desc3_fieldsBeforeSubmit(cx, l.d !== undefined && clientOwned(l.d.phase));
    return { chan: l.chan, ub, spec: VOID_DESC };
  },
  leave(_cx, s, c) {
    const d = findDesc(s, c.desc);
    if (d === undefined) return { s };
    const nd: Desc = c.fn === 'callback' ? withDesc(d, { hasCallback: true, action: c.action }) : withDesc(d, { hasCallbackResult: true, action: c.action });
    return { s: updDesc(s, nd) };
  },
};

/** set_reuse: DESC-10 return, CAPS-5 without the capability. @internal */
export const setReuse: Op<'set_reuse'> = {
  judge(cx, s, c) {
    const l = liveDesc(cx, s, c.desc);
    const ub = l.fail ?? desc5_noDerefAfterSubmit(cx, l.d !== undefined && clientOwned(l.d.phase));
    const slave = l.d === undefined ? undefined : s.cfg.slaves[l.d.chan];
    const caps = s.cfg.caps;
    // dma_get_slave_caps fails first (CAPS-1): no DMA_SLAVE / DMA_CYCLIC, or no directions.
    const capsErr: Errno | undefined = slave !== undefined && (slave.directions.length === 0 || !(caps.slaveSg || caps.dmaVec || caps.cyclic)) ? 'ENXIO' : undefined;
    const deferred = capsErr === undefined ? caps5_reuseNeedsCap(cx, s.cfg.caps.descriptorReuse) : undefined;
    return { chan: l.chan, ub, deferred, spec: desc10_setReuseRets(capsErr, s.cfg.caps.descriptorReuse) };
  },
  leave(_cx, s, c, _ctx, r) {
    const d = findDesc(s, c.desc);
    return d !== undefined && r.t === 'int' && r.v === 0 ? { s: updDesc(s, withDesc(d, { reuse: true })) } : { s };
  },
};

/** desc_free: REUSE descriptors not in flight. @internal */
export const descFree: Op<'desc_free'> = {
  judge(cx, s, c) {
    const l = liveDesc(cx, s, c.desc);
    const ub = l.fail ?? desc12_freeNotInFlight(cx, l.d !== undefined && !clientOwned(l.d.phase));
    return { chan: l.chan, ub, spec: desc11_descFreeRets(l.d?.reuse ?? false) };
  },
  leave(cx, s, c, _ctx, r, fr) {
    const d = findDesc(s, c.desc);
    if (r.t !== 'int' || r.v !== 0) return { s };
    const fail = desc11_freedOnSuccess(cx, fr.descFreed);
    return { s: d === undefined ? s : killDesc(s, d, 'client_free'), fail };
  },
};

/** submit: next cookie, nothing starts. @internal */
export const submit: Op<'submit'> = {
  judge(cx, s, c) {
    const l = liveDesc(cx, s, c.desc);
    const d = l.d;
    const own = d !== undefined && d.reuse && d.phase === 'callback' && runningCb(s)?.inv.desc === d.id;
    const ub = l.fail ?? desc16_noResubmitFromOwnCallback(cx, own) ?? desc5_noDerefAfterSubmit(cx, d !== undefined && clientOwned(d.phase));
    const ch = d === undefined ? undefined : s.chans[d.chan];
    if (ch === undefined) return { chan: l.chan, ub };
    const busyOk = ch.descs.some((x) => x.cyclic && (x.phase === 'submitted' || x.phase === 'issued' || x.phase === 'active'));
    const rule = ch9_firstCookieRule(ch.ck.restartOpen || ch.ck.holdStart === 0, ch.ck.restartOpen ? 0 : ch.ck.n) ?? term10_counterRule(ch.ck.abortHi > 0) ?? 'CK-2';
    return { chan: l.chan, ub, spec: ck2_submitRets(nextCookies(ch.ck, s.cfg.cookieInit), busyOk, rule) };
  },
  pre: (cx, _s, _c, r) => ck1_cookieSign(cx, r),
  leave(cx, s, c, _ctx, r, fr) {
    const d = findDesc(s, c.desc);
    if (r.t === 'cookie') {
      const fail = sub3_freedOnlyOnFailure(cx, fr.descFreed);
      const ch = d === undefined ? undefined : s.chans[d.chan];
      if (d === undefined || ch === undefined) return { s, fail };
      const ck = afterSubmit(ch.ck, r.v, s.cfg.cookieInit);
      const nd: Desc = withDesc(d, {
        phase: 'submitted', seq: ck.n, cookie: r.v, moved: 0, periodEvents: 0, periodCbPending: false,
        calledBack: false, abortedFrom: undefined, meta: withMeta(d.meta, { copied: false }),
      });
      return { s: setChan(s, putDesc(withChan(ch, { ck }), nd)), fail };
    }
    return { s: d === undefined ? s : killDesc(s, d, 'submit_failed') };
  },
};
