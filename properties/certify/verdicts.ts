/**
 * Per-rule verdicts of a certify run. A rule passes only if it was exercised and no
 * counterexample names it; never-exercised rules are `not_exercised` (or
 * `not_supported` when the implementation lacks the feature), never `pass`. A rule named
 * only by advisory findings is `advisory`, or `fail` under `--strict`; a rule named by a
 * failing finding (a check-trace verdict) fails.
 * @public
 */
import type { CapabilityProfile } from '../../spec/api/index.ts';
import { CATALOGUE, type Rule } from '../../spec/catalogue/index.ts';
import type { Counterexample, Finding, RuleVerdict } from '../../reports/result.ts';
import type { CoverageCounter } from './coverage.ts';

/** The capability a rule needs to be observable at all (also used by the fuzzer's coverage). @public */
export function featureOf(r: Rule): keyof CapabilityProfile | undefined {
  const byGroup: Partial<Record<string, keyof CapabilityProfile>> = { PAUSE: 'pause', CYC: 'cyclic', META: 'metadata', SYNC: 'synchronize', TERM: 'terminate' };
  if (r.id === 'CYC-6' || r.id === 'CYC-7' || r.id === 'CYC-8' || r.id === 'CYC-9') return 'repeat';
  if (['DESC-10', 'DESC-11', 'DESC-12', 'DESC-13', 'DESC-14', 'DESC-16', 'CAPS-5'].includes(r.id)) return 'reuse';
  // Rules outside their feature's group that only that feature can exercise.
  if (r.id === 'CB-10' || r.id === 'CB-11') return 'cyclic';
  if (r.id === 'TERM-11' || r.id === 'CAPS-3') return 'pause';
  if (r.id === 'DATA-7') return 'dmaVec';
  if (r.group === 'CB') return 'callbacks';
  return byGroup[r.group];
}

/** Is the rule checked by the model (not documented-only)? @public */
export function isCheckable(r: Rule): boolean {
  return r.check.kind !== 'documented-only';
}

/** @public */
export function ruleVerdicts(
  profile: CapabilityProfile | null, cov: CoverageCounter, cxs: readonly Counterexample[],
  findings: readonly Finding[] = [], strict = false,
): RuleVerdict[] {
  return CATALOGUE.map((r) => {
    const named = findings.filter((f) => f.rule === r.id);
    const advised = named.some((f) => f.kind === 'advisory');
    const failures = cxs.filter((c) => c.rule === r.id).length + named.filter((f) => f.kind !== 'advisory' || strict).length;
    const exercised = cov.count(r.id);
    const feature = featureOf(r);
    const verdict: RuleVerdict['verdict'] = !isCheckable(r)
      ? 'documented_only'
      : failures > 0
        ? 'fail'
        : advised
          ? 'advisory'
          : exercised > 0
          ? 'pass'
          : feature !== undefined && profile !== null && !profile[feature]
            ? 'not_supported'
            : 'not_exercised';
    return { id: r.id, group: r.group, binds: r.binds, statement: r.statement, verdict, exercised, failures };
  });
}
