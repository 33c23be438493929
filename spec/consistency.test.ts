import { describe, expect, it } from 'vitest';
import { CATALOGUE, ruleById } from './catalogue/index.ts';
import { CHECKED_RULES } from './rules/registry.ts';
import { ADVISORY_RULES } from './rules/severity.ts';

/** The catalogue (data) and the model's registry of checked rules say the same thing. */
describe('catalogue and registry agree', () => {
  it('every rule the catalogue checks by model, invariant or end is registered with that kind', () => {
    const wrong = CATALOGUE.filter((r) => r.check.kind !== 'documented-only' && CHECKED_RULES.get(r.id) !== r.check.kind)
      .map((r) => `${r.id}: catalogue ${r.check.kind}, registry ${CHECKED_RULES.get(r.id) ?? 'absent'}`);
    expect(wrong).toEqual([]);
  });
  it('every registered rule is in the catalogue with the same kind', () => {
    const wrong = [...CHECKED_RULES].filter(([id, kind]) => ruleById(id)?.check.kind !== kind)
      .map(([id, kind]) => `${id}: registry ${kind}, catalogue ${ruleById(id)?.check.kind ?? 'absent'}`);
    expect(wrong).toEqual([]);
  });
  it('no documented-only rule is registered', () => {
    expect(CATALOGUE.filter((r) => r.check.kind === 'documented-only' && CHECKED_RULES.has(r.id)).map((r) => r.id)).toEqual([]);
  });
  it('at least 90% of the catalogue is checked', () => {
    expect(CHECKED_RULES.size / CATALOGUE.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('catalogue severities and the model agree', () => {
  it('the advisory rules the model uses are exactly the catalogue advisory rules', () => {
    const catalogue = CATALOGUE.filter((r) => r.severity === 'advisory').map((r) => r.id).sort();
    expect([...ADVISORY_RULES].sort()).toEqual(catalogue);
  });
});
