// End-to-end certification of the example implementations (issue 6 done-when): the
// TypeScript module and the Python engine pass, the buggy Python copy fails naming CB-1.
import { describe, expect, it } from 'vitest';
import { certifyWith, ROOT } from './helpers.ts';

const SEED = 11;

describe('certify the examples', () => {
  it('the TypeScript module (in-process adapter) is conformant', async () => {
    // A short run: conformance of what it exercised (not every rule), hence allowUnexercised.
    const { result } = await certifyWith({ impl: `${ROOT}examples/ts-engine/engine.ts` }, 60, SEED, { allowUnexercised: true });
    expect(result.counterexamples.map((c) => `${c.kind} ${c.rule}: ${c.msg}`), `seed ${SEED}`).toEqual([]);
    expect(result.verdict).toBe('pass');
    expect(result.rules.find((r) => r.id === 'CB-1')?.verdict).toBe('pass');
  });

  it('the Python engine over the stdio protocol is conformant', async () => {
    const { result } = await certifyWith({ implCmd: `python3 "${ROOT}examples/py-engine/engine.py"` }, 40, SEED, { allowUnexercised: true });
    expect(result.counterexamples.map((c) => `${c.kind} ${c.rule}: ${c.msg}`), `seed ${SEED}`).toEqual([]);
    expect(result.verdict).toBe('pass');
    expect(result.rules.find((r) => r.id === 'CB-1')?.exercised, 'callbacks ran').toBeGreaterThan(0);
  });

  it.each([1])('the buggy Python engine fails CB-1 with a short counterexample (seed %i)', async (seed) => {
    const { result } = await certifyWith({ implCmd: `python3 "${ROOT}examples/py-engine-buggy/engine.py"` }, 30, seed);
    expect(result.verdict, `seed ${seed}`).toBe('fail');
    const cx = result.counterexamples.find((c) => c.rule === 'CB-1');
    expect(cx, `seed ${seed}: ${result.counterexamples.map((c) => c.rule).join(',')}`).toBeDefined();
    expect(cx!.length, cx!.text).toBeLessThanOrEqual(6);
    expect(result.rules.find((r) => r.id === 'CB-1')?.verdict).toBe('fail');
  });
});
