// The batch extension batch/1 (docs/PROTOCOL.md): negotiation, the trace over the pipe
// equal to the in-process interpreter's, version 1 unchanged beside it, and every way an
// implementation can break a batch named as an implementation error.
import { afterAll, describe, expect, it } from 'vitest';
import { judgeRun, decisive } from '../../kernel/certify/judge.ts';
import { batchCertify } from '../../properties/batch/certify.ts';
import { interpretProgram } from '../../properties/batch/interpret.ts';
import { batchCases } from '../../properties/batch/programs.ts';
import { runCase } from '../../properties/batch/target.ts';
import { resolveImplementation } from '../resolve.ts';
import type { ImplErrorKind } from '../../spec/api/trace.ts';
import { loadModel } from '../../trace/load-model.ts';
import { ImplError } from '../errors.ts';
import { StdioImplementation } from '../stdio/client.ts';
import { TEST_CONFIG } from './test-config.ts';

const BIN = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
const PY = new URL('../../examples/py-engine/engine.py', import.meta.url).pathname;
const HOSTILE = new URL('./fixtures/batch-hostile.mjs', import.meta.url).pathname;
const SEED = 11;
const model = await loadModel();
const serve = (...args: string[]) => new StdioImplementation({ command: process.execPath, args: [BIN, 'serve', ...args], timeoutMs: 10_000 });
const hooks = { event: () => {}, callback: () => {} };
/** The fixture's profile (adapters/test/fixtures/batch-hostile.mjs). */
const PROFILE = {
  slaveSg: true, dmaVec: false, cyclic: false, interleave: false, repeat: false, pause: false, resume: false,
  terminate: true, synchronize: true, reuse: false, metadata: false, callbacks: true, multiChannel: true,
  cookieInit: true, configurableCaps: false,
} as const;

describe('dmacheck serve speaks batch/1', () => {
  const served = serve();
  const plain = serve('--no-batch');
  afterAll(() => { served.dispose(); plain.dispose(); });

  it('advertises the extension in hello, and not with --no-batch', () => {
    expect(served.extensions).toEqual(['batch/1']);
    expect(served.batch).toBe(true);
    expect(plain.extensions).toEqual([]);
    expect(() => plain.runProgram(TEST_CONFIG, batchCases(plain.profile, SEED, 1)[0]!.program)).toThrow(/does not speak batch\/1/);
  });

  it(`returns the same trace as the in-process interpreter, and it checks clean (seed ${SEED}, 5 programs)`, async () => {
    const local = await resolveImplementation({ impl: 'builtin' });
    for (const c of batchCases(served.profile, SEED, 5)) {
      const remote = served.runProgram(c.config, c.program);
      const here = interpretProgram(local, c.config, c.program);
      expect(remote.entries).toEqual(here.entries);
      expect(remote.ended).toBe(true);
      expect(remote.entries.filter((e) => e.k === 'call').length).toBeGreaterThan(10);
      const j = judgeRun(runCase(served, c), model);
      expect(j.ok).toBe(true);
      expect(decisive(j)).toBeUndefined();
    }
  });

  it('still serves version-1 requests after a batch (reset first)', () => {
    served.runProgram(batchCases(served.profile, SEED, 1)[0]!.config, batchCases(served.profile, SEED, 1)[0]!.program);
    served.reset(TEST_CONFIG, hooks);
    expect(served.call({ op: 'request_chan', name: 'tx' }, 'process')).toEqual({ t: 'ok' });
  });
});

describe('the Python example speaks batch/1', () => {
  const py = new StdioImplementation({ command: 'python3', args: [PY], timeoutMs: 10_000 });
  const buggy = new StdioImplementation({ command: 'python3', args: [PY, '--bug', 'cb-hardirq'], timeoutMs: 10_000 });
  const plain = new StdioImplementation({ command: 'python3', args: [PY, '--no-batch'], timeoutMs: 10_000 });
  afterAll(() => { py.dispose(); buggy.dispose(); plain.dispose(); });

  it('advertises it unless --no-batch', () => {
    expect(py.batch).toBe(true);
    expect(plain.batch).toBe(false);
  });

  it(`runs generated programs into traces the model accepts (seed ${SEED}, 8 programs)`, () => {
    for (const c of batchCases(py.profile, SEED, 8)) {
      const j = judgeRun(runCase(py, c), model);
      expect(j.ok).toBe(true);
      if (!j.ok) continue;
      expect(decisive(j)).toBeUndefined();
      expect(j.trace.ended).toBe(true);
      expect(j.trace.entries.filter((e) => e.k === 'cb').length + j.trace.entries.filter((e) => e.k === 'env').length).toBeGreaterThan(0);
    }
  });

  it(`with the injected bug, batch certify finds CB-1 and shrinks the program (seed ${SEED})`, async () => {
    const out = await batchCertify({ model, target: buggy, seed: SEED, runs: 10, version: 'test', shrinkRounds: 3 });
    expect(out.result.verdict).toBe('fail');
    const cx = out.result.counterexamples[0]!;
    expect(cx.kind).toBe('violation');
    expect(cx.rule).toBe('CB-1');
    expect(out.cases[0]!.program.steps.length).toBeLessThan(out.cases[0]!.original.steps.length);
  });
});

describe('a broken batch is a named implementation error', () => {
  const c = batchCases(PROFILE, SEED, 1)[0]!;
  const provoke = (mode: string): ImplError => {
    const impl = new StdioImplementation({ command: process.execPath, args: [HOSTILE, mode], timeoutMs: 30 });
    try {
      impl.runProgram(c.config, c.program);
    } catch (e) {
      if (e instanceof ImplError) return e;
      throw e;
    } finally {
      impl.dispose();
    }
    throw new Error(`mode ${mode} did not fail`);
  };
  const cases: [string, ImplErrorKind, RegExp][] = [
    ['bad-envelope', 'bad_message', /^entry: /],
    ['reject', 'throw', /cannot run this program/],
    ['hang', 'timeout', /no end of batch/],
    ['event', 'bad_message', /event during a batch request/],
    ['no-ended', 'bad_message', /needs `ended`/],
  ];
  it.each(cases)('%s → %s', (mode, kind, msg) => {
    const e = provoke(mode);
    expect(e.kind).toBe(kind);
    expect(e.detail).toMatch(msg);
  });

  // Entries are checked as one trace file (trace/parse.ts), which names the line.
  it.each([
    ['unbalanced', /^malformed trace of program batch-11-0: batch-11-0:2: 'ret' at top level$/],
    ['bad-entry', /^malformed trace of program batch-11-0: batch-11-0:2: call\.op: not a known op$/],
  ])('%s entries end certify with impl_error bad_message, not a stack trace', async (mode, msg) => {
    const impl = new StdioImplementation({ command: process.execPath, args: [HOSTILE, mode], timeoutMs: 2000 });
    try {
      const out = await batchCertify({ model, target: impl, seed: SEED, runs: 3, version: 'test' });
      expect(out.result.verdict).toBe('error');
      expect(out.result.implError?.what).toBe('bad_message');
      expect(out.result.implError?.msg).toMatch(msg);
    } finally {
      impl.dispose();
    }
  });

  it('a legal answer passes through (the fixture itself is sound)', async () => {
    const impl = new StdioImplementation({ command: process.execPath, args: [HOSTILE, 'legal'], timeoutMs: 2000 });
    try {
      const out = await batchCertify({ model, target: impl, seed: SEED, runs: 3, version: 'test', allowUnexercised: true });
      expect(out.result.implError).toBeUndefined();
      expect(out.result.stats.sequences).toBe(3);
    } finally {
      impl.dispose();
    }
  });
});
