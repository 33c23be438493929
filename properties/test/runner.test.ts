import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { checkLockstep } from '../check.ts';
import { decodeReplay, encodeReplay } from '../counterexample/replay-codec.ts';
import { replaySteps } from '../lockstep/replay.ts';
import { fakeEngine, fakeModel } from './fakes.ts';

const SEED = 4242;

describe('lockstep runner on test doubles', () => {
  it('accepts a conforming fake engine', () => {
    const out = checkLockstep({ model: fakeModel(), impl: fakeEngine(), mode: 'legal', numRuns: 60, seed: SEED });
    expect(out.counterexample, out.counterexample?.text).toBeUndefined();
    expect(out.commands).toBeGreaterThan(60);
  });

  it('catches callbacks from hard IRQ (CB-1) with a short shrunk counterexample that replays', () => {
    const impl = fakeEngine('hardirq');
    const out = checkLockstep({ model: fakeModel(), impl, mode: 'legal', numRuns: 200, seed: SEED });
    const cx = out.counterexample;
    expect(cx?.rule, `seed ${SEED}`).toBe('CB-1');
    expect(cx!.length).toBeLessThanOrEqual(12);
    expect(cx!.text).toContain('>>');
    expect(cx!.c).toContain('dmaengine_submit');
    const again = replaySteps(fakeModel(), impl, cx!.config, 'legal', cx!.commands as never);
    expect(again.failure?.kind).toBe('violation');
  });
});

describe('replay codec', () => {
  test.prop([fc.integer({ min: -0x80000000, max: 0xffffffff }), fc.array(fc.nat(1000), { maxLength: 8 })], { seed: SEED })(
    'decode(encode(p)) = p',
    (seed, path) => {
      const p = { seed, path: path.join(':') };
      expect(decodeReplay(encodeReplay(p))).toEqual(p);
    },
  );
  it('rejects other lines with a one-line message', () => {
    const r = decodeReplay('seed 12');
    expect('error' in r && !r.error.includes('\n')).toBe(true);
  });
});
