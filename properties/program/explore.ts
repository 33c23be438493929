/**
 * check-client's search: fast-check draws an engine behaviour (engine-choices.ts) and a
 * schedule (schedule.ts) per run, runs the program in lockstep with the model, and on
 * the first run that breaks a rule shrinks engine choice and schedule to the shortest
 * schedule that still breaks one. Seeded: the same seed explores the same runs and
 * reports the same schedule. The default run (default engine, empty schedule) and the
 * empty schedule under every bytesPerUnit are explored first.
 * @public
 */
import fc from 'fast-check';
import type { AdvisoryVerdict, ClientProgram, Implementation, Model, Verdict } from '../../spec/api/index.ts';
import { BYTES_PER_UNIT, configFor, DEFAULT_CHOICE, engineChoiceArb, type EngineChoice } from './engine-choices.ts';
import { runProgram, type ProgramRunResult } from './run.ts';
import type { Schedule } from './schedule.ts';

/** Longest schedule drawn (decisions); a wait's default progress needs none. */
const MAX_DECISIONS = 40;
/**
 * A decision: 0 (go on) three times in four, else one of enough step indices for several
 * channels' irq/tasklet/drain plus two advances — so the points between the first steps
 * do not use up the whole list.
 */
const decisionArb = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 9 }), weight: 1 });

/** @public */
export interface ExploreOptions {
  readonly model: Model<unknown>;
  /** A fresh implementation per run is not needed: `reset` starts each run. */
  readonly impl: Implementation;
  readonly program: ClientProgram;
  readonly runs: number;
  readonly seed: number;
}

/** What the runs went through. @public */
export interface Explored {
  readonly runs: number;
  /** Distinct schedules (decision lists as read) and engine choices run. */
  readonly schedules: number;
  readonly choices: number;
  readonly envSteps: number;
  /** Runs in which a callback ran before its peripheral drained (seed 000), a callback was delayed, a wait timed out. */
  readonly callbackBeforeDrain: number;
  readonly delayedCallback: number;
  readonly timeouts: number;
  /** Runs during shrinking. */
  readonly shrinkRuns: number;
}

/** The search's outcome: the shortest failing run found, if any. @public */
export interface ExploreResult {
  readonly seed: number;
  /** The implementation's name (`builtin`, `mutant:…`, a module). */
  readonly impl: string;
  /** Runs asked for (the search stops earlier at a failure). */
  readonly budget: number;
  readonly failure: { readonly choice: EngineChoice; readonly schedule: Schedule; readonly run: ProgramRunResult; readonly verdict: Verdict } | undefined;
  /** The first advisory of each advisory rule met in any explored run (they do not fail the client). */
  readonly advisories: readonly AdvisoryVerdict[];
  readonly explored: Explored;
}

const key = (c: EngineChoice): string => Object.values(c).join('/');

/** One run of the program under an engine choice and a schedule. */
const runUnder = (o: ExploreOptions, choice: EngineChoice, schedule: Schedule): ProgramRunResult =>
  runProgram({ model: o.model, impl: o.impl, program: o.program, config: configFor(o.program, choice), schedule, fastPeripheral: choice.peripheral === 'fast' });

/** Explore `program` under drawn engine choices and schedules. @public */
export function explore(o: ExploreOptions): ExploreResult {
  const schedules = new Set<string>();
  const choices = new Set<string>();
  const advisories = new Map<string, AdvisoryVerdict>();
  let runs = 0; let envSteps = 0; let before = 0; let delayed = 0; let timeouts = 0; let shrinking = false; let shrinkRuns = 0;
  const runOnce = (choice: EngineChoice, schedule: Schedule): ProgramRunResult => {
    const r = runUnder(o, choice, schedule);
    if (shrinking) { shrinkRuns++; return r; }
    runs++;
    envSteps += r.envSteps;
    schedules.add(`${key(choice)}:${schedule.slice(0, r.decisionsUsed).join(',')}`);
    choices.add(key(choice));
    if (r.windows.callbackBeforeDrain) before++;
    if (r.windows.delayedCallback) delayed++;
    if (r.windows.timeout) timeouts++;
    for (const a of r.advisories) if (!advisories.has(a.rule)) advisories.set(a.rule, a);
    return r;
  };
  const examples: [EngineChoice, number[]][] = [[DEFAULT_CHOICE, []]];
  for (const bytesPerUnit of BYTES_PER_UNIT) for (const peripheral of ['slow', 'fast'] as const) examples.push([{ ...DEFAULT_CHOICE, bytesPerUnit, peripheral }, []]);
  const prop = fc.property(engineChoiceArb, fc.array(decisionArb, { maxLength: MAX_DECISIONS }), (choice, schedule) => {
    const r = runOnce(choice, schedule);
    if (r.verdict !== undefined) shrinking = true;
    return r.verdict === undefined;
  });
  const details = fc.check(prop, { seed: o.seed, numRuns: o.runs, examples });
  let failure: ExploreResult['failure'];
  if (details.failed && details.counterexample !== null) {
    const [choice, schedule] = details.counterexample;
    const run = runUnder(o, choice, schedule);
    if (run.verdict !== undefined) failure = { choice, schedule: schedule.slice(0, run.decisionsUsed), run, verdict: run.verdict };
  }
  if (details.failed && details.errorInstance !== null && failure === undefined) throw details.errorInstance;
  return {
    seed: o.seed, impl: o.impl.name, budget: o.runs, failure, advisories: [...advisories.values()],
    explored: { runs, schedules: schedules.size, choices: choices.size, envSteps, callbackBeforeDrain: before, delayedCallback: delayed, timeouts, shrinkRuns },
  };
}
