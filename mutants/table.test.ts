import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../impl/mutants/index.ts';
import { parseBudget } from '../cli/commands/mutants.ts';
import { GATE_BUDGET } from './gate.ts';
import { UsageError } from '../io/errors.ts';
import { median, summarize, type MatrixRow } from './matrix.ts';
import { mutantList } from './table.ts';

const res = (killed: boolean, t: number | null, len: number | null) =>
  ({ killed, rule: killed ? 'CB-1' : null, kind: killed ? ('violation' as const) : null, timeToFailureMs: t, totalMs: 1, shrunkLength: len, sequences: 1 });
const row = (killed: boolean, t: number | null, len: number | null, known: number): MatrixRow =>
  ({ mutant: 'm', bugClass: '§2', expected: ['CB-1'], knownMinimum: known, certify: res(killed, t, len), ratio: killed && len !== null ? len / known : null });

describe('kill-matrix figures', () => {
  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('summary counts kills, times of killed mutants only, and shrink quality', () => {
    const s = summarize([row(true, 10, 4, 4), row(true, 30, 6, 4), row(false, null, null, 3)]);
    expect(s.certify).toEqual({ killed: 2, total: 3, medianMs: 20, maxMs: 30 });
    expect(s.withinMinPlusOne).toBe(1);
    expect(s.medianRatio).toBe(1.25);
    expect(s.maxRatio).toBe(1.5);
  });
});

describe('dmacheck mutants options', () => {
  it('parses --budget RUNS, TIME and RUNS,TIME', () => {
    expect(parseBudget('50')).toEqual({ runs: 50, timeMs: GATE_BUDGET.timeMs });
    // Unset parts default to the gate budget (mutants/gate.ts).
    expect(parseBudget('2s')).toEqual({ runs: GATE_BUDGET.runs, timeMs: 2000 });
    expect(parseBudget('50,500ms')).toEqual({ runs: 50, timeMs: 500 });
  });

  it('rejects bad budgets with a one-line usage error', () => {
    for (const b of ['0', 'x,1s', '1,2,3', '5,']) {
      expect(() => parseBudget(b), b).toThrow(UsageError);
    }
  });

  it('--list shows every mutant with its class and rules, and the excluded faults', () => {
    const text = mutantList(MUTANTS);
    for (const m of MUTANTS) expect(text).toContain(m.name);
    expect(text).toContain('§2');
    expect(text).toContain('status-odd-cookie');
    for (const m of MUTANTS.filter((x) => x.ungated !== undefined)) expect(text).toContain(`${m.name}: ${m.ungated}`);
  });
});
