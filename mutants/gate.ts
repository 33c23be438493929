/**
 * The CI gate of the kill matrix (mutants/kill-matrix.test.ts): one fixed seed, one
 * per-mutant budget, and the mutants it covers (all but the `ungated` ones, each of
 * which says why). `npm run bench -- mutants` prints the matrix at the same budget.
 * @public
 */
import { MUTANTS } from '../impl/mutants/index.ts';

/** Seed of the gate. @public */
export const GATE_SEED = 42;

/**
 * Per-mutant budget of the gate: 2000 sequences (1000 left meta-copied-late alive at
 * seed 42 once the generator grew; 2000 kills every gated mutant at seeds 42 and 1..5)
 * or 10 s, whichever ends first.
 * @public
 */
export const GATE_BUDGET = { runs: 2000, timeMs: 10_000 } as const;

/** Names of the mutants the gate must kill. @public */
export const GATED: readonly string[] = MUTANTS.filter((m) => m.ungated === undefined).map((m) => m.name);
