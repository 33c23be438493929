/**
 * `--baseline report.json`: a run fails only on new violations. A rule that fails
 * now and already failed (or was known) in the baseline gets verdict `known` and is
 * listed in `known`; its counterexamples stay in the report for reading. The run
 * verdict becomes `pass` when no rule fails any more and nothing outside the rules
 * (implementation error, model bug, a counterexample without a rule) remains.
 * @public
 */
import type { RunResult } from '../result.ts';
import { orphanCounterexamples } from '../text/summary.ts';

/** `result` judged against `baseline`. Pure; `result` is not changed. */
export function applyBaseline(result: RunResult, baseline: RunResult): RunResult {
  const before = new Set([
    ...baseline.rules.filter((r) => r.verdict === 'fail' || r.verdict === 'known').map((r) => r.id),
    ...(baseline.known ?? []),
  ]);
  const rules = result.rules.map((r) => (r.verdict === 'fail' && before.has(r.id) ? { ...r, verdict: 'known' as const } : r));
  const known = [...new Set([...(result.known ?? []), ...rules.filter((r) => r.verdict === 'known').map((r) => r.id)])];
  const stillFailing = rules.some((r) => r.verdict === 'fail') || orphanCounterexamples(result).length > 0;
  // A run that failed only on known violations passes; an inconclusive one stays so.
  const verdict = result.verdict === 'error' ? 'error' : stillFailing ? 'fail' : result.verdict === 'fail' ? 'pass' : result.verdict;
  return { ...result, rules, verdict, ...(known.length > 0 ? { known } : {}) };
}
