/**
 * The baseline of the kill matrix: the harness a user would write with fast-check
 * alone — `fc.commands` over the same command table and model, every command equally
 * likely (no weights, no focus phases, no misuse phase), calls from process context
 * only and callbacks that do nothing — run by `fc.check` with `fc.modelRun` in one go.
 * It shares the probe prelude and the configuration arbitrary with certify, so the
 * comparison isolates weighting, contexts and callback interleaving.
 * @public
 */
import fc from 'fast-check';
import type { EngineConfig, Implementation, Model } from '../../spec/api/index.ts';
import type { MutantSpec } from '../../impl/mutants/index.ts';
import { COMMANDS } from '../../properties/commands/index.ts';
import { runSequence } from '../../properties/check.ts';
import { configArb } from '../../properties/gen/config.ts';
import type { Lockstep } from '../../properties/lockstep/runner.ts';
import { LockstepFailure, verdictRule } from '../../properties/lockstep/step.ts';
import type { KillBudget, KillResult } from '../kill.ts';
import { detecting } from '../timing.ts';
import { PlainCommand } from './plain-command.ts';

type Cmds = Iterable<fc.Command<Lockstep, Lockstep>>;

/** Uniform `fc.commands` over the table rows the implementation supports. @public */
export function baselineCommands(impl: Implementation, maxCommands = 60): fc.Arbitrary<Cmds> {
  const rows = COMMANDS.filter((s) => s.needs === undefined || impl.profile[s.needs]);
  return fc.commands(rows.map((s) => s.arb.map((c) => new PlainCommand(c))), { maxCommands, size: 'max' });
}

/** Run the baseline against `impl` (the mutant of `spec`) within the budget. @public */
export function killWithBaseline(spec: MutantSpec, impl: Implementation, model: Model<unknown>, b: KillBudget): KillResult {
  const start = Date.now();
  const det = detecting(model, spec.rules, start);
  const o = { model: det.model, impl, mode: 'legal' as const };
  let sequences = 0;
  const prop = fc.property(configArb(impl.profile), baselineCommands(impl), (cfg: EngineConfig, cmds: Cmds) => {
    sequences++;
    const r = runSequence(o, cfg, cmds);
    if (r.failure) throw new LockstepFailure(r.failure);
  });
  const d = fc.check(prop, { seed: b.seed, numRuns: b.runs, interruptAfterTimeLimit: b.timeMs });
  const totalMs = Date.now() - start;
  if (!d.failed || !d.counterexample) {
    return { killed: false, rule: null, kind: null, timeToFailureMs: null, totalMs, shrunkLength: null, sequences };
  }
  const [cfg, cmds] = d.counterexample;
  const r = runSequence({ model, impl, mode: 'legal' }, cfg, cmds);
  const rule = r.failure ? verdictRule(r.failure) : null;
  const killed = rule !== null && spec.rules.includes(rule);
  return {
    killed,
    rule,
    kind: r.failure?.kind ?? null,
    timeToFailureMs: killed ? (det.firstMs() ?? totalMs) : null,
    totalMs,
    shrunkLength: r.steps.length - r.preludeLength,
    sequences,
  };
}
