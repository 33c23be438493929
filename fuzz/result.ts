/**
 * The {@link RunResult} of a fuzz campaign (command `fuzz`), rendered by the shared
 * report writers and combined across shards by `dmacheck report merge`.
 * @public
 */
import { CoverageCounter } from '../properties/certify/coverage.ts';
import { ruleVerdicts } from '../properties/certify/verdicts.ts';
import { type Counterexample, type Finding, REPORT_SCHEMA_VERSION, type RunResult } from '../reports/index.ts';
import type { Implementation, RuleId } from '../spec/api/index.ts';
import type { AdapterFailure } from './campaign.ts';
import { type CoverageMap, figures } from './coverage.ts';

/** @public */
export interface FuzzTotals {
  readonly sequences: number;
  readonly commands: number;
  /** Time the throughput is over: the longest worker's running time (start-up and corpus replay excluded). */
  readonly busyMs: number;
}

/** @public */
export interface ResultInput {
  readonly impl: Pick<Implementation, 'name' | 'profile'>;
  readonly version: string;
  readonly seed: number;
  readonly budget: { readonly runs?: number; readonly timeMs?: number };
  readonly startedMs: number;
  readonly finishedMs: number;
  readonly partial: boolean;
  readonly cov: CoverageMap;
  readonly exercisable: ReadonlySet<RuleId>;
  readonly counterexamples: readonly Counterexample[];
  readonly totals: FuzzTotals;
  /** The adapter gave up: verdict `error`. */
  readonly implError?: AdapterFailure | undefined;
  /** `--strict`: the advisories the runs produced fail the campaign. */
  readonly strict?: boolean | undefined;
  /** `--shard i/n`: recorded so that `report merge` can check the set of shards. */
  readonly shard?: { readonly index: number; readonly total: number } | undefined;
}

/** @public */
export function fuzzResult(i: ResultInput): RunResult {
  const counter = new CoverageCounter();
  for (const [id, n] of i.cov.rules) counter.rules.set(id, n);
  for (const k of i.cov.pairs.keys()) counter.pairs.add(k);
  const f = figures(i.cov, i.exercisable);
  const durationMs = i.finishedMs - i.startedMs;
  const strict = i.strict === true;
  const findings: Finding[] = [...i.cov.advisories].sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, count]) => ({ kind: 'advisory', rule, msg: `${rule}: advisory client rule broken by generated runs`, count }));
  const failed = i.counterexamples.length > 0 || (strict && findings.length > 0);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'dmacheck', version: i.version },
    command: 'fuzz',
    implementation: { name: i.impl.name, profile: i.impl.profile },
    seed: i.seed,
    budget: i.budget,
    startedAt: new Date(i.startedMs).toISOString(),
    finishedAt: new Date(i.finishedMs).toISOString(),
    durationMs,
    partial: i.partial,
    verdict: i.implError ? 'error' : failed ? 'fail' : 'pass',
    rules: ruleVerdicts(i.impl.profile, counter, i.counterexamples, findings, strict),
    counterexamples: i.counterexamples,
    ...(findings.length > 0 ? { findings } : {}),
    ...(strict ? { strict } : {}),
    coverage: { rulesExercised: f.rulesExercised, rulesCheckable: f.rulesExercisable, pairsVisited: f.pairsVisited, pairsReachable: f.pairsReachable },
    ...(i.implError ? { implError: i.implError } : {}),
    ...(i.shard ? { shard: { index: i.shard.index, total: i.shard.total } } : {}),
    stats: { sequences: i.totals.sequences, commands: i.totals.commands, commandsPerSecond: Math.round(i.totals.commands / Math.max(0.001, (i.totals.busyMs || durationMs) / 1000)) },
  };
}
