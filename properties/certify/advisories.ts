/**
 * Tally of the advisory verdicts a campaign's runs produced (issue 15): generated clients
 * may use advisory-level behaviour (e.g. the deprecated terminate_all, TERM-6); it never
 * fails a run, but the report lists each advisory rule once with how often it was seen,
 * and `--strict` turns them into failures.
 * @public
 */
import type { Finding } from '../../reports/result.ts';
import type { RuleId, Verdict } from '../../spec/api/index.ts';

/** @public */
export class AdvisoryTally {
  private readonly seen = new Map<RuleId, { msg: string; count: number }>();

  /** Count one advisory verdict (other kinds are ignored). */
  readonly record = (v: Verdict): void => {
    if (v.kind !== 'advisory') return;
    const s = this.seen.get(v.rule);
    if (s === undefined) this.seen.set(v.rule, { msg: v.msg, count: 1 });
    else s.count++;
  };

  /** One finding per advisory rule, with the first message seen and the count, by rule id. */
  findings(): Finding[] {
    return [...this.seen].sort(([a], [b]) => a.localeCompare(b)).map(([rule, s]) => ({ kind: 'advisory', rule, msg: s.msg, count: s.count }));
  }
}
