import { describe, expect, it } from 'vitest';
import { endMappings } from '../model/end-mappings.ts';
import { SCENARIOS } from '../model/scenarios.ts';
import { config, runTrace } from '../model/trace-builder.ts';
import { CASES_A } from './cases-a.ts';
import { CASES_B } from './cases-b.ts';
import { CHECKED_RULES } from './registry.ts';

const CASES = [...CASES_A, ...CASES_B];

describe('every checked rule has a legal and a breaking trace', () => {
  it('the table covers exactly CHECKED_RULES', () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(CHECKED_RULES.keys()));
    expect(CHECKED_RULES.size).toBeGreaterThanOrEqual(121);
  });

  it.each(Object.entries(SCENARIOS))('legal scenario %s is accepted', (_name, sc) => {
    const r = runTrace(sc.cfg, sc.trace);
    expect(r.verdicts).toEqual([]);
  });

  it.each(CASES.map((c) => [c.rule, c] as const))('%s: the breaking trace is rejected with that rule', (rule, c) => {
    expect(runTrace(SCENARIOS[c.legal].cfg, SCENARIOS[c.legal].trace).verdicts).toEqual([]);
    const r = runTrace(c.cfg ?? config(), c.trace);
    // An advisory case is judged by its first verdict; any other by its first failing one (advisories may precede it);
    // a program-end case (DATA-9) by the program's end obligations.
    const v = (c.kind === 'advisory' ? r.verdicts[0] : r.verdicts.find((x) => x.kind !== 'advisory'))
      ?? (c.programEnd ? endMappings(r.state, c.trace.length).verdict : undefined);
    expect(v, `no verdict for ${rule}`).toBeDefined();
    expect(v && 'rule' in v ? `${v.kind} ${v.rule}` : JSON.stringify(v)).toBe(`${c.kind} ${rule}`);
    expect(v && 'msg' in v ? v.msg.startsWith(`${rule}: `) : false).toBe(true);
  });
});
