import { describe, expect, it } from 'vitest';
import { loadModel } from '../trace/load-model.ts';
import { runMatrix } from './matrix.ts';
import { matrixTable } from './table.ts';

/** CI gate: certification kills every mutant within this seed and budget. */
const SEED = 42;
const BUDGET = { runs: 1000, timeMs: 10_000 };

describe('kill matrix (CI gate)', () => {
  it(`certify kills every mutant (seed ${SEED}, ${BUDGET.runs} runs / ${BUDGET.timeMs} ms each)`, async () => {
    const model = await loadModel();
    const m = runMatrix({ model, seed: SEED, ...BUDGET, baseline: false });
    const survivors = m.rows.filter((r) => !r.certify.killed).map((r) => `${r.mutant} (reported ${r.certify.rule ?? r.certify.kind ?? 'nothing'})`);
    expect(survivors, `seed ${SEED}; survivors:\n${survivors.join('\n')}\n\n${matrixTable(m)}`).toEqual([]);
  }, 120_000);
});
