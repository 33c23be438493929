// `certify --impl-cmd "dmacheck serve"` gives the same per-rule verdicts and exercised
// counts as the in-process built-in engine for the same seed (issue 6, item 4).
import { describe, expect, it } from 'vitest';
import { BIN, certifyWith, nodeCmd } from './helpers.ts';

const SEED = 5;
const RUNS = 40;

describe('serve vs in-process', () => {
  it(`same verdict table over stdio as in-process (seed ${SEED}, ${RUNS} runs)`, async () => {
    const local = await certifyWith({ impl: 'builtin' }, RUNS, SEED, { allowUnexercised: true });
    const served = await certifyWith({ implCmd: nodeCmd(BIN, 'serve'), timeoutMs: 10_000 }, RUNS, SEED, { allowUnexercised: true });
    const table = (o: typeof local) => o.result.rules.map((r) => `${r.id} ${r.verdict} ${r.exercised}`);
    expect(served.result.implementation).toEqual(local.result.implementation);
    expect(table(served)).toEqual(table(local));
    expect(served.result.stats.commands).toBe(local.result.stats.commands);
    expect(served.result.verdict).toBe('pass');
    expect(local.result.coverage.rulesExercised).toBeGreaterThan(50);
  });
});
