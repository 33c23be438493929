/**
 * A model wrapper that notes when a run first fails with one of a mutant's declared
 * rules: the "time to first failure" of the kill matrix (detection, before shrinking).
 * @internal
 */
import type { Model, RuleId, StepResult, Verdict } from '../spec/api/index.ts';

/** @internal */
export interface Detector {
  readonly model: Model<unknown>;
  /** ms from `start` to the first verdict naming a declared rule, or undefined. */
  firstMs(): number | undefined;
}

/** Wrap `model`; verdicts naming one of `rules` (violation kind) are timed from `start` (Date.now()). @internal */
export function detecting(model: Model<unknown>, rules: readonly RuleId[], start: number): Detector {
  let first: number | undefined;
  const note = (r: StepResult<unknown>): StepResult<unknown> => {
    const v: Verdict | undefined = r.verdict;
    if (first === undefined && v?.kind === 'violation' && rules.includes(v.rule)) first = Date.now() - start;
    return r;
  };
  const wrapped: Model<unknown> = {
    init: (c) => model.init(c),
    step: (s, e, i, cov) => note(model.step(s, e, i, cov)),
    end: (s, i, cov) => note(model.end(s, i, cov)),
    chan: (s, c) => model.chan(s, c),
    desc: (s, d) => model.desc(s, d),
    descsOf: (s, c) => model.descsOf(s, c),
    buf: (s, b) => model.buf(s, b),
    inCallback: (s) => model.inCallback(s),
  };
  return { model: wrapped, firstMs: () => first };
}
