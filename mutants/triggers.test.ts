import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../spec/api/index.ts';
import { createBuiltinEngine } from '../impl/index.ts';
import { createMutant, EXCLUDED_FAULTS, MUTANTS } from '../impl/mutants/index.ts';
import { ALL_FAULTS } from '../impl/faults.ts';
import { loadModel } from '../trace/load-model.ts';
import { replayTrigger } from './trigger.ts';

let model: Model<unknown>;
beforeAll(async () => {
  model = await loadModel();
});

describe('mutant catalogue', () => {
  it('declares at least 35 mutants with unique kebab-case names and at least one rule each', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(35);
    expect(new Set(MUTANTS.map((m) => m.name)).size).toBe(MUTANTS.length);
    for (const m of MUTANTS) {
      expect(m.name, m.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.rules.length, m.name).toBeGreaterThan(0);
      expect(m.trigger.steps.length, m.name).toBeGreaterThan(0);
    }
  });

  it('accounts for every fault point: each is a mutant or excluded with a reason', () => {
    const used = new Set([...MUTANTS.flatMap((m) => m.faults), ...EXCLUDED_FAULTS.map((e) => e.fault)]);
    expect(ALL_FAULTS.filter((f) => !used.has(f))).toEqual([]);
  });

  it('creates mutant:<name> implementations and nothing for unknown names', () => {
    expect(createMutant('cb-hardirq')?.name).toBe('mutant:cb-hardirq');
    expect(createMutant('no-such-mutant')).toBeUndefined();
  });
});

describe('shortest triggers (the known minimum is a checked claim)', () => {
  it.each(MUTANTS.map((m) => [m.name, m] as const))('%s: the trigger makes the model name a declared rule', (_n, m) => {
    const v = replayTrigger(m, createMutant(m.name)!, model);
    expect(v?.kind, v?.msg).toBe('violation');
    expect(m.rules).toContain(v?.kind === 'violation' ? v.rule : undefined);
  });

  it.each(MUTANTS.map((m) => [m.name, m] as const))('%s: the built-in engine passes the same trigger', (_n, m) => {
    const v = replayTrigger(m, createBuiltinEngine(), model);
    // An end-of-run client obligation (e.g. DESC-14 for a REUSE descriptor left over) is not an engine fault.
    expect(v === undefined || v.kind === 'undefined', v?.msg).toBe(true);
  });
});
