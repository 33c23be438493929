/**
 * `dmacheck fuzz` without the command line: replay the corpus against the
 * implementation, run the campaign in worker threads (so the main thread stays
 * responsive to progress and Ctrl-C), keep each new finding in the corpus as it
 * arrives, and build the {@link RunResult}. Interrupting (`signal`) stops every worker
 * within one sequence; what was found is kept and the result is marked partial.
 * @public
 */
import { resolveImplementation } from '../adapters/resolve.ts';
import { UsageError } from '../io/errors.ts';
import type { CounterexampleFile } from '../properties/counterexample/file.ts';
import type { Counterexample, RunResult } from '../reports/index.ts';
import { loadModel } from '../trace/load-model.ts';
import { Corpus, type CorpusReplay, replayCorpus } from './corpus.ts';
import { exercisableRules, figures } from './coverage.ts';
import type { Finding } from './finding.ts';
import { type PoolTotals, WorkerPool } from './parallel.ts';
import { countsText } from '../properties/counterexample/counts.ts';
import { Progress } from './progress.ts';
import { fuzzResult } from './result.ts';
import { type Shard, shardPlan } from './shard.ts';
import { signature } from './shrink.ts';
import { ruleMessage } from '../spec/api/message.ts';

/** @public */
export interface FuzzOptions {
  readonly impl?: string | undefined;
  readonly implCmd?: string | undefined;
  readonly timeoutMs?: number | undefined;
  readonly runs?: number | undefined;
  readonly timeMs?: number | undefined;
  readonly seed: number;
  readonly workers: number;
  readonly shard?: Shard | undefined;
  readonly corpus?: string | undefined;
  readonly maxLength: number;
  readonly misuseShare: number;
  readonly shrinkMs: number;
  readonly maxPerRule: number;
  /** Off: uniform generation (baseline). */
  readonly guided: boolean;
  readonly digest?: boolean;
  readonly version: string;
  /** Where progress goes (stderr), whether it is a terminal, plain-line interval. */
  readonly err: { write(s: string): unknown };
  readonly tty: boolean;
  readonly progressMs: number;
  readonly signal?: AbortSignal | undefined;
  /** `--strict`: advisories the generated runs produced fail the campaign. */
  readonly strict?: boolean | undefined;
}

/** @public */
export interface FuzzOutcome {
  readonly result: RunResult;
  readonly interrupted: boolean;
  readonly replays: readonly CorpusReplay[];
  /** Corpus files written by this campaign. */
  readonly written: readonly string[];
  readonly totals: PoolTotals;
}

/** The report part of a counterexample file. @internal */
export function reportPart(f: CounterexampleFile): Counterexample {
  const { format: _f, impl: _i, mode: _m, replay: _r, ...cx } = f;
  return cx;
}

/** Run a campaign; UsageError for a bad implementation. @public */
export async function runFuzz(o: FuzzOptions): Promise<FuzzOutcome> {
  const started = Date.now();
  const impl = await resolveImplementation({ impl: o.impl, implCmd: o.implCmd, timeoutMs: o.timeoutMs });
  const implSpec = o.impl ?? (o.implCmd !== undefined ? impl.name : 'builtin');
  const model = await loadModel();
  const progress = new Progress(o.err, o.tty, o.progressMs);
  const corpus = new Corpus(o.corpus, o.maxPerRule).load();
  for (const e of corpus.errors) progress.message(`fuzz: corpus: skipped ${e}`);
  let replays: CorpusReplay[];
  try {
    replays = replayCorpus(model, impl, implSpec, corpus.entries);
  } finally {
    impl.dispose?.();
  }
  const cxs: Counterexample[] = [];
  if (replays.length > 0) {
    const still = replays.filter((r) => r.finding !== undefined);
    for (const r of still) cxs.push(reportPart(r.finding!.file));
    progress.message(`fuzz: corpus: ${replays.length} entr${replays.length === 1 ? 'y' : 'ies'} replayed, ${still.length} still fail${still.length ? ` (${[...new Set(still.map((r) => signature(r.verdict!)))].join(', ')})` : ''}`);
  }
  const exercisable = exercisableRules(impl.profile);
  const { seed, runs } = shardPlan(o.seed, o.runs, o.shard);
  const written: string[] = [];
  const pending: Promise<void>[] = [];
  const onFinding = (f: Finding) => {
    pending.push(corpus.add(f).then((added) => {
      const bucket = f.file.rule ?? f.file.kind;
      if (!corpus.room(bucket)) pool.tell({ kind: 'enough', rule: bucket });
      if (!added) return;
      cxs.push(reportPart(f.file));
      if (o.corpus !== undefined) written.push(f.name);
      progress.message(`fuzz: ${f.file.kind} ${f.file.rule ?? ''}: ${ruleMessage(f.file.rule, f.file.msg)} (shrunk to ${countsText(f.file)})${o.corpus !== undefined ? ` -> ${o.corpus}/${f.name}` : ''}`);
    }));
  };
  const pool = new WorkerPool({
    workers: o.workers, seed, runs, impl: o.impl, implCmd: o.implCmd, timeoutMs: o.timeoutMs, implSpec,
    timeMs: o.timeMs, maxLength: o.maxLength, misuseShare: o.misuseShare, shrinkMs: o.shrinkMs, guided: o.guided,
    digest: o.digest ?? false, enough: corpus.full(),
  }, { onFinding });
  let interrupted = false;
  const onAbort = () => { interrupted = true; pool.stop(); };
  if (o.signal?.aborted) onAbort();
  o.signal?.addEventListener('abort', onAbort);
  const snapshot = () => {
    const t = pool.totals();
    return { elapsedMs: Date.now() - started, busyMs: t.busyMs, sequences: t.sequences, commands: t.commands, figures: figures(pool.coverage(), exercisable), findings: cxs.length, failures: t.failures };
  };
  const timer = setInterval(() => progress.update(snapshot), 100);
  try {
    await pool.done;
  } finally {
    clearInterval(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
  await Promise.all(pending);
  progress.update(snapshot, true);
  progress.clear();
  if (pool.error) {
    if (pool.error.usage) throw new UsageError(pool.error.msg);
    throw new Error(pool.error.msg);
  }
  const totals = pool.totals();
  const result = fuzzResult({
    impl, version: o.version, seed: o.seed, startedMs: started, finishedMs: Date.now(), partial: interrupted,
    budget: { ...(runs !== undefined ? { runs } : {}), ...(o.timeMs !== undefined ? { timeMs: o.timeMs } : {}) },
    cov: pool.coverage(), exercisable, counterexamples: cxs, totals, implError: pool.implError, strict: o.strict, shard: o.shard,
  });
  return { result, interrupted, replays, written, totals };
}
