/**
 * The result of a dmacheck run (certify, fuzz, check-trace, mutants): what the
 * producers fill in and every report writer (reports/) renders. JSON-serialisable;
 * `report.json` is exactly this object (schema: reports/schema/report.schema.json).
 * @public
 */
import type { CapabilityProfile, EngineConfig } from '../spec/api/config.ts';
import type { ImplErrorKind, RuleId, TraceEntry } from '../spec/api/trace.ts';

export const REPORT_SCHEMA_VERSION = 1;

/**
 * `advisory`: the rule was exercised and the client broke it, but it is an advisory client
 * rule (catalogue severity): reported, not failing the run unless `--strict` (which makes
 * it `fail`).
 */
export type RuleVerdictKind = 'pass' | 'fail' | 'advisory' | 'not_exercised' | 'not_supported' | 'documented_only' | 'known';

export interface RuleVerdict {
  readonly id: RuleId;
  /** Rule group, e.g. "SYNC". */
  readonly group: string;
  readonly binds: 'client' | 'engine' | 'both';
  readonly statement: string;
  readonly verdict: RuleVerdictKind;
  /** How many times a clause of this rule was evaluated. */
  readonly exercised: number;
  /** How many distinct counterexamples name this rule. */
  readonly failures: number;
}

/** A shrunk failing run, enough to read it and to replay it. */
export interface Counterexample {
  readonly rule: RuleId | null;
  readonly kind: 'violation' | 'undefined' | 'model_bug' | 'impl_error';
  readonly msg: string;
  /** The rule's statement from the catalogue (empty for impl errors). */
  readonly statement: string;
  /** fast-check seed / path (replay with `dmacheck replay FILE`). */
  readonly seed: number;
  readonly path: string;
  readonly config: EngineConfig;
  /** The generated command sequence (harness encoding), replayable. */
  readonly commands: readonly unknown[];
  /** Number of top-level commands in the shrunk sequence. */
  readonly length: number;
  /** The full trace of the shrunk run; `violationIndex` points at the failing entry. */
  readonly trace: readonly TraceEntry[];
  readonly violationIndex: number;
  /** Numbered human-readable trace. */
  readonly text: string;
  /** The same sequence as C-like dmaengine calls. */
  readonly c: string;
}

/**
 * One verdict as found: every independent verdict of a checked trace (check-trace), or
 * an advisory client rule a generated run broke (certify, fuzz; `count` repeats folded).
 */
export interface Finding {
  readonly kind: 'violation' | 'undefined' | 'advisory' | 'model_bug' | 'impl_error';
  readonly rule: RuleId | null;
  readonly msg: string;
  /** Trace-file line it points at (check-trace). */
  readonly line?: number;
  readonly chan?: number;
  /** How many times it was seen (certify, fuzz). */
  readonly count?: number;
}

export interface Coverage {
  readonly rulesExercised: number;
  readonly rulesCheckable: number;
  readonly pairsVisited: number;
  readonly pairsReachable: number;
}

/** A feature the target cannot exercise and why (its rules are "not supported"). */
export interface UnsupportedFeature {
  readonly feature: string;
  readonly reason: string;
}

/** The real system a `kernel certify` run judged (the report header names it). */
export interface KernelTarget {
  /** `uname -r` of the guest kernel, e.g. "6.1.0-57-arm64". */
  readonly release: string;
  /** QEMU machine, e.g. "raspi3b". */
  readonly machine: string;
  /** The dmaengine driver under test, e.g. "bcm2835-dma". */
  readonly driver: string;
  readonly cpus: number;
  /** Guest boots used (batches and shrinking). */
  readonly boots: number;
  readonly notSupported: readonly UnsupportedFeature[];
}

export interface RunResult {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: 'dmacheck'; readonly version: string };
  readonly command: 'certify' | 'fuzz' | 'check-trace' | 'mutants';
  readonly implementation: { readonly name: string; readonly profile: CapabilityProfile | null };
  readonly seed: number;
  readonly budget: { readonly runs?: number; readonly timeMs?: number };
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  /** True when the run was interrupted or ended early; the content is what was obtained. */
  readonly partial: boolean;
  /**
   * `inconclusive` (certify only): nothing failed, but some checkable rule the
   * implementation supports was never exercised (`--allow-unexercised` turns it into `pass`).
   */
  readonly verdict: 'pass' | 'fail' | 'error' | 'inconclusive';
  readonly rules: readonly RuleVerdict[];
  readonly counterexamples: readonly Counterexample[];
  /** Every verdict found, advisories included, in order (absent: none recorded). */
  readonly findings?: readonly Finding[];
  /** `--strict`: advisories fail the run. */
  readonly strict?: boolean;
  readonly coverage: Coverage;
  /** Commands executed (all runs) and throughput. */
  readonly stats: { readonly sequences: number; readonly commands: number; readonly commandsPerSecond: number };
  readonly implError?: { readonly what: ImplErrorKind; readonly msg: string; readonly stderrTail: readonly string[] };
  /** Rule ids that failed but were already in the baseline report. */
  readonly known?: readonly RuleId[];
  /** Seeds of every shard, when this result merges several runs (`dmacheck report merge`). */
  readonly seeds?: readonly number[];
  /** This result is shard `index` of `total` (`fuzz --shard i/n`). */
  readonly shard?: { readonly index: number; readonly total: number };
  /** Set by `dmacheck kernel certify`: the kernel, machine and driver judged. */
  readonly target?: KernelTarget;
}
