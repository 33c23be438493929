/**
 * `dmacheck kernel certify`: generates legal client programs (kernel/gen), runs them in
 * the real kernel under QEMU, one boot per batch, judges every recorded trace with the
 * reference model (the same check as check-trace), shrinks each distinct failure in the
 * guest, and builds the same {@link RunResult} as `dmacheck certify`, with the kernel,
 * machine and driver in its header and the features not supported with their reasons.
 * @public
 */
import { isCheckable, ruleVerdicts } from '../../properties/certify/verdicts.ts';
import { CoverageCounter } from '../../properties/certify/coverage.ts';
import { type Counterexample, REPORT_SCHEMA_VERSION, type RunResult } from '../../reports/result.ts';
import { CATALOGUE } from '../../spec/catalogue/index.ts';
import type { Model } from '../../spec/api/model-api.ts';
import type { ClientProgram } from '../../spec/api/program.ts';
import type { ImplErrorKind } from '../../spec/api/trace.ts';
import { generatePrograms } from '../gen/generate.ts';
import { checkLegality } from '../gen/legality.ts';
import { type MisuseKind, misusePrograms } from '../gen/misuse.ts';
import { KERNEL_PROFILE, UNSUPPORTED } from '../gen/profile.ts';
import { type BootStat, runPrograms } from './batches.ts';
import { kernelCounterexample } from './counterexample.ts';
import { decisive, type Judged, verdictKey } from './judge.ts';
import type { KernelEnv, KernelFailure, KernelRunner } from './runner.ts';
import { shrinkInGuest } from './shrink.ts';

/** Default budget: one boot of this many generated programs. @public */
export const DEFAULT_RUNS = 3000;
/** Programs per boot at most. @public */
export const BATCH_SIZE = 5000;

/** @public */
export interface KernelCertifyOptions {
  readonly runner: KernelRunner;
  readonly env: KernelEnv;
  readonly model: Model<unknown>;
  readonly seed: number;
  readonly runs?: number | undefined;
  readonly timeMs?: number | undefined;
  readonly misuse?: MisuseKind | 'all' | undefined;
  readonly batchSize?: number;
  /** Shrinking boots per counterexample (default 8) and candidates per boot (default 2000). */
  readonly shrinkRounds?: number;
  readonly maxCandidates?: number;
  readonly version: string;
  readonly progress?: (line: string) => void;
  /** Ctrl-C: no new boot and no shrinking after it; a guest killed by it is no guest failure. */
  readonly signal?: AbortSignal;
}

/** A counterexample with its programs (same order as `result.counterexamples`). @public */
export interface KernelFailureCase {
  readonly program: ClientProgram;
  readonly original: ClientProgram;
  readonly trace: string;
  readonly misuse: boolean;
}

/** How one misuse program was judged. @public */
export interface MisuseOutcome {
  readonly program: string;
  readonly expected: readonly string[];
  /** The rule of the first `undefined` verdict, if any. */
  readonly got: string | undefined;
  readonly detected: boolean;
}

/** @public */
export interface KernelCertifyOutcome {
  readonly result: RunResult;
  readonly cases: readonly KernelFailureCase[];
  readonly misuse: readonly MisuseOutcome[];
  /** The boots that ran generated and misuse programs (shrinking boots are counted in the target only). */
  readonly boots: readonly BootStat[];
  readonly interrupted: boolean;
}

/** The generator seed of the programs of boot `i` (boot 0 uses the run's seed). @public */
export function batchSeed(seed: number, i: number): number {
  return (seed + i * 7919) | 0;
}

const FAILURE_KIND: Record<KernelFailure['kind'], ImplErrorKind> = { boot: 'crash', module_load: 'crash', oops: 'crash', hang: 'timeout', agent: 'bad_message' };

/** The implError of a guest failure (exit 3), console tail included. @public */
export function guestError(f: KernelFailure): NonNullable<RunResult['implError']> {
  return { what: FAILURE_KIND[f.kind], msg: `guest ${f.kind}: ${f.msg}`, stderrTail: f.consoleTail };
}

function misuseOutcome(p: ClientProgram, j: Judged | undefined): MisuseOutcome {
  const expected = p.expect?.rules ?? [];
  const first = j?.ok ? j.check.verdicts.find((v) => v.verdict.kind === 'undefined')?.verdict : undefined;
  const got = first && first.kind === 'undefined' ? first.rule : undefined;
  return { program: p.name, expected, got, detected: got !== undefined && expected.includes(got) };
}

type Run = { readonly program: ClientProgram; readonly judged: Judged };

/** Every generated program passes the static legality check before it costs a boot; else it is a generator bug (internal error). */
function assertLegal(programs: readonly ClientProgram[]): void {
  for (const p of programs) {
    const bad = checkLegality(p);
    if (bad) throw new Error(`generator bug: ${p.name} breaks ${bad.rule} at step ${bad.at}: ${bad.msg}`);
  }
}

interface Collected { readonly judged: readonly Run[]; readonly boots: readonly BootStat[]; readonly failure?: KernelFailure; readonly runs?: number }

/** Boots until the budget is spent (misuse programs in the last boot), a guest failure, or Ctrl-C. */
async function collect(o: KernelCertifyOptions, cov: CoverageCounter, misuse: readonly ClientProgram[]): Promise<Collected> {
  const started = Date.now();
  const say = o.progress ?? (() => {});
  const batchSize = o.batchSize ?? BATCH_SIZE;
  const judged: Run[] = [];
  const boots: BootStat[] = [];
  const boot = async (programs: readonly ClientProgram[]): Promise<KernelFailure | undefined> => {
    const out = await runPrograms(programs, {
      runner: o.runner, model: o.model, cov, batchSize,
      onBoot: (s, done, total) => say(`kernel certify: boot ${boots.length + 1}: ${s.programs} programs, boot ${s.bootMs} ms, run ${s.runMs} ms (${done}/${total})`),
    });
    judged.push(...out.judged);
    boots.push(...out.boots);
    for (const m of out.misuseFailures) say(`kernel certify: ${m.program}: the guest ${m.failure.kind} after the misuse (${m.failure.msg})`);
    return out.failure;
  };
  // A run budget is split into boots up front; a time budget adds boots while time is left.
  const runs = o.runs ?? (o.timeMs === undefined ? DEFAULT_RUNS : undefined);
  let generated = 0;
  for (let batch = 0; ; batch++) {
    const want = runs !== undefined ? Math.min(batchSize, runs - generated) : batchSize;
    const last = runs !== undefined && generated + want >= runs;
    // Each boot's programs come from their own seed, so no boot regenerates earlier ones.
    const programs = generatePrograms(batchSeed(o.seed, batch), want);
    assertLegal(programs);
    generated += programs.length;
    const failure = await boot(last ? [...programs, ...misuse] : programs);
    if (failure || last || o.signal?.aborted) return { judged, boots, ...(failure ? { failure } : {}), ...(runs !== undefined ? { runs } : {}) };
    const elapsed = Date.now() - started;
    if (o.timeMs !== undefined && elapsed + elapsed / boots.length > o.timeMs) {
      // Time is up: the misuse programs still get their boot.
      const f = misuse.length > 0 ? await boot(misuse) : undefined;
      return { judged, boots, ...(f ? { failure: f } : {}) };
    }
  }
}

/** One counterexample per distinct verdict (per misuse program), generated ones shrunk in the guest. */
async function failureCases(o: KernelCertifyOptions, judged: readonly Run[], misuse: ReadonlySet<string>, shrink: boolean):
  Promise<{ cxs: Counterexample[]; cases: KernelFailureCase[]; shrinkBoots: number }> {
  const cxs: Counterexample[] = [];
  const cases: KernelFailureCase[] = [];
  const seen = new Set<string>();
  let shrinkBoots = 0;
  for (const { program, judged: j } of judged) {
    const v = decisive(j);
    if (!j.ok || !v) continue;
    const isMisuse = misuse.has(program.name);
    const key = `${isMisuse ? program.name : ''}|${verdictKey(v)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let best: Run = { program, judged: j };
    if (!isMisuse && shrink && !o.signal?.aborted) {
      o.progress?.(`kernel certify: shrinking ${program.name} (${verdictKey(v)}) in the guest`);
      const s = await shrinkInGuest(program, j, { runner: o.runner, model: o.model, rounds: o.shrinkRounds ?? 8, maxCandidates: o.maxCandidates ?? 2000 });
      shrinkBoots += s.boots;
      best = s;
      o.progress?.(`kernel certify: shrunk ${program.name} to ${s.program.steps.length} steps (${s.candidatesRun} candidates in ${s.boots} boot(s))`);
    }
    const bj = best.judged;
    const bv = decisive(bj);
    if (!bj.ok || !bv) continue;
    cxs.push(kernelCounterexample(bj, bv, best.program, o.seed));
    cases.push({ program: best.program, original: program, trace: bj.run.trace, misuse: isMisuse });
  }
  return { cxs, cases, shrinkBoots };
}

/** Run the whole certification; never throws for guest failures (they become `implError`). @public */
export async function kernelCertify(o: KernelCertifyOptions): Promise<KernelCertifyOutcome> {
  const started = Date.now();
  const cov = new CoverageCounter();
  const misuse = o.misuse ? misusePrograms(o.misuse) : [];
  const got = await collect(o, cov, misuse);
  const interrupted = o.signal?.aborted === true;
  // A guest killed by Ctrl-C did not fail.
  const failure = interrupted ? undefined : got.failure;
  const unparsed = got.judged.find((x) => !x.judged.ok);
  const implError: RunResult['implError'] = failure ? guestError(failure)
    : unparsed && !unparsed.judged.ok ? { what: 'bad_message', msg: `trace of ${unparsed.program.name} does not parse: ${unparsed.judged.error}`, stderrTail: [] }
      : undefined;
  const { cxs, cases, shrinkBoots } = await failureCases(o, got.judged, new Set(misuse.map((p) => p.name)), implError === undefined);
  const misuseOut = misuse.map((p) => misuseOutcome(p, got.judged.find((x) => x.program.name === p.name)?.judged));
  const finished = Date.now();
  const rules = ruleVerdicts(KERNEL_PROFILE, cov, cxs);
  const checkable = CATALOGUE.filter((r) => isCheckable(r) && rules.find((x) => x.id === r.id)?.verdict !== 'not_supported');
  const commands = got.judged.reduce((n, x) => n + (x.judged.ok ? x.judged.trace.entries.filter((e) => e.k === 'call').length : 0), 0);
  const durationMs = finished - started;
  const result: RunResult = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'dmacheck', version: o.version },
    command: 'certify',
    implementation: { name: `${o.env.driver} (Linux ${o.env.release}, QEMU ${o.env.machine})`, profile: KERNEL_PROFILE },
    seed: o.seed,
    budget: { ...(got.runs !== undefined ? { runs: got.runs } : {}), ...(o.timeMs !== undefined ? { timeMs: o.timeMs } : {}) },
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    durationMs,
    partial: failure !== undefined || interrupted,
    // Never `inconclusive`: the rules left not exercised here are the ones the in-guest driver
    // cannot reach at any budget (docs/FINDINGS.md), not a budget too small (issue 13, item 14).
    verdict: implError ? 'error' : cxs.length > 0 ? 'fail' : 'pass',
    rules,
    counterexamples: cxs,
    coverage: {
      rulesExercised: checkable.filter((r) => cov.count(r.id) > 0).length,
      rulesCheckable: checkable.length,
      pairsVisited: cov.pairs.size,
      pairsReachable: cov.pairs.size,
    },
    stats: { sequences: got.judged.length, commands, commandsPerSecond: Math.round(commands / Math.max(0.001, durationMs / 1000)) },
    ...(implError ? { implError } : {}),
    target: { release: o.env.release, machine: o.env.machine, driver: o.env.driver, cpus: 1, boots: got.boots.length + shrinkBoots, notSupported: UNSUPPORTED },
  };
  return { result, cases, misuse: misuseOut, boots: got.boots, interrupted };
}
