/**
 * Handlers: tx_status, is_tx_complete.
 * Raises Undefined(CH-8, CK-6, STAT-2), Violation(STAT-*, CYC-4, CAPS-4, TERM-11, DATA-5).
 * @internal
 */
import type { ClientCall } from '../api/index.ts';
import { ck6_noCookieApiWithoutOrder } from '../rules/cookie.ts';
import { stat2_cookieFromSubmit } from '../rules/status.ts';
import { lastPossible, seqInHold } from './cookies.ts';
import { heldChan } from './guards.ts';
import type { OpHandler } from './ops.ts';
import { setChan } from './store.ts';
import { statusSpec } from './status.ts';
import { withChan, withCookies } from './records.ts';

type StatusCall = Extract<ClientCall, { op: 'tx_status' | 'is_tx_complete' }>;

/** tx_status and is_tx_complete. @internal */
export const txStatus: OpHandler<StatusCall> = {
  judge(cx, s, c) {
    const h = heldChan(cx, s, c.chan);
    const ch = h.ch;
    const ub = h.fail ?? ck6_noCookieApiWithoutOrder(cx, s.cfg.caps.completionNoOrder)
      ?? stat2_cookieFromSubmit(cx, ch !== undefined && seqInHold(ch.ck, c.cookie) !== undefined);
    if (ch === undefined || ub !== undefined) return { chan: c.chan, ub };
    const withState = c.op === 'is_tx_complete' || c.withState;
    const spec = statusSpec(s, ch, c.cookie, withState, c.op === 'is_tx_complete');
    return { chan: c.chan, spec: { rule: 'STAT-4', msg: 'status query returns a status', alts: [spec] } };
  },
  leave(_cx, s, c, _ctx, r) {
    const ch = s.chans[c.chan];
    if (ch === undefined || r.t !== 'status' || r.st.last === undefined) return { s };
    const seq = lastPossible(ch.ck, r.st.last);
    return seq === undefined ? { s } : { s: setChan(s, withChan(ch, { ck: withCookies(ch.ck, { lo: seq, hi: seq }) })) };
  },
};
