/**
 * `dmacheck certify`: runs the lockstep property against an implementation — mixed
 * generation, then weighted towards each rule group, then client misuse — within a run
 * or time budget, and builds the {@link RunResult}.
 * @public
 */
import type { Implementation, Model } from '../../spec/api/index.ts';
import { CATALOGUE } from '../../spec/catalogue/index.ts';
import { type Counterexample, REPORT_SCHEMA_VERSION, type RunResult } from '../../reports/result.ts';
import { checkLockstep } from '../check.ts';
import type { Mode } from '../lockstep/step.ts';
import { CoverageCounter } from './coverage.ts';
import { isCheckable, ruleVerdicts } from './verdicts.ts';

/** Rule groups with a focused phase. @public */
export const FOCUS_GROUPS = ['CH', 'DESC', 'CK', 'STAT', 'CB', 'TERM', 'SYNC', 'PAUSE', 'CYC', 'META', 'DATA'] as const;

/** @public */
export interface CertifyOptions {
  readonly model: Model<unknown>;
  readonly impl: Implementation;
  readonly seed: number;
  /** Total sequences (default 3000). */
  readonly runs?: number | undefined;
  readonly timeMs?: number | undefined;
  readonly version: string;
  /** Called after each phase (for progress output). */
  readonly onPhase?: ((name: string, done: number, total: number) => void) | undefined;
}

interface Phase { readonly name: string; readonly mode: Mode; readonly focus?: string; readonly share: number }

function phases(): Phase[] {
  const groups = FOCUS_GROUPS.map((g) => ({ name: `focus ${g}`, mode: 'legal' as const, focus: g, share: 0.4 / FOCUS_GROUPS.length }));
  return [{ name: 'mixed', mode: 'legal', share: 0.45 }, ...groups, { name: 'misuse', mode: 'misuse', share: 0.15 }];
}

/** Run the whole suite; never throws for implementation failures (they become counterexamples). @public */
export function certify(o: CertifyOptions): { readonly result: RunResult; readonly modes: readonly Mode[] } {
  const started = Date.now();
  const cov = new CoverageCounter();
  const cxs: Counterexample[] = [];
  const modes: Mode[] = [];
  const runs = o.runs ?? 3000;
  let sequences = 0;
  let commands = 0;
  let interrupted = false;
  const ps = phases();
  ps.forEach((p, i) => {
    const timeMs = o.timeMs !== undefined ? Math.max(1, o.timeMs * p.share) : undefined;
    const out = checkLockstep({
      model: o.model, impl: o.impl, mode: p.mode, focus: p.focus, cov,
      numRuns: o.timeMs !== undefined && o.runs === undefined ? 1_000_000 : Math.max(1, Math.round(runs * p.share)),
      seed: (o.seed + i * 7919) | 0, timeMs,
    });
    sequences += out.sequences;
    commands += out.commands;
    interrupted ||= out.interrupted && o.runs !== undefined;
    // One counterexample per rule (the first phase that found it).
    if (out.counterexample && !cxs.some((c) => c.rule === out.counterexample!.rule && c.kind === out.counterexample!.kind)) {
      cxs.push(out.counterexample);
      modes.push(p.mode);
    }
    o.onPhase?.(p.name, i + 1, ps.length);
  });
  const finished = Date.now();
  const rules = ruleVerdicts(o.impl.profile, cov, cxs);
  const checkable = CATALOGUE.filter((r) => isCheckable(r) && rules.find((v) => v.id === r.id)?.verdict !== 'not_supported');
  const durationMs = finished - started;
  const result: RunResult = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'dmacheck', version: o.version },
    command: 'certify',
    implementation: { name: o.impl.name, profile: o.impl.profile },
    seed: o.seed,
    budget: { ...(o.runs !== undefined || o.timeMs === undefined ? { runs } : {}), ...(o.timeMs !== undefined ? { timeMs: o.timeMs } : {}) },
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    durationMs,
    partial: interrupted,
    verdict: cxs.length > 0 ? 'fail' : 'pass',
    rules,
    counterexamples: cxs,
    coverage: {
      rulesExercised: checkable.filter((r) => cov.count(r.id) > 0).length,
      rulesCheckable: checkable.length,
      pairsVisited: cov.pairs.size,
      pairsReachable: cov.pairs.size,
    },
    stats: { sequences, commands, commandsPerSecond: Math.round(commands / Math.max(0.001, durationMs / 1000)) },
  };
  return { result, modes };
}
