// A hanging, crashing or garbling implementation ends certification with a named
// implementation error and the run so far, and its process is reaped; an in-process
// implementation that throws is an ordinary (shrunk) impl_error counterexample.
import { describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../../impl/index.ts';
import type { ClientCall, Ctx, Implementation, Ret } from '../../spec/api/index.ts';
import { loadModel } from '../../trace/load-model.ts';
import { certify } from '../certify/certify.ts';
import { alive, certifyWith, nodeCmd, ROOT } from './helpers.ts';

const hostile = (mode: string) => nodeCmd(`${ROOT}adapters/test/fixtures/hostile.mjs`, mode);

describe('implementation errors end certify with a named verdict', () => {
  it.each([
    ['hang', 'timeout'],
    ['crash', 'crash'],
    ['exit', 'exit'],
    ['garbage', 'bad_json'],
    ['wrong-id', 'wrong_id'],
    ['error', 'throw'],
    ['callback-hang', 'timeout'],
  ])('%s → %s', async (mode, kind) => {
    const { result, adapterError } = await certifyWith({ implCmd: hostile(mode), timeoutMs: 300 }, 30, 1);
    expect(result.implError?.what).toBe(kind);
    expect(adapterError?.kind).toBe(kind);
    expect(result.verdict).toBe('error');
    expect(result.partial).toBe(true);
    // One run, not shrunk: the counterexample is the run so far.
    expect(result.stats.sequences).toBe(1);
    // (callback-hang: the model already rejects the stray callback before the harness times out)
    expect(result.counterexamples.at(-1)?.kind).toBe(mode === 'callback-hang' ? 'violation' : 'impl_error');
    const pid = Number(/pid=(\d+)/.exec(result.implError?.stderrTail.join('\n') ?? '')?.[1]);
    expect(pid, result.implError?.stderrTail.join('\n')).toBeGreaterThan(0);
    expect(alive(pid)).toBe(false);
  });

  it('an in-process implementation that throws is shrunk like any failure', async () => {
    const inner = createBuiltinEngine();
    const throwing: Implementation = {
      name: 'throws-on-tx-status', profile: inner.profile,
      reset: (cfg, hooks) => inner.reset(cfg, hooks),
      call: (c: ClientCall, ctx: Ctx): Ret => {
        if (c.op === 'tx_status') throw new Error('boom');
        return inner.call(c, ctx);
      },
      env: (s) => inner.env(s),
    };
    const { result, adapterError } = await certify({ model: await loadModel(), impl: throwing, seed: 3, runs: 40, version: 'test' });
    expect(adapterError).toBeUndefined();
    expect(result.implError?.what).toBe('throw');
    const cx = result.counterexamples.find((c) => c.kind === 'impl_error');
    expect(cx?.msg).toContain('tx_status threw: boom');
    expect(cx!.length, cx!.text).toBeLessThanOrEqual(3);
  });
});
