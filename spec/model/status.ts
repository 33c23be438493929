/**
 * The allowed answers of tx_status / is_tx_complete for one cookie (fact sheet §1.4–1.6,
 * §2.14, §7 Q1/Q19/Q21), and the check of an answer against them.
 * @internal
 */
import type { Cookie, DmaStatus, RuleId, TxState } from '../api/index.ts';
import { CAPS4_DESCRIPTOR_RESIDUE } from '../rules/config.ts';
import { data5_inFlight } from '../rules/data.ts';
import type { Cx, Fail } from '../rules/require.ts';
import type { ResidueSpec, StatusAlt, StatusSpec } from '../rules/ret-spec.ts';
import { STAT12_SUBMITTED_RESIDUE, STAT3_ABORTED_PASSED, STAT4_STATUS_VALUE, STAT6_RESIDUE, STAT9_COMPLETE_BEFORE_CALLBACK, stat10_lastUsedReported, stat1_consistentWithCounters, stat5_stateFields } from '../rules/status.ts';
import { cookieOf, isComplete, lastPossible, seqInHold } from './cookies.ts';
import type { Chan, Desc, ModelState } from './state.ts';

const ANY: ResidueSpec = { k: 'upto', max: Number.MAX_SAFE_INTEGER };
const one = (...v: number[]): ResidueSpec => ({ k: 'one_of', v });

/** Bytes of `d` left, per residue granularity (cyclic / repeat: of the current pass). */
function residueOf(s: ModelState, d: Desc): number {
  const pos = d.cyclic || d.repeat ? d.moved % d.len : d.moved;
  const g = s.cfg.residueGranularity;
  if (g === 'descriptor') return 0;
  if (g === 'burst') return d.len - pos;
  if (d.cyclic) return d.len - Math.floor(pos / d.periodLen) * d.periodLen;
  let done = 0;
  let end = 0;
  for (const sg of d.segs) { end += sg.len; if (end <= pos) done = end; }
  return d.len - done;
}

/** Residues of a running `d` for any bytes moved (xfer unobserved): every value `residueOf` can take. */
function residuesUnseen(s: ModelState, d: Desc): ResidueSpec {
  if (s.cfg.residueGranularity === 'burst') return { k: 'upto', max: d.len };
  const v = [d.len, 0];
  if (d.cyclic) for (let k = d.periodLen; k > 0 && k < d.len; k += d.periodLen) v.push(d.len - k);
  else for (let end = 0, i = 0; i < d.segs.length - 1; i++) { end += d.segs[i]!.len; v.push(d.len - end); }
  return one(...v);
}

/** Residue of the running `d`: from the bytes moved, or any its granularity allows when xfer is unobserved. */
const runningResidue = (s: ModelState, d: Desc, boundary: boolean): ResidueSpec =>
  (!s.obs.xfer ? residuesUnseen(s, d) : boundary ? one(d.len, 0) : one(residueOf(s, d)));

function liveAlts(s: ModelState, ch: Chan, d: Desc): { alts: StatusAlt[]; wrongBy: Partial<Record<DmaStatus, RuleId>> } {
  const desc = s.cfg.residueGranularity === 'descriptor';
  const rule = desc ? CAPS4_DESCRIPTOR_RESIDUE : d.cyclic ? 'CYC-4' : d.phase === 'submitted' ? STAT12_SUBMITTED_RESIDUE : STAT6_RESIDUE;
    // A looping transfer exactly at the end of a pass is at the end of one pass or the start of the next.
  const boundary = (d.cyclic || d.repeat) && d.moved > 0 && d.moved % d.len === 0;
  const residue = desc ? one(0) : d.phase === 'submitted' ? one(0, d.len) : d.phase === 'active' ? runningResidue(s, d, boundary) : d.phase === 'issued' ? one(d.len) : ANY;
  const alts: StatusAlt[] = [{ status: 'DMA_IN_PROGRESS', residue, rule }];
  if (ch.paused) alts.push({ status: 'DMA_PAUSED', residue, rule });
  const wrongBy: Partial<Record<DmaStatus, RuleId>> = { DMA_COMPLETE: d.cyclic ? 'CYC-4' : STAT4_STATUS_VALUE };
  if (ch.pausedAtTerminate) wrongBy.DMA_PAUSED = 'TERM-11';
  return { alts, wrongBy };
}

/** The status spec of `cookie` on `ch` (the cookie is from this hold: STAT-2 was checked). */
export function statusSpec(s: ModelState, ch: Chan, cookie: Cookie, withState: boolean, isTx: boolean): StatusSpec {
  const ck = ch.ck;
  const seq = seqInHold(ck, cookie) ?? 0;
  // One literal for every outcome (a spread of shared fields is many times slower in V8).
  const spec = (alts: readonly StatusAlt[], wrongRule: RuleId, wrongBy: Partial<Record<DmaStatus, RuleId>>): StatusSpec => ({
    t: 'status', alts, wrongRule, wrongBy, withState: withState || isTx, stateRule: isTx ? 'STAT-10' : 'STAT-5',
    lastLo: ck.lo, lastHi: ck.hi, used: cookieOf(ck, ck.n), cookie,
  });
  const zero: StatusAlt = { status: 'DMA_COMPLETE', residue: one(0), rule: STAT6_RESIDUE };
  if (seq <= ck.lo) {
    const known = ch.descs.some((d) => d.seq === seq && (d.phase === 'completed' || d.phase === 'callback' || d.phase === 'done'));
    return spec([zero], known || seq > ck.abortHi ? STAT9_COMPLETE_BEFORE_CALLBACK : STAT3_ABORTED_PASSED, {});
  }
  if (seq <= ck.abortHi) {
    const alts: StatusAlt[] = [zero, { status: 'DMA_IN_PROGRESS', residue: ANY, rule: STAT6_RESIDUE }];
    if (ch.paused) alts.push({ status: 'DMA_PAUSED', residue: ANY, rule: STAT6_RESIDUE });
    return spec(alts, STAT4_STATUS_VALUE, {});
  }
  const d = ch.descs.find((x) => x.seq === seq && x.phase !== 'reusable' && x.phase !== 'prepared');
  if (d === undefined) return spec([zero, { status: 'DMA_IN_PROGRESS', residue: ANY, rule: STAT6_RESIDUE }], STAT4_STATUS_VALUE, {});
  const { alts, wrongBy } = liveAlts(s, ch, d);
  return spec(alts, STAT4_STATUS_VALUE, wrongBy);
}

const matchResidue = (r: ResidueSpec, v: number): boolean =>
  r.k === 'one_of' ? r.v.includes(v) : Number.isInteger(v) && v >= 0 && v <= r.max;

/** Check a status answer against its spec. */
export function checkStatus(cx: Cx, spec: StatusSpec, ch: Chan, st: TxState): Fail | undefined {
  const has = st.last !== undefined && st.used !== undefined && st.residue !== undefined;
  const fields = spec.stateRule === 'STAT-10'
    ? stat10_lastUsedReported(cx, st.last !== undefined && st.used !== undefined)
    : spec.withState
      ? stat5_stateFields(cx, has, 'tx_state not filled')
      : stat5_stateFields(cx, st.last === undefined && st.used === undefined && st.residue === undefined && st.inFlight === undefined, 'tx_state filled without a state');
  if (fields !== undefined) return fields;
  if (st.used !== undefined) {
    const f = stat5_stateFields(cx, st.used === spec.used, 'used is not the last cookie handed out');
    if (f !== undefined) return f;
  }
  if (st.last !== undefined) {
    const f = stat5_stateFields(cx, lastPossible(ch.ck, st.last) !== undefined, 'last is not a possible completed cookie')
      ?? (st.used !== undefined ? stat1_consistentWithCounters(cx, isComplete(spec.cookie, st.last, st.used), st.status) : undefined);
    if (f !== undefined) return f;
  }
  const alt = spec.alts.find((a) => a.status === st.status);
  if (cx.cov !== undefined) {
    cx.cov.rule(spec.wrongRule);
    for (const k in spec.wrongBy) { const r = spec.wrongBy[k as DmaStatus]; if (r !== undefined) cx.cov.rule(r); }
  }
  if (alt === undefined) {
    const rule = spec.wrongBy[st.status] ?? spec.wrongRule;
    return { kind: 'violation', rule, msg: `${rule}: status ${st.status} not allowed here` };
  }
  cx.cov?.rule(alt.rule);
  if (st.residue !== undefined && !matchResidue(alt.residue, st.residue)) {
    return { kind: 'violation', rule: alt.rule, msg: `${alt.rule}: residue ${st.residue} not allowed here` };
  }
  return st.inFlight === undefined ? undefined
    : data5_inFlight(cx, Number.isInteger(st.inFlight) && st.inFlight >= 0 && (st.status !== 'DMA_COMPLETE' || st.inFlight === 0));
}
