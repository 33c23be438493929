/** A {@link CoverageSink} that counts rule evaluations and distinct (state, op) pairs. @public */
import type { CoverageSink, RuleId } from '../../spec/api/index.ts';

/** @public */
export class CoverageCounter implements CoverageSink {
  readonly rules = new Map<RuleId, number>();
  readonly pairs = new Set<string>();
  rule(id: RuleId): void {
    this.rules.set(id, (this.rules.get(id) ?? 0) + 1);
  }
  pair(state: string, op: string): void {
    this.pairs.add(`${state}|${op}`);
  }
  /** Times rule `id` was evaluated. */
  count(id: RuleId): number {
    return this.rules.get(id) ?? 0;
  }
}
