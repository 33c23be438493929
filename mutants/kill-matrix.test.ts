import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../impl/mutants/index.ts';
import { loadModel } from '../trace/load-model.ts';
import { GATE_BUDGET as BUDGET, GATE_SEED as SEED, GATED } from './gate.ts';
import { runMatrix } from './matrix.ts';
import { matrixTable } from './table.ts';

/** CI gate: certification kills every gated mutant within the gate's seed and budget (gate.ts). */
describe('kill matrix (CI gate)', () => {
  it(`certify kills every gated mutant (seed ${SEED}, ${BUDGET.runs} runs / ${BUDGET.timeMs} ms each)`, async () => {
    const model = await loadModel();
    const m = runMatrix({ model, seed: SEED, ...BUDGET, baseline: false, only: GATED });
    const survivors = m.rows.filter((r) => !r.certify.killed).map((r) => `${r.mutant} (reported ${r.certify.rule ?? r.certify.kind ?? 'nothing'})`);
    expect(survivors, `seed ${SEED}; survivors:\n${survivors.join('\n')}\n\n${matrixTable(m)}`).toEqual([]);
  }, 120_000);

  it('every ungated mutant gives a reason, and the gate still covers all but a few', () => {
    const ungated = MUTANTS.filter((m) => m.ungated !== undefined);
    for (const m of ungated) expect(m.ungated!.length, m.name).toBeGreaterThan(20);
    expect(GATED.length).toBeGreaterThanOrEqual(35);
  });
});
