import { describe, expect, it } from 'vitest';
import { replaySteps } from '../../properties/lockstep/replay.ts';
import type { Step } from '../../properties/lockstep/step.ts';
import { figures } from '../coverage.ts';
import { signature } from '../shrink.ts';
import { campaign, engine, model } from './helpers.ts';

describe('fuzz campaign', () => {
  it('finds nothing on the built-in engine and reports its coverage (seed 11)', () => {
    const { c, findings } = campaign(engine(), { seed: 11, runs: 40 });
    expect(findings.map((f) => `${f.name}: ${f.file.msg}`), 'seed 11').toEqual([]);
    const f = figures(c.cov, c.exercisable);
    expect(c.sequences).toBe(40);
    expect(f.pairsVisited).toBeGreaterThan(50);
    expect(f.pairsReachable).toBeGreaterThanOrEqual(f.pairsVisited);
    expect(f.rulesExercised).toBeGreaterThan(30);
    expect(f.rulesExercisable).toBeGreaterThan(f.rulesExercised / 2);
  });

  it('finds callbacks from hard IRQ (cb-hardirq), shrinks them, and the file replays the same failure every time (seed 5)', () => {
    const impl = engine('cb-hardirq');
    const { findings } = campaign(impl, { seed: 5, runs: 30, wants: () => true });
    const cb1 = findings.find((f) => f.file.rule === 'CB-1');
    expect(cb1, `seed 5: ${findings.map((f) => f.name).join(', ')}`).toBeDefined();
    const file = cb1!.file;
    expect(file.length).toBeLessThanOrEqual(8);
    expect(file.text).toContain('>>');
    for (let i = 0; i < 5; i++) {
      const r = replaySteps(model, impl, file.config, file.mode, file.commands as Step[]);
      expect(r.failure && signature(r.failure)).toBe('violation:CB-1');
    }
  });

  it('with the same seed and budget runs the same sequences', () => {
    const a = campaign(engine(), { seed: 3, runs: 8, digest: true }).c;
    const b = campaign(engine(), { seed: 3, runs: 8, digest: true }).c;
    const d = campaign(engine(), { seed: 4, runs: 8, digest: true }).c;
    expect(a.digest).toBe(b.digest);
    expect(a.commands).toBe(b.commands);
    expect(d.digest).not.toBe(a.digest);
  });
});
