/**
 * End-of-run obligations at a quiescent point (the harness ran every pending
 * interrupt and tasklet). Engine obligations are reported before client ones.
 * Raises Violation(DESC-8, CYC-3, CYC-7, ISS-3, TERM-11), Undefined(DESC-4, DESC-14), ModelBug.
 * @internal
 */
import type { CoverageSink, StepResult } from '../api/index.ts';
import { cyc3_periodCallbackNotLost, cyc7_loadEotAtEnd } from '../rules/cyclic.ts';
import { desc14_reuseReleased, desc4_preparedSubmitted, desc8_callbackOwed } from '../rules/desc.ts';
import { iss3_order } from '../rules/issue.ts';
import type { Advice, Cx, Fail } from '../rules/require.ts';
import { stalled } from './env.ts';
import { eotBehind, eotDeadline, owesCallback } from './events-hw.ts';
import type { Chan, ModelState } from './state.ts';
import { toResult } from './step.ts';
import { descIn } from './store.ts';

function engineOwes(cx: Cx, ch: Chan): Fail | undefined {
  const completed = ch.descs.filter((d) => d.phase === 'completed');
  return desc8_callbackOwed(cx, completed.some(owesCallback))
    ?? iss3_order(cx, completed.length === 0, 'completed descriptor never released')
    ?? cyc3_periodCallbackNotLost(cx, ch.descs.some((d) => d.cyclic && d.phase === 'active' && d.periodCbPending && owesCallback(d)))
    ?? stalled(cx, ch)
    ?? eotTakenOver(cx, ch);
}

/** CYC-7: a repeated transfer whose repetition ended with LOAD_EOT work issued directly behind it was replaced. */
function eotTakenOver(cx: Cx, ch: Chan): Fail | undefined {
  const a = ch.active === undefined ? undefined : descIn(ch, ch.active);
  if (a === undefined || !a.repeat || ch.paused || !eotBehind(ch)) return undefined;
  return cyc7_loadEotAtEnd(cx, a.moved < eotDeadline(a.len, a.eotSince), 'repetition ended but the issued LOAD_EOT transfer never took over');
}

function clientOwes(cx: Cx, ch: Chan): Fail | undefined {
  return desc4_preparedSubmitted(cx, ch.descs.some((d) => d.phase === 'prepared' && !d.reuse))
    ?? desc14_reuseReleased(cx, ch.descs.some((d) => d.reuse && (d.phase === 'reusable' || d.phase === 'prepared')));
}

/** End-of-run obligations; the first unmet one as a verdict. @public */
export function end(s: ModelState, index: number, cov?: CoverageSink): StepResult<ModelState> {
  if (s.stack.length > 0) return { state: s, verdict: { kind: 'model_bug', step: index, msg: 'trace ended inside a call, step or callback' } };
  // End obligations of advisory severity would be reported here, as a step's are.
  const advice: Advice[] = [];
  const cx: Cx = { cov, advice };
  const live = s.chans.filter((ch) => !ch.poisoned && ch.held);
  for (const ch of live) {
    const f = engineOwes(cx, ch);
    if (f !== undefined) return toResult({ s, fail: f, chan: ch.id }, index, advice);
  }
  for (const ch of live) {
    const f = clientOwes(cx, ch);
    if (f !== undefined) return toResult({ s, fail: f, chan: ch.id }, index, advice);
  }
  return toResult({ s }, index, advice);
}
