/**
 * Campaign coverage: how often each rule clause was evaluated and each abstract
 * (state, op) pair of the model was visited, fed by the model's {@link CoverageSink}.
 *
 * "Reachable" pairs cannot be enumerated from the model (its state keys are opaque
 * strings), so the denominator is measured, not assumed: the Chao1 species-richness
 * estimate over the visit counts (as in STADS, Böhme 2018), S_obs + f1²/(2·f2), where f1
 * and f2 are the pairs seen exactly once and twice. It reaches S_obs (100 %) exactly
 * when no pair is a singleton any more, i.e. when the campaign has saturated.
 * Rules: the denominator is the rules the model checks (not documented-only) whose
 * feature the implementation's profile declares.
 * @public
 */
import type { CapabilityProfile, CoverageSink, RuleId, Verdict } from '../spec/api/index.ts';
import { CATALOGUE } from '../spec/catalogue/index.ts';
import { featureOf, isCheckable } from '../properties/certify/verdicts.ts';

/** Serialisable counts (for worker messages and merging). @public */
export interface CoverageSnapshot {
  readonly pairs: readonly (readonly [string, number])[];
  readonly rules: readonly (readonly [string, number])[];
  /** Advisory client rules the runs broke, and how often (issue 15; not a failure unless --strict). */
  readonly advisories: readonly (readonly [string, number])[];
}

/** A count that the hot path increments in place (one map lookup per visit, no re-set). */
interface Cell { n: number }

/** Map view of `cells`, rebuilt only when `stamp` moved since the last one. */
class Counts<K> {
  readonly cells = new Map<K, Cell>();
  stamp = 0;
  private view: Map<K, number> | undefined;
  private viewStamp = -1;

  /** The cell of `k`, made (at 0) if missing. */
  cell(k: K): Cell {
    let c = this.cells.get(k);
    if (c === undefined) this.cells.set(k, c = { n: 0 });
    return c;
  }

  add(k: K, n: number): void {
    this.cell(k).n += n;
    this.stamp++;
  }

  map(): ReadonlyMap<K, number> {
    if (this.view === undefined || this.viewStamp !== this.stamp) {
      this.view = new Map<K, number>();
      for (const [k, c] of this.cells) if (c.n > 0) this.view.set(k, c.n);
      this.viewStamp = this.stamp;
    }
    return this.view;
  }
}

/**
 * A CoverageSink with counts; `onNew` fires the first time a pair or rule is seen. The
 * model calls `rule` and `pair` several times per trace entry, so each is one map lookup
 * and an increment; `pairs` and `rules` are maps made when read (guidance, figures).
 * @public
 */
export class CoverageMap implements CoverageSink {
  private readonly pairCounts = new Counts<string>();
  private readonly ruleCounts = new Counts<RuleId>();
  private readonly advisoryCounts = new Counts<RuleId>();
  /** Pair cells by state then op (pair runs on every trace entry: no key string per visit). */
  private readonly byState = new Map<string, Map<string, Cell>>();
  onNew: (() => void) | undefined;

  /** Visits per `state|op` pair. */
  get pairs(): ReadonlyMap<string, number> {
    return this.pairCounts.map();
  }

  /** Evaluations per rule. */
  get rules(): ReadonlyMap<RuleId, number> {
    return this.ruleCounts.map();
  }

  /** Advisory client rules the runs broke, and how often. */
  get advisories(): ReadonlyMap<RuleId, number> {
    return this.advisoryCounts.map();
  }

  /** Count an advisory verdict of a run (not coverage: it never steers the guidance). */
  readonly advisory = (v: Verdict): void => {
    if (v.kind === 'advisory') this.advisoryCounts.add(v.rule, 1);
  };

  rule(id: RuleId): void {
    const rc = this.ruleCounts;
    let c = rc.cells.get(id);
    if (c === undefined) rc.cells.set(id, c = { n: 0 });
    if (c.n++ === 0) this.onNew?.();
    rc.stamp++;
  }

  pair(state: string, op: string): void {
    let byOp = this.byState.get(state);
    if (byOp === undefined) this.byState.set(state, byOp = new Map());
    let c = byOp.get(op);
    if (c === undefined) byOp.set(op, c = this.pairCounts.cell(`${state}|${op}`));
    if (c.n++ === 0) this.onNew?.();
    this.pairCounts.stamp++;
  }

  snapshot(): CoverageSnapshot {
    return { pairs: [...this.pairs], rules: [...this.rules], advisories: [...this.advisories] };
  }

  /** Add the counts of `s` to this map. */
  add(s: CoverageSnapshot): void {
    for (const [k, n] of s.pairs) this.pairCounts.add(k, n);
    for (const [k, n] of s.rules) this.ruleCounts.add(k, n);
    for (const [k, n] of s.advisories) this.advisoryCounts.add(k, n);
  }
}

/** Chao1 estimate of the number of distinct pairs reachable, from visit counts. @public */
export function chao1(counts: Iterable<number>): number {
  let s = 0;
  let f1 = 0;
  let f2 = 0;
  for (const n of counts) {
    s++;
    if (n === 1) f1++;
    else if (n === 2) f2++;
  }
  return s + (f2 > 0 ? (f1 * f1) / (2 * f2) : (f1 * (f1 - 1)) / 2);
}

/** The rules a campaign against `profile` can exercise (checked by the model, feature declared). @public */
export function exercisableRules(profile: CapabilityProfile): ReadonlySet<RuleId> {
  return new Set(CATALOGUE.filter((r) => {
    const f = featureOf(r);
    return isCheckable(r) && (f === undefined || profile[f]);
  }).map((r) => r.id));
}

/** Coverage figures as printed and reported. @public */
export interface CoverageFigures {
  readonly pairsVisited: number;
  /** Chao1 estimate, ≥ pairsVisited. */
  readonly pairsReachable: number;
  readonly rulesExercised: number;
  readonly rulesExercisable: number;
}

/** Figures of `cov` against the exercisable rule set. @public */
export function figures(cov: CoverageMap, exercisable: ReadonlySet<RuleId>): CoverageFigures {
  let rulesExercised = 0;
  for (const id of exercisable) if ((cov.rules.get(id) ?? 0) > 0) rulesExercised++;
  return {
    pairsVisited: cov.pairs.size,
    pairsReachable: Math.max(cov.pairs.size, Math.ceil(chao1(cov.pairs.values()))),
    rulesExercised,
    rulesExercisable: exercisable.size,
  };
}

/** `pairs 412/415 (99.3%), rules 101/118 (85.6%)`. @public */
export function figuresText(f: CoverageFigures): string {
  const pct = (a: number, b: number) => (b === 0 ? '0.0' : ((100 * a) / b).toFixed(1));
  return `pairs ${f.pairsVisited}/~${f.pairsReachable} (${pct(f.pairsVisited, f.pairsReachable)}%), rules ${f.rulesExercised}/${f.rulesExercisable} (${pct(f.rulesExercised, f.rulesExercisable)}%)`;
}
