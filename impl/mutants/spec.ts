/**
 * What a mutant engine declares: the fault points it switches on, the bug class of
 * bug-classes.md it reproduces, the rules it breaks, and the shortest triggering
 * sequence we know (its length is the "known minimum" of the kill matrix).
 * Types only, besides the engine's own fault names.
 * @public
 */
import type { ClientCall, Ctx, EngineCaps, EngineChoices, EnvStep, ResidueGranularity, RuleId } from '../../spec/api/index.ts';
import type { FaultName } from '../faults.ts';

/** A section of `shared/spec-notes/bug-classes.md`, or an engine obligation of the rule catalogue with no field bug behind it. @public */
export type BugClass =
  | { readonly section: number; readonly title: string }
  | { readonly section: null; readonly title: string };

/**
 * One top-level step of a triggering sequence. Same shape as the harness step
 * (properties/lockstep/step.ts), so a trigger replays through the lockstep runner.
 * @public
 */
export type TriggerStep =
  | { readonly k: 'call'; readonly call: ClientCall; readonly ctx: Ctx }
  | { readonly k: 'env'; readonly step: EnvStep };

/**
 * Configuration a trigger needs beyond the default one (two channels: 0 "tx"
 * MEM_TO_DEV, 1 "rx" DEV_TO_MEM; every capability; burst granularity; 4 bytes per unit;
 * cookieInit 1). Unset fields keep the default.
 * @public
 */
export interface TriggerConfig {
  readonly caps?: Partial<EngineCaps>;
  readonly cookieInit?: number;
  readonly residueGranularity?: ResidueGranularity;
  readonly maxTransferLen?: number;
  /** Engine-dependent choices, e.g. a small descriptor pool (DESC-17). */
  readonly choices?: EngineChoices;
}

/**
 * The shortest sequence we know that makes the model name one of the mutant's rules.
 * It runs after the client's probe prelude (request every channel, slave_config, alloc
 * and map buffers 1 (64 B) and 2 (256 B) for channel 0, 3 (64 B) and 4 (256 B) for
 * channel 1), and the harness ends it exactly as it ends a generated sequence: a careful
 * client submits and issues what it left prepared, the engine is quiesced (pending IRQs,
 * tasklets, drains, time) and REUSE descriptors are given back. So a trigger lists only
 * the steps that matter; its length is comparable with a shrunk counterexample's.
 * @public
 */
export interface Trigger {
  readonly config?: TriggerConfig;
  readonly steps: readonly TriggerStep[];
}

/** A documented mutant of the built-in engine; `dmacheck --impl mutant:<name>`. @public */
export interface MutantSpec {
  /** kebab-case; the implementation is named `mutant:<name>`. */
  readonly name: string;
  /** Fault points switched on (usually one). */
  readonly faults: readonly FaultName[];
  readonly bugClass: BugClass;
  /** Rules whose violation kills the mutant; the first is the one it is built to break. */
  readonly rules: readonly RuleId[];
  /** One line: what the engine does wrong. */
  readonly description: string;
  /** Why rules after the first also count (when the fault shows through more than one rule). */
  readonly why?: string;
  readonly trigger: Trigger;
  /**
   * Set when the CI gate (mutants/kill-matrix.test.ts) leaves this mutant out: why
   * certification does not kill it reliably within the gate's seed and budget. The
   * kill matrix (`dmacheck mutants`) and the trigger tests still run it.
   */
  readonly ungated?: string;
}
