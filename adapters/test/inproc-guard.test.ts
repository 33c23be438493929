import { describe, expect, it } from 'vitest';
import type { Implementation } from '../../spec/api/implementation.ts';
import type { ClientCall } from '../../spec/api/vocabulary.ts';
import { ImplError } from '../errors.ts';
import { bounded, GuardedImplementation } from '../inproc/guard.ts';
import { createBuiltinEngine } from '../../impl/index.ts';
import { TEST_CONFIG } from './test-config.ts';

// Issue 13 item 13: an in-process engine that loops for ever is stopped by the
// per-request timeout and named; one that is merely slow is not.
const TIMEOUT = 200;
const REQ: ClientCall = { op: 'request_chan', name: 'tx' };
const noHooks = { event: () => {}, callback: () => {} };

function spin(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) { /* busy */ }
}

/** The built-in engine with `onCall` run before each call (hooks kept for callbacks). */
function engine(onCall: (c: ClientCall, hooks: { callback: () => void }) => void): () => Implementation {
  return () => {
    const inner = createBuiltinEngine();
    let hooks = noHooks as { event: (e: never) => void; callback: (i: never) => void };
    return {
      name: 'test', profile: inner.profile,
      reset(cfg, h) { hooks = h as typeof hooks; inner.reset(cfg, h); },
      call(c, ctx) { onCall(c, { callback: () => hooks.callback({ chan: 0, desc: 0, cookie: 1, ctx: 'tasklet' } as never) }); return inner.call(c, ctx); },
      env(s) { inner.env(s); },
    };
  };
}

function caught(f: () => unknown): ImplError {
  try {
    f();
  } catch (e) {
    if (e instanceof ImplError) return e;
    throw e;
  }
  throw new Error('no ImplError');
}

describe('an in-process engine under the per-request timeout', () => {
  it('names the call that never returns, and refuses further calls until a reset', () => {
    const g = new GuardedImplementation(engine((c) => { if (c.op === 'request_chan') for (;;) { /* hangs */ } }), TIMEOUT, 'x.ts');
    g.reset(TEST_CONFIG, noHooks);
    const e = caught(() => g.call(REQ, 'process'));
    expect(e.kind).toBe('timeout');
    expect(e.detail).toBe(`call request_chan did not return within ${TIMEOUT} ms`);
    expect(caught(() => g.env({ op: 'advance', units: 1 }))).toBe(e);
  });

  it('starts a fresh engine from the factory at the next reset', () => {
    let made = 0;
    const g = new GuardedImplementation(() => { made++; return engine((c) => { if (made === 1 && c.op === 'request_chan') for (;;) { /* hangs */ } })(); }, TIMEOUT, 'x.ts');
    g.reset(TEST_CONFIG, noHooks);
    caught(() => g.call(REQ, 'process'));
    g.reset(TEST_CONFIG, noHooks);
    expect(g.call(REQ, 'process')).toEqual({ t: 'ok' });
    expect(made).toBe(2);
  });

  it('names a factory that never returns', () => {
    const e = caught(() => new GuardedImplementation(() => { for (;;) { /* hangs */ } }, TIMEOUT, './loops.ts'));
    expect(e.detail).toBe(`factory of ./loops.ts did not return within ${TIMEOUT} ms`);
  });

  it('names the outer request and where it was stuck when a nested call loops', () => {
    let g: GuardedImplementation | undefined;
    const hooks = {
      event: () => {},
      // The harness's callback makes a nested call, which hangs.
      callback: () => { g!.call({ op: 'issue_pending', chan: 0 }, 'callback'); },
    };
    g = new GuardedImplementation(engine((c, h) => {
      if (c.op === 'request_chan') h.callback();
      if (c.op === 'issue_pending') for (;;) { /* hangs */ }
    }), TIMEOUT, 'x.ts');
    g.reset(TEST_CONFIG, hooks);
    expect(caught(() => g.call(REQ, 'process')).detail)
      .toBe(`call request_chan did not return within ${TIMEOUT} ms (stuck in call issue_pending on chan 0 (from a callback))`);
  });

  it('bounds a whole run at once after a fast run, and names the call that hung in it', () => {
    let hang = false;
    const g = new GuardedImplementation(engine((c) => { if (hang && c.op === 'request_chan') for (;;) { /* hangs */ } }), TIMEOUT, 'x.ts');
    const run = () => { g.reset(TEST_CONFIG, noHooks); g.call(REQ, 'process'); };
    expect(bounded(g, run)).toBeUndefined(); // fast: the next run is bounded as a whole
    hang = true;
    const e = bounded(g, run);
    expect(e?.kind).toBe('timeout');
    expect(e?.detail).toBe(`call request_chan did not return within ${TIMEOUT} ms`);
  });

  it('lets a slow engine finish when each request is within the timeout', () => {
    const g = new GuardedImplementation(engine(() => spin(10)), TIMEOUT, 'x.ts');
    // 40 calls of 10 ms: each well within 200 ms, the run (400 ms) not within one request's timeout.
    const run = () => { g.reset(TEST_CONFIG, noHooks); for (let i = 0; i < 40; i++) g.call({ op: 'request_chan', name: 'nope' }, 'process'); };
    expect(bounded(g, run)).toBeUndefined();
    expect(bounded(g, run)).toBeUndefined();
  });

  it('passes the engine\'s own exceptions through', () => {
    const g = new GuardedImplementation(engine(() => { throw new RangeError('boom'); }), TIMEOUT, 'x.ts');
    g.reset(TEST_CONFIG, noHooks);
    expect(() => g.call(REQ, 'process')).toThrow(RangeError);
  });
});
