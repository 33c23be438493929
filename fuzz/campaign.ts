/**
 * One fuzz campaign on one thread: draws plans, runs sequences in lockstep, keeps
 * coverage, feeds the guidance, and shrinks each failure whose signature the caller
 * still wants into a {@link Finding}. Synchronous and sliced (`runSlice`) so a driver
 * can stay responsive (progress, SIGINT). Everything is a function of `seed` for a run
 * budget (time budgets decide only where it stops).
 * @public
 */
import type { ImplErrorKind, Implementation, Model, RuleId } from '../spec/api/index.ts';
import { fnvStep, FNV_OFFSET } from '../spec/api/index.ts';
import { CoverageMap, exercisableRules } from './coverage.ts';
import { type Finding, makeFinding } from './finding.ts';
import { Guidance } from './guidance.ts';
import { Planner } from './plan.ts';
import { FuzzRng } from './rng.ts';
import { runSequence } from './sequence.ts';
import { shrink, signature } from './shrink.ts';
import { supportedSpecs } from './swarm.ts';

/** An adapter's failure, as RunResult.implError shows it. @public */
export interface AdapterFailure {
  readonly what: ImplErrorKind;
  readonly msg: string;
  readonly stderrTail: readonly string[];
}

/** @public */
export interface CampaignOptions {
  readonly model: Model<unknown>;
  readonly impl: Implementation;
  /** What counterexample files name as the implementation (`builtin`, `mutant:x`, a path). */
  readonly implSpec: string;
  readonly seed: number;
  /** Worker number (first part of the replay path). */
  readonly worker: number;
  /** Stop after this many sequences (undefined: until stopped or out of time). */
  readonly runs?: number | undefined;
  /** Stop after this long (ms). */
  readonly timeMs?: number | undefined;
  readonly maxLength: number;
  readonly misuseShare: number;
  /** Time allowed for shrinking one failure (ms). */
  readonly shrinkMs: number;
  /** Off: plain uniform generation (the baseline of the benchmark). */
  readonly guided?: boolean;
  /** Fold every executed step into `digest` (determinism tests; costs time). */
  readonly digest?: boolean;
  readonly stop: () => boolean;
  /** Should a failure with this signature be shrunk and reported? (per-rule caps, known bugs) */
  readonly wants?: (sig: string) => boolean;
  readonly onFinding: (f: Finding) => void;
}

/** @public */
export class Campaign {
  readonly cov = new CoverageMap();
  readonly guidance: Guidance;
  readonly exercisable: ReadonlySet<RuleId>;
  sequences = 0;
  commands = 0;
  /** Sequences that failed (before dedup). */
  failures = 0;
  digest = FNV_OFFSET;
  /** ms since start at which the first failure was seen, and its signature. */
  firstFailureMs: number | undefined;
  firstSignature: string | undefined;
  /** Set when the adapter gave up (the process hung, crashed, broke the protocol): the campaign ends. */
  implError: AdapterFailure | undefined;
  private readonly rng: FuzzRng;
  private readonly planner: Planner;
  private readonly started = Date.now();

  constructor(private readonly o: CampaignOptions) {
    this.rng = new FuzzRng(o.seed);
    this.exercisable = exercisableRules(o.impl.profile);
    this.guidance = new Guidance(this.cov, this.exercisable, supportedSpecs(o.impl.profile, 'legal'));
    this.planner = new Planner({ profile: o.impl.profile, maxLength: o.maxLength, misuseShare: o.misuseShare, guided: o.guided ?? true });
  }

  /** Elapsed ms. */
  elapsed(): number {
    return Date.now() - this.started;
  }

  done(): boolean {
    const o = this.o;
    return o.stop() || this.implError !== undefined || (o.runs !== undefined && this.sequences >= o.runs) || (o.timeMs !== undefined && this.elapsed() >= o.timeMs);
  }

  /** Run sequences for about `ms`, or until done. Returns done(). */
  runSlice(ms: number): boolean {
    const until = Date.now() + ms;
    while (!this.done() && Date.now() < until) this.runOne();
    return this.done();
  }

  /** Run one sequence (and shrink it if it failed). */
  runOne(): void {
    const o = this.o;
    const guided = o.guided ?? true;
    const n = this.sequences++;
    const plan = this.planner.next(this.rng, guided ? this.guidance : undefined, n);
    const run = runSequence(o.model, o.impl, this.cov, guided ? this.guidance : undefined, plan, this.rng);
    const r = run.runner;
    this.commands += r.commands;
    if (o.digest) for (const s of r.steps) for (const ch of JSON.stringify(s)) this.digest = fnvStep(this.digest, ch.charCodeAt(0));
    if (guided && n % 16 === 15) this.guidance.refresh();
    const v = r.failure;
    if (v === undefined) {
      if (guided) this.guidance.addSeed({ config: plan.config, mode: plan.mode, swarm: plan.swarm, cmds: run.cmds, newAt: run.newAt, picks: 0 });
      return;
    }
    this.failures++;
    this.firstFailureMs ??= this.elapsed();
    const sig = signature(v);
    this.firstSignature ??= sig;
    if (r.adapterError) {
      // No shrinking against an engine that is gone: report the run as it is and stop.
      const e = r.adapterError;
      this.implError = { what: e.kind, msg: e.detail, stderrTail: e.stderrTail };
      o.onFinding(makeFinding(r, v, { seed: o.seed, path: `${o.worker}:${n}`, config: plan.config, mode: plan.mode, impl: o.implSpec }));
      return;
    }
    if (o.wants && !o.wants(sig)) return;
    const s = shrink({ model: o.model, impl: o.impl, config: plan.config, mode: plan.mode, cmds: run.cmds, verdict: v, deadline: Date.now() + o.shrinkMs, stop: o.stop });
    // A shrunk run that no longer fails the same way (cannot happen with a deterministic
    // implementation) is discarded for the original run.
    const ok = s.runner.failure !== undefined && signature(s.runner.failure) === sig;
    o.onFinding(makeFinding(ok ? s.runner : r, ok ? s.runner.failure! : v, { seed: o.seed, path: `${o.worker}:${n}`, config: ok ? s.config : plan.config, mode: plan.mode, impl: o.implSpec }));
  }
}
