import { describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../impl/index.ts';
import { checkLockstep } from './check.ts';
import { replaySteps } from './lockstep/replay.ts';
import type { Step } from './lockstep/step.ts';
import { explain, model, runs, SEED } from './test/harness.ts';

describe('a deliberately broken engine is caught', () => {
  it('callbacks from hard IRQ (fault cb-hardirq): CB-1, shrunk to <= 6 calls/steps, replays', async () => {
    const m = await model();
    const impl = createBuiltinEngine({ faults: new Set(['cb-hardirq']), name: 'mutant:cb-hardirq' });
    const out = checkLockstep({ model: m, impl, mode: 'legal', numRuns: runs(300), seed: SEED });
    const cx = out.counterexample;
    expect(cx?.rule, explain(out, SEED)).toBe('CB-1');
    expect(cx!.length, explain(out, SEED)).toBeLessThanOrEqual(6);
    expect(cx!.c).toContain('dmaengine_submit');
    expect(out.replay).toMatch(/^\{ seed: -?\d+, path: "[0-9:]*", endOnFailure: true \}$/);
    const again = replaySteps(m, impl, cx!.config, 'legal', cx!.commands as readonly Step[]);
    expect(again.failure?.kind === 'violation' ? again.failure.rule : again.failure?.kind).toBe('CB-1');
  });
});
