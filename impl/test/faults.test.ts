import { describe, expect, it } from 'vitest';
import { ALL_FAULTS, type FaultName } from '../faults.ts';
import { runGarbage } from './garbage.ts';
import { Rig } from './rig.ts';
import { SCENARIOS, type Scenario } from './fault-scenarios.ts';

/** The full observable trace of a scenario: returns, events, callbacks. */
function trace(s: Scenario, faults: readonly FaultName[]): string {
  const r = new Rig(s.cfg, faults);
  r.logCalls = true;
  s.run(r);
  return JSON.stringify(r.log);
}

describe('fault-injection seam', () => {
  const clean = new Map(SCENARIOS.map((s) => [s.name, trace(s, [])]));

  it('lists every fault once', () => {
    expect(new Set(ALL_FAULTS).size).toBe(ALL_FAULTS.length);
    expect(ALL_FAULTS.length).toBeGreaterThanOrEqual(35);
  });

  it.each(ALL_FAULTS)('%s changes the observable trace of some scenario', (f) => {
    const changed = SCENARIOS.filter((s) => trace(s, [f]) !== clean.get(s.name)).map((s) => s.name);
    expect(changed.length, `fault ${f} is invisible in every scenario`).toBeGreaterThan(0);
  });

  it.each(ALL_FAULTS)('%s never makes the engine throw on seeded garbage', (f) => {
    for (const seed of [11, 12]) runGarbage(new Rig(undefined, [f]), seed, 300);
  });

  it('no scenario depends on run order (a run is a pure function of its commands)', () => {
    for (const s of SCENARIOS) expect(trace(s, [])).toBe(clean.get(s.name));
  });
});
