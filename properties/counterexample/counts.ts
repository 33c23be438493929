/**
 * The sizes of a counterexample, counted the same way wherever it is printed (certify,
 * fuzz, replay): the top-level calls/steps it replays — the set-up (probe) steps kept by
 * shrinking and the generated ones — and the numbered entries of its printed trace (which
 * also shows the harness's closing submit/issue, the quiescing and the engine's events).
 * @public
 */
import type { Counterexample } from '../../reports/result.ts';
import { printedEntryCount } from './text.ts';

/** @public */
export interface CounterexampleCounts {
  readonly setup: number;
  readonly generated: number;
  readonly steps: number;
  readonly entries: number;
}

/** Counts of `c` (`length` is its generated part; the rest of `commands` is set-up). @public */
export function counterexampleCounts(c: Counterexample): CounterexampleCounts {
  const steps = c.commands.length;
  const generated = Math.max(0, Math.min(steps, c.length));
  return { setup: steps - generated, generated, steps, entries: printedEntryCount(c.trace, c.violationIndex) };
}

/** `5 call(s)/step(s) (3 set-up + 2 generated), 17 trace entries`. @public */
export function countsText(c: Counterexample): string {
  const n = counterexampleCounts(c);
  return `${n.steps} call(s)/step(s) (${n.setup} set-up + ${n.generated} generated), ${n.entries} trace entries`;
}
