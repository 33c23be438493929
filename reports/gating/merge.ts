/**
 * `dmacheck report merge`: combine the results of shards of one run (same command,
 * same implementation) into one. Counts and budgets are summed; per rule the
 * strongest verdict wins (fail > known > pass > not exercised > not supported >
 * documented only); counterexamples are united, keeping one per rule and shape
 * (the shortest); coverage takes each field's maximum (shards cannot be unioned
 * without their visited sets); the run verdict is the worst (error > fail > inconclusive >
 * pass), except that inconclusive shards whose union exercised every checkable rule pass.
 * @public
 */
import { InputError } from '../../io/errors.ts';
import { missingShards } from './shards.ts';
import type { Counterexample, Finding, RuleVerdict, RuleVerdictKind, RunResult } from '../result.ts';

const RULE_RANK: Readonly<Record<RuleVerdictKind, number>> = { fail: 6, known: 5, advisory: 4, pass: 3, not_exercised: 2, not_supported: 1, documented_only: 0 };
const RUN_RANK: Readonly<Record<RunResult['verdict'], number>> = { error: 3, fail: 2, inconclusive: 1, pass: 0 };

/** Rule, kind and the sequence of operations of the trace: two counterexamples with the same key are the same finding. */
export function counterexampleShape(c: Counterexample): string {
  const ops = c.trace.map((e) => (e.k === 'call' ? e.call.op : e.k === 'env' ? e.step.op : e.k === 'ev' ? e.ev.ev : e.k));
  return `${c.rule ?? ''}|${c.kind}|${ops.join(',')}`;
}

const shorter = (a: Counterexample, b: Counterexample) => a.length < b.length || (a.length === b.length && a.trace.length < b.trace.length);

function mergeRule(a: RuleVerdict, b: RuleVerdict): RuleVerdict {
  return {
    ...(RULE_RANK[b.verdict] > RULE_RANK[a.verdict] ? b : a),
    exercised: a.exercised + b.exercised,
    failures: a.failures + b.failures,
  };
}

/** Merge shard results. Throws InputError for an empty list or shards of different runs. */
export function mergeResults(results: readonly RunResult[]): RunResult {
  const first = results[0];
  if (first === undefined) throw new InputError('nothing to merge: no reports given');
  for (const r of results) {
    if (r.command !== first.command) throw new InputError(`cannot merge a ${r.command} report with a ${first.command} report`);
    if (r.implementation.name !== first.implementation.name) throw new InputError('cannot merge reports of different implementations');
  }
  const rules = new Map<string, RuleVerdict>();
  const shapes = new Map<string, Counterexample>();
  const dropped = new Map<string, number>();
  for (const r of results) {
    for (const v of r.rules) rules.set(v.id, rules.has(v.id) ? mergeRule(rules.get(v.id)!, v) : v);
    for (const c of r.counterexamples) {
      const key = counterexampleShape(c);
      const seen = shapes.get(key);
      if (seen !== undefined && c.rule !== null) dropped.set(c.rule, (dropped.get(c.rule) ?? 0) + 1);
      if (seen === undefined || shorter(c, seen)) shapes.set(key, c);
    }
  }
  const counterexamples = [...shapes.values()];
  const mergedRules = [...rules.values()].map((v) => {
    const named = counterexamples.filter((c) => c.rule === v.id).length;
    return { ...v, failures: Math.max(named, v.failures - (dropped.get(v.id) ?? 0)) };
  });
  const sum = (f: (r: RunResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const max = (f: (r: RunResult) => number) => Math.max(...results.map(f));
  const anyBudget = (k: 'runs' | 'timeMs') => results.some((r) => r.budget[k] !== undefined);
  const known = [...new Set(results.flatMap((r) => r.known ?? []))];
  const findings = mergeFindings(results.flatMap((r) => r.findings ?? []));
  const implError = results.find((r) => r.implError)?.implError;
  const { shard: _oneShard, ...common } = first;
  return {
    ...common,
    seeds: [...new Set(results.flatMap((r) => r.seeds ?? [r.seed]))],
    budget: {
      ...(anyBudget('runs') ? { runs: sum((r) => r.budget.runs ?? 0) } : {}),
      ...(anyBudget('timeMs') ? { timeMs: sum((r) => r.budget.timeMs ?? 0) } : {}),
    },
    startedAt: results.map((r) => r.startedAt).sort()[0]!,
    finishedAt: results.map((r) => r.finishedAt).sort().at(-1)!,
    durationMs: max((r) => r.durationMs),
    // A campaign some of whose shards are missing is a partial result.
    partial: results.some((r) => r.partial) || missingShards(results).length > 0,
    verdict: mergedVerdict(results, mergedRules),
    rules: mergedRules,
    counterexamples,
    coverage: {
      rulesExercised: max((r) => r.coverage.rulesExercised),
      rulesCheckable: max((r) => r.coverage.rulesCheckable),
      pairsVisited: max((r) => r.coverage.pairsVisited),
      pairsReachable: max((r) => r.coverage.pairsReachable),
    },
    stats: {
      sequences: sum((r) => r.stats.sequences),
      commands: sum((r) => r.stats.commands),
      commandsPerSecond: sum((r) => r.stats.commandsPerSecond),
    },
    ...(implError ? { implError } : {}),
    ...(known.length > 0 ? { known } : {}),
    ...(findings.length > 0 ? { findings } : {}),
  };
}

/** The worst verdict; shards inconclusive on their own pass together when every rule one left unexercised another exercised. */
function mergedVerdict(results: readonly RunResult[], rules: readonly RuleVerdict[]): RunResult['verdict'] {
  const worst = results.reduce<RunResult['verdict']>((w, r) => (RUN_RANK[r.verdict] > RUN_RANK[w] ? r.verdict : w), 'pass');
  return worst === 'inconclusive' && !rules.some((v) => v.verdict === 'not_exercised') ? 'pass' : worst;
}

/** The same finding (kind, rule, line, channel, message) of several shards once, its counts added. */
function mergeFindings(all: readonly Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of all) {
    const key = JSON.stringify([f.kind, f.rule, f.line, f.chan, f.msg]);
    const seen = byKey.get(key);
    byKey.set(key, seen === undefined ? f : { ...seen, count: (seen.count ?? 1) + (f.count ?? 1) });
  }
  return [...byKey.values()];
}
