/**
 * `dmacheck certify`: runs the lockstep property against an implementation — mixed
 * generation, then weighted towards each rule group, then client misuse — within a run
 * or time budget, and builds the {@link RunResult}.
 * @public
 */
import type { ImplError } from '../../adapters/errors.ts';
import type { Implementation, Model } from '../../spec/api/index.ts';
import { CATALOGUE } from '../../spec/catalogue/index.ts';
import { type Counterexample, REPORT_SCHEMA_VERSION, type RunResult } from '../../reports/result.ts';
import { checkLockstepAsync } from '../check.ts';
import type { Mode } from '../lockstep/step.ts';
import { AdvisoryTally } from './advisories.ts';
import { CoverageCounter } from './coverage.ts';
import { isCheckable, ruleVerdicts } from './verdicts.ts';

/**
 * Longest generated sequence of certify (commands after the probe). 100, not the lockstep's
 * default 60: a bug that leaves stale state behind (a synchronize that neither runs nor
 * kills a scheduled tasklet) shows only when later work on the channel completes, which
 * needs room after the race; measured on that bug in the example engine over seeds 1..20,
 * 60 found it at 5 seeds, 100 at all 20 (issue 13, item 9).
 * @public
 */
export const CERTIFY_MAX_COMMANDS = 100;

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
  /** Called before each phase starts. */
  readonly onPhaseStart?: ((p: Phase) => void) | undefined;
  /** Called when a run reached quiescence (a trace recorder's `finish`). */
  readonly quiescent?: (() => void) | undefined;
  /**
   * Called right after the phase that found a new counterexample, whose last executed run
   * is that counterexample's (shrunk) run: `--record` stops recording here.
   */
  readonly onCounterexample?: ((cx: Counterexample) => void) | undefined;
  /** `--strict`: advisory client rules the generated runs broke fail the result. */
  readonly strict?: boolean | undefined;
  /** `--allow-unexercised`: a run that left checkable rules unexercised may still pass (else it is inconclusive). */
  readonly allowUnexercised?: boolean | undefined;
  /** Polled before every sequence: true ends the run there (Ctrl-C), with a partial result. */
  readonly stop?: (() => boolean) | undefined;
}

/** One phase of the certification plan. @public */
export interface Phase {
  readonly name: string;
  readonly mode: Mode;
  readonly focus?: string;
  /** Share of the run (and time) budget. */
  readonly share: number;
}

/**
 * The certification plan: mixed legal generation, one phase weighted towards each rule
 * group, then client misuse. Phase `i` runs with seed `(seed + i * 7919) | 0`.
 * @public
 */
export function phases(): Phase[] {
  const groups = FOCUS_GROUPS.map((g) => ({ name: `focus ${g}`, mode: 'legal' as const, focus: g, share: 0.4 / FOCUS_GROUPS.length }));
  return [{ name: 'mixed', mode: 'legal', share: 0.45 }, ...groups, { name: 'misuse', mode: 'misuse', share: 0.15 }];
}

/**
 * Split `runs` sequences over the phases by their shares so that they add up to exactly
 * `runs` (largest remainder; ties go to the earlier phase). A phase may get 0.
 * @public
 */
export function phaseRuns(runs: number, ps: readonly Phase[] = phases()): number[] {
  const exact = ps.map((p) => runs * p.share);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = runs - counts.reduce((s, n) => s + n, 0);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]!++;
    left--;
  }
  return counts;
}

/** @public */
export interface CertifyOutcome {
  readonly result: RunResult;
  /** The generation mode of each counterexample (same order). */
  readonly modes: readonly Mode[];
  /** Set when the adapter gave up (hang, crash, protocol breach): the last counterexample is that run, unshrunk. */
  readonly adapterError?: ImplError;
  /** `stop()` ended the run early (the result is partial). */
  readonly stopped: boolean;
}

/** The fast-check seed of phase `i`. @public */
export function phaseSeed(seed: number, i: number): number {
  return (seed + i * 7919) | 0;
}

/**
 * Run the whole suite; never throws for implementation failures (they become
 * counterexamples). Asynchronous only so that a SIGINT handler runs between sequences
 * (`stop`); the runs themselves are the synchronous lockstep ones.
 * @public
 */
export async function certify(o: CertifyOptions): Promise<CertifyOutcome> {
  const started = Date.now();
  const cov = new CoverageCounter();
  const advisories = new AdvisoryTally();
  const cxs: Counterexample[] = [];
  const modes: Mode[] = [];
  const runs = o.runs ?? 3000;
  let sequences = 0;
  let commands = 0;
  let interrupted = false;
  let implError: RunResult['implError'];
  let adapterError: ImplError | undefined;
  let stopped = false;
  const stop = o.stop ?? (() => false);
  const ps = phases();
  const byRuns = phaseRuns(runs, ps);
  const timeOnly = o.timeMs !== undefined && o.runs === undefined;
  for (const [i, p] of ps.entries()) {
    // `--runs N` is exactly N generated sequences: a phase whose share rounds to 0 is skipped.
    if (!timeOnly && byRuns[i] === 0) continue;
    o.onPhaseStart?.(p);
    const timeMs = o.timeMs !== undefined ? Math.max(1, o.timeMs * p.share) : undefined;
    if (stop()) { stopped = true; break; }
    const out = await checkLockstepAsync({
      model: o.model, impl: o.impl, mode: p.mode, focus: p.focus, cov, stop, maxCommands: CERTIFY_MAX_COMMANDS,
      numRuns: timeOnly ? 1_000_000 : byRuns[i]!,
      seed: phaseSeed(o.seed, i), timeMs, quiescent: o.quiescent, onAdvisory: advisories.record,
    });
    sequences += out.sequences;
    commands += out.commands;
    if (out.stopped) { stopped = true; break; }
    interrupted ||= out.interrupted && o.runs !== undefined;
    // One counterexample per rule (the first phase that found it).
    const cx = out.counterexample;
    if (cx && !cxs.some((c) => c.rule === cx.rule && c.kind === cx.kind)) {
      cxs.push(cx);
      modes.push(p.mode);
      o.onCounterexample?.(cx);
    }
    // The adapter's error wins: the process may fail after the model already rejected an entry.
    const e = out.adapterError;
    if (e) implError ??= { what: e.kind, msg: out.verdict?.kind === 'impl_error' ? out.verdict.msg : e.detail, stderrTail: e.stderrTail };
    else if (out.verdict?.kind === 'impl_error') implError ??= { what: out.verdict.what, msg: out.verdict.msg, stderrTail: [] };
    o.onPhase?.(p.name, i + 1, ps.length);
    // The implementation process is gone or unusable: stop here with what we have.
    if (out.adapterError) { interrupted = true; adapterError = out.adapterError; break; }
  }
  const finished = Date.now();
  const strict = o.strict === true;
  const findings = advisories.findings();
  const rules = ruleVerdicts(o.impl.profile, cov, cxs, findings, strict);
  const failed = cxs.length > 0 || (strict && findings.length > 0);
  const checkable = CATALOGUE.filter((r) => isCheckable(r) && rules.find((v) => v.id === r.id)?.verdict !== 'not_supported');
  const exercised = checkable.filter((r) => cov.count(r.id) > 0).length;
  // Not every checkable rule was exercised: nothing failed, but that is not conformance (issue 13, item 14).
  const inconclusive = exercised < checkable.length && o.allowUnexercised !== true;
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
    partial: interrupted || stopped,
    verdict: implError ? 'error' : failed ? 'fail' : inconclusive ? 'inconclusive' : 'pass',
    rules,
    counterexamples: cxs,
    ...(findings.length > 0 ? { findings } : {}),
    ...(strict ? { strict } : {}),
    coverage: {
      rulesExercised: exercised,
      rulesCheckable: checkable.length,
      pairsVisited: cov.pairs.size,
      pairsReachable: cov.pairs.size,
    },
    stats: { sequences, commands, commandsPerSecond: Math.round(commands / Math.max(0.001, durationMs / 1000)) },
    ...(implError ? { implError } : {}),
  };
  return adapterError ? { result, modes, adapterError, stopped } : { result, modes, stopped };
}
