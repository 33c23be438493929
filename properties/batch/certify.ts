/**
 * `dmacheck certify` over the batch extension (batch/1): legal client programs
 * (programs.ts) are sent whole to the implementation, each returned trace is judged like
 * a recorded one (kernel/certify/judge.ts: trace/parse.ts + trace/check.ts, rule coverage
 * counted), and each distinct failure is shrunk by re-sending smaller candidate programs
 * (kernel/certify/shrink.ts, as `kernel certify` shrinks in the guest). The result is the
 * same {@link RunResult} as the per-call certify. Rules the programs never reach (their
 * coverage is what the model evaluated on the returned traces) are "not exercised",
 * never "pass"; with any of them the verdict is inconclusive unless --allow-unexercised.
 * @public
 */
import { ImplError, isImplError } from '../../adapters/errors.ts';
import { kernelCounterexample } from '../../kernel/certify/counterexample.ts';
import { decisive, type Judged, judgeRun, verdictKey } from '../../kernel/certify/judge.ts';
import type { ProgramRun } from '../../kernel/certify/runner.ts';
import { shrinkInGuest } from '../../kernel/certify/shrink.ts';
import { type Counterexample, REPORT_SCHEMA_VERSION, type RunResult } from '../../reports/result.ts';
import type { ClientProgram, Model } from '../../spec/api/index.ts';
import { CATALOGUE } from '../../spec/catalogue/index.ts';
import { AdvisoryTally } from '../certify/advisories.ts';
import { CoverageCounter } from '../certify/coverage.ts';
import { programSize } from '../../kernel/certify/candidates.ts';
import { isCheckable, ruleVerdicts } from '../certify/verdicts.ts';
import { type BatchCase, batchCases } from './programs.ts';
import { type ProgramTarget, runCase } from './target.ts';

/** Default budget in programs (a program makes about as many calls as a few lockstep sequences). @public */
export const BATCH_DEFAULT_RUNS = 1000;
/** Programs drawn at a time under a time budget. */
const CHUNK = 50;

/** @public */
export interface BatchCertifyOptions {
  readonly model: Model<unknown>;
  readonly target: ProgramTarget;
  readonly seed: number;
  /** Programs to run (default {@link BATCH_DEFAULT_RUNS}; with only `timeMs`, as many as fit). */
  readonly runs?: number | undefined;
  readonly timeMs?: number | undefined;
  readonly version: string;
  readonly strict?: boolean | undefined;
  readonly allowUnexercised?: boolean | undefined;
  /** Shrinking rounds per counterexample (default 8) and candidates per round (default 500). */
  readonly shrinkRounds?: number;
  readonly maxCandidates?: number;
  /** Polled before every program: true ends the run there (Ctrl-C), with a partial result. */
  readonly stop?: (() => boolean) | undefined;
  readonly progress?: ((line: string) => void) | undefined;
}

/** A counterexample's programs and trace (same order as `result.counterexamples`). @public */
export interface BatchFailureCase {
  readonly program: ClientProgram;
  readonly original: ClientProgram;
  readonly config: BatchCase['config'];
  readonly trace: string;
}

/** @public */
export interface BatchCertifyOutcome {
  readonly result: RunResult;
  readonly cases: readonly BatchFailureCase[];
  /** The implementation failed (hang, crash, protocol breach, rejected program): the run stopped there. */
  readonly adapterError?: ImplError;
  readonly stopped: boolean;
  /** The trace text of the last program run (what `--record` keeps when nothing failed). */
  readonly lastTrace?: string;
}

interface Seen { readonly c: BatchCase; readonly judged: Judged }

/** Lets a pending SIGINT handler run (it sets what `stop` polls): the runs themselves are synchronous. */
const yieldToSignals = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs programs until the budget is spent; an ImplError stops it (kept with what was judged). */
async function collect(o: BatchCertifyOptions, cov: CoverageCounter, advisories: AdvisoryTally) {
  const judged: Seen[] = [];
  const started = Date.now();
  const total = o.runs ?? (o.timeMs !== undefined ? Number.POSITIVE_INFINITY : BATCH_DEFAULT_RUNS);
  let error: ImplError | undefined;
  let stopped = false;
  let failedAt: BatchCase | undefined;
  for (let first = 0; first < total && error === undefined && !stopped; first += CHUNK) {
    for (const c of batchCases(o.target.profile, o.seed, Math.min(CHUNK, total - first), first)) {
      await yieldToSignals();
      if (o.stop?.()) { stopped = true; break; }
      if (o.timeMs !== undefined && Date.now() - started >= o.timeMs) return { judged, error, stopped, failedAt };
      let run: ProgramRun;
      try {
        run = runCase(o.target, c);
      } catch (e) {
        error = isImplError(e) ? e : new ImplError('throw', (e as Error).message);
        failedAt = c;
        break;
      }
      const j = judgeRun(run, o.model, cov);
      if (j.ok) for (const v of j.check.verdicts) advisories.record(v.verdict);
      judged.push({ c, judged: j });
    }
  }
  return { judged, error, stopped, failedAt };
}

/** Shrinks each distinct failure by re-sending candidates; one counterexample per verdict key. */
async function failureCases(o: BatchCertifyOptions, judged: readonly Seen[], shrink: boolean) {
  const cxs: Counterexample[] = [];
  const cases: BatchFailureCase[] = [];
  const seen = new Set<string>();
  for (const { c, judged: j } of judged) {
    const v = decisive(j);
    if (!j.ok || !v || seen.has(verdictKey(v))) continue;
    seen.add(verdictKey(v));
    let best: { program: ClientProgram; judged: Judged } = { program: c.program, judged: j };
    if (shrink && !o.stop?.()) {
      o.progress?.(`certify (batch): shrinking ${c.program.name} (${verdictKey(v)})`);
      // Candidates run with the failing program's configuration; an implementation failure ends the round with what ran.
      const runner = {
        runBatch: async (programs: readonly ClientProgram[]) => {
          const runs: ProgramRun[] = [];
          try {
            for (const p of programs) runs.push(runCase(o.target, { program: p, config: c.config }));
          } catch (e) {
            if (!isImplError(e)) throw e;
          }
          return { runs };
        },
      };
      best = await shrinkInGuest(c.program, j, { runner, model: o.model, rounds: o.shrinkRounds ?? 8, maxCandidates: o.maxCandidates ?? 500 });
    }
    const bj = best.judged;
    const bv = decisive(bj);
    if (!bj.ok || !bv) continue;
    cxs.push(kernelCounterexample(bj, bv, best.program, o.seed));
    cases.push({ program: best.program, original: c.program, config: c.config, trace: bj.run.trace });
  }
  return { cxs, cases };
}

/** The whole batch certification; never throws for implementation failures (they become `implError`). @public */
export async function batchCertify(o: BatchCertifyOptions): Promise<BatchCertifyOutcome> {
  const started = Date.now();
  const cov = new CoverageCounter();
  const advisories = new AdvisoryTally();
  const got = await collect(o, cov, advisories);
  const unparsed = got.judged.find((x) => !x.judged.ok);
  const adapterError = got.error ?? (unparsed && !unparsed.judged.ok
    ? new ImplError('bad_message', `malformed trace of program ${unparsed.c.program.name}: ${unparsed.judged.error}`) : undefined);
  const implError: RunResult['implError'] = adapterError ? { what: adapterError.kind, msg: adapterError.detail, stderrTail: adapterError.stderrTail } : undefined;
  const { cxs, cases } = await failureCases(o, got.judged, adapterError === undefined);
  // Most specific first, as certify/rank.ts orders lockstep ones: engine violations, then the smaller program.
  const weight = (i: number) => (cxs[i]!.kind === 'violation' ? 0 : 1) * 1e6 + programSize(cases[i]!.program);
  const order = cxs.map((_, i) => i).sort((a, b) => weight(a) - weight(b) || a - b);
  const rankedCxs = order.map((i) => cxs[i]!);
  const rankedCases = order.map((i) => cases[i]!);
  const finished = Date.now();
  const strict = o.strict === true;
  const findings = advisories.findings();
  const rules = ruleVerdicts(o.target.profile, cov, rankedCxs, findings, strict);
  const checkable = CATALOGUE.filter((r) => isCheckable(r) && rules.find((v) => v.id === r.id)?.verdict !== 'not_supported');
  const exercised = checkable.filter((r) => cov.count(r.id) > 0).length;
  const failed = rankedCxs.length > 0 || (strict && findings.length > 0);
  const inconclusive = exercised < checkable.length && o.allowUnexercised !== true;
  const commands = got.judged.reduce((n, x) => n + (x.judged.ok ? x.judged.trace.entries.filter((e) => e.k === 'call' || e.k === 'env').length : 0), 0);
  const durationMs = finished - started;
  const result: RunResult = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'dmacheck', version: o.version },
    command: 'certify',
    implementation: { name: o.target.name, profile: o.target.profile },
    seed: o.seed,
    budget: { ...(o.runs !== undefined || o.timeMs === undefined ? { runs: o.runs ?? BATCH_DEFAULT_RUNS } : {}), ...(o.timeMs !== undefined ? { timeMs: o.timeMs } : {}) },
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    durationMs,
    partial: adapterError !== undefined || got.stopped,
    verdict: implError ? 'error' : failed ? 'fail' : inconclusive ? 'inconclusive' : 'pass',
    rules,
    counterexamples: rankedCxs,
    ...(findings.length > 0 ? { findings } : {}),
    ...(strict ? { strict } : {}),
    coverage: { rulesExercised: exercised, rulesCheckable: checkable.length, pairsVisited: cov.pairs.size, pairsReachable: cov.pairs.size },
    stats: { sequences: got.judged.length, commands, commandsPerSecond: Math.round(commands / Math.max(0.001, durationMs / 1000)) },
    ...(implError ? { implError } : {}),
  };
  const last = got.judged[got.judged.length - 1];
  return { result, cases: rankedCases, stopped: got.stopped, ...(adapterError ? { adapterError } : {}), ...(last ? { lastTrace: last.judged.run.trace } : {}) };
}
