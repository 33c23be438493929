/**
 * `npm run bench -- mutants`: the full kill matrix (certify and the plain fast-check
 * baseline, at the CI gate's seed and per-mutant budget, mutants/gate.ts) with its
 * target figures: 100% killed, median time to first failure <= 1 s and max <= 10 s,
 * shrunk length <= known minimum + 1 for >= 90% of mutants. Printed, not asserted.
 * @internal
 */
import { MUTANTS } from '../impl/mutants/index.ts';
import { GATE_BUDGET, GATE_SEED } from '../mutants/gate.ts';
import { runMatrix } from '../mutants/matrix.ts';
import { matrixSummary, matrixTable } from '../mutants/table.ts';
import { loadModel } from '../trace/load-model.ts';

const model = await loadModel();
const started = Date.now();
const m = runMatrix({ model, seed: GATE_SEED, ...GATE_BUDGET });
const s = m.summary;
const killed = s.certify.killed;
const ungated = new Set(MUTANTS.filter((x) => x.ungated !== undefined).map((x) => x.name));
const gatedRows = m.rows.filter((r) => !ungated.has(r.mutant));
const mark = (ok: boolean): string => (ok ? 'met' : 'MISSED');
process.stdout.write(`${matrixTable(m)}\n\n${matrixSummary(m)}\n\n`);
process.stdout.write([
  `targets: 100% killed: ${mark(killed === s.certify.total)} (${killed}/${s.certify.total}; CI-gated ${gatedRows.filter((r) => r.certify.killed).length}/${gatedRows.length})`,
  ...[...ungated].map((n) => `         ungated ${n}: ${m.rows.find((r) => r.mutant === n)?.certify.killed ? 'killed' : 'survived'}`),
  `         median time to first failure <= 1 s: ${mark((s.certify.medianMs ?? Infinity) <= 1000)}; max <= 10 s: ${mark((s.certify.maxMs ?? Infinity) <= 10_000)}`,
  `         shrunk <= known minimum + 1 for >= 90%: ${mark(killed > 0 && s.withinMinPlusOne / killed >= 0.9)}`,
  `whole matrix (both harnesses): ${((Date.now() - started) / 1000).toFixed(1)} s`,
].join('\n'));
process.stdout.write('\n');
