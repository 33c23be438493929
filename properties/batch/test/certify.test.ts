// Batch certification in-process (the engine side of batch/1 without the pipe): the
// built-in engine passes what the programs reach, and what they do not reach is reported
// not exercised (inconclusive), never passed.
import { describe, expect, it } from 'vitest';
import { resolveImplementation } from '../../../adapters/resolve.ts';
import { loadModel } from '../../../trace/load-model.ts';
import { batchCertify } from '../certify.ts';
import { checkLegality } from '../../../kernel/gen/legality.ts';
import { batchCases, batchUnfit } from '../programs.ts';
import { inProcessTarget } from '../target.ts';

const SEED = 3;
const model = await loadModel();

describe('batch certify, in-process', () => {
  it(`the built-in engine: no counterexample; unreached rules not exercised (seed ${SEED}, 40 programs)`, async () => {
    const impl = await resolveImplementation({ impl: 'builtin' });
    const out = await batchCertify({ model, target: inProcessTarget(impl), seed: SEED, runs: 40, version: 'test' });
    const r = out.result;
    expect(r.counterexamples).toEqual([]);
    expect(r.stats.sequences).toBe(40);
    expect(r.verdict).toBe('inconclusive');
    const verdict = (id: string) => r.rules.find((x) => x.id === id)?.verdict;
    // slave_sg programs: cyclic and metadata rules are never reached.
    expect(verdict('CYC-1')).toBe('not_exercised');
    expect(verdict('META-1')).toBe('not_exercised');
    expect(verdict('CB-1')).toBe('pass');
    expect(r.rules.filter((x) => x.verdict === 'pass').every((x) => x.exercised > 0)).toBe(true);
    const accepted = await batchCertify({ model, target: inProcessTarget(impl), seed: SEED, runs: 40, version: 'test', allowUnexercised: true });
    expect(accepted.result.verdict).toBe('pass');
  });

  // Seed 1: of seeds 1..10 at 80 programs (shrinking off), seeds 1 2 3 4 9 find it; 40 programs at seed 1 do.
  it('a sequel re-requests the channels: state kept across release is caught (mutant:config-survives-release, CH-10, seed 1)', async () => {
    const impl = await resolveImplementation({ impl: 'mutant:config-survives-release' });
    const out = await batchCertify({ model, target: inProcessTarget(impl), seed: 1, runs: 40, version: 'test', shrinkRounds: 2 });
    expect(out.result.counterexamples.map((c) => `${c.kind} ${c.rule}`)).toEqual(['violation CH-10']);
  });

  it('a seed draws the same programs and configurations', () => {
    const p = { slaveSg: true, dmaVec: false, cyclic: false, interleave: false, repeat: false, pause: false, resume: false, terminate: true, synchronize: true, reuse: false, metadata: false, callbacks: true, multiChannel: false, cookieInit: true, configurableCaps: true };
    expect(batchCases(p, SEED, 5)).toEqual(batchCases(p, SEED, 5));
    expect(batchCases(p, SEED, 3, 2)).toEqual(batchCases(p, SEED, 5).slice(2));
    // Fitted to the profile: one channel without multiChannel (a sequel requests it again), no REUSE without reuse.
    const cases = batchCases(p, SEED, 20);
    const requests = (c: (typeof cases)[number]) => c.program.steps.flatMap((s) => ('do' in s && s.do.op === 'request_chan' ? [s.do.name] : []));
    expect(cases.some((c) => requests(c).length === 2)).toBe(true);
    for (const c of cases) {
      expect(new Set(requests(c))).toEqual(new Set(['c0']));
      expect(checkLegality(c.program)).toBeUndefined();
      expect(c.program.steps.some((s) => 'do' in s && s.do.op === 'set_reuse')).toBe(false);
      expect(c.config.caps.descriptorReuse).toBe(false);
    }
  });

  it('names what a profile lacks for the program generator', () => {
    const p = { slaveSg: true, dmaVec: false, cyclic: true, interleave: false, repeat: false, pause: false, resume: false, terminate: true, synchronize: false, reuse: false, metadata: false, callbacks: false, multiChannel: false, cookieInit: true, configurableCaps: false };
    expect(batchUnfit(p)).toBe('the program generator needs synchronize, callbacks');
    expect(batchUnfit({ ...p, synchronize: true, callbacks: true })).toBeUndefined();
  });
});
