/**
 * Builds the {@link Counterexample} of a failed (shrunk) run: rule, statement, trace,
 * numbered text, the client as C, seed/path and the replayable steps.
 * @public
 */
import type { EngineConfig, FailureVerdict } from '../../spec/api/index.ts';
import { ruleById } from '../../spec/catalogue/index.ts';
import type { Counterexample } from '../../reports/result.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { verdictRule } from '../lockstep/step.ts';
import { cClient } from './c-client.ts';
import { traceText } from './text.ts';

/** @public */
export function buildCounterexample(r: Lockstep, verdict: FailureVerdict, seed: number, path: string, config: EngineConfig): Counterexample {
  const rule = verdictRule(verdict);
  return {
    rule,
    kind: verdict.kind,
    msg: verdict.msg,
    statement: rule ? (ruleById(rule)?.statement ?? '') : '',
    seed,
    path,
    config,
    commands: r.steps,
    length: r.steps.length - r.preludeLength,
    trace: r.trace,
    violationIndex: verdict.step,
    text: traceText(r.trace, verdict),
    // A complete client in C (declarations, callbacks, the calls), as it compiles against kernel headers.
    c: cClient(r.trace, config),
  };
}
