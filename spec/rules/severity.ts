/**
 * The client rules of severity `advisory`: breaking one is not portable or not best
 * practice, but the kernel defines what happens (docs/SEVERITY.md gives each reason).
 * The model reports them and goes on as if the call were fine; every other client rule
 * is `undefined` behaviour. spec/consistency.test.ts keeps this set equal to the
 * catalogue's `severity: 'advisory'` rules.
 * @public
 */
import type { RuleId } from '../api/index.ts';

/** Advisory client rules (catalogue `severity: 'advisory'`). @public */
export const ADVISORY_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'CFG-1', 'CFG-4', 'CAPS-3', 'CAPS-4', 'DESC-2', 'DESC-8', 'DESC-9', 'STAT-3', 'STAT-7', 'STAT-8',
  'CB-3', 'CB-5', 'CB-11', 'TERM-4', 'TERM-6', 'TERM-10', 'PAUSE-6', 'CYC-3', 'CYC-8', 'META-1',
]);

/** Whether a broken client rule is advice rather than undefined behaviour. @public */
export const isAdvisory = (rule: RuleId): boolean => ADVISORY_RULES.has(rule);
