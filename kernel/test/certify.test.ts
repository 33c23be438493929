/**
 * kernel certify's orchestration with a fake runner and a test model: the RunResult
 * has certify's shape plus the kernel target; guest failures become exit-3 errors with
 * the console tail and keep the results obtained before; a failure after client misuse
 * is that misuse's consequence and the rest runs in a fresh boot.
 */
import { describe, expect, it } from 'vitest';
import { kernelCertifyExit, parseKernelCertifyArgs, SETUP_MISSING } from '../../cli/commands/kernel.ts';
import { EXIT } from '../../cli/exit-codes.ts';
import { runResultSchema } from '../../reports/schema/result-schema.ts';
import type { ClientProgram } from '../../spec/api/program.ts';
import { runPrograms } from '../certify/batches.ts';
import { kernelCertify } from '../certify/certify.ts';
import { generatePrograms } from '../gen/generate.ts';
import { misusePrograms } from '../gen/misuse.ts';
import { UNSUPPORTED } from '../gen/profile.ts';
import { FakeRunner, TEST_ENV, testModel } from './fake-runner.ts';

const base = { env: TEST_ENV, model: testModel, seed: 5, version: 'test' };
const withStatusQuery = (p: ClientProgram): ClientProgram => ({ ...p, steps: [...p.steps, { do: { op: 'is_tx_complete', chan: 0, cookie: 1 } }] });

describe('kernelCertify', () => {
  it('judges every program in as few boots as the batch size allows; the report names the kernel', async () => {
    const runner = new FakeRunner();
    const out = await kernelCertify({ ...base, runner, runs: 25, batchSize: 10 });
    expect(runner.batches.map((b) => b.length)).toEqual([10, 10, 5]);
    const r = out.result;
    expect(runResultSchema.safeParse(r).success).toBe(true);
    expect(r.verdict).toBe('pass');
    expect(r.stats.sequences).toBe(25);
    expect(r.target).toMatchObject({ release: '6.1.0-99-arm64', machine: 'raspi3b', driver: 'bcm2835-dma', boots: 3, notSupported: UNSUPPORTED });
    expect(r.rules.find((v) => v.id === 'CH-1')?.verdict).toBe('pass');
    expect(r.rules.find((v) => v.id === 'PAUSE-2')?.verdict).toBe('not_supported');
    expect(r.rules.find((v) => v.id === 'CYC-1')?.verdict).toBe('not_supported');
    expect(kernelCertifyExit(out)).toBe(EXIT.ok);
  });

  it('a time budget adds boots while time is left; the misuse programs still get theirs', async () => {
    const runner = new FakeRunner();
    const out = await kernelCertify({ ...base, runner, timeMs: 1, batchSize: 5, misuse: 'touch-after-submit' });
    expect(runner.batches.map((b) => b.length)).toEqual([5, 1]);
    expect(runner.batches[1]).toEqual(['misuse-touch-after-submit']);
    expect(out.result.budget).toEqual({ timeMs: 1 });
    expect(runner.batches[0]![0]).toBe('gen-5-0');
  });

  it('keeps what ran before a guest failure and reports it as an implementation error (exit 3)', async () => {
    const victim = generatePrograms(5, 8)[6]!.name;
    const runner = new FakeRunner(new Map([[victim, 'oops']]));
    const out = await kernelCertify({ ...base, runner, runs: 8 });
    expect(out.result.implError).toMatchObject({ what: 'crash', msg: 'guest oops: injected oops' });
    expect(out.result.implError?.stderrTail.join('\n')).toContain('Oops');
    expect(out.result.partial).toBe(true);
    expect(out.result.stats.sequences).toBe(7);
    expect(kernelCertifyExit(out)).toBe(EXIT.implError);
  });

  it('misuse programs that the model does not judge by their rule make the run an internal error (exit 4)', async () => {
    // The test model knows none of the misuse rules: detection must fail loudly, never pass.
    const out = await kernelCertify({ ...base, runner: new FakeRunner(), runs: 3, misuse: 'all' });
    expect(out.misuse.map((m) => m.detected)).toEqual(misusePrograms('all').map(() => false));
    expect(kernelCertifyExit(out)).toBe(EXIT.internal);
  });
});

describe('interruption', () => {
  it('Ctrl-C during a boot: no further boot, the runs so far are reported as partial', async () => {
    const ac = new AbortController();
    const inner = new FakeRunner();
    const runner = { findKernelEnv: () => TEST_ENV, runBatch: async (ps: readonly ClientProgram[]) => { ac.abort(); return inner.runBatch(ps); } };
    const out = await kernelCertify({ ...base, runner, runs: 25, batchSize: 10, signal: ac.signal });
    expect(inner.batches).toHaveLength(1);
    expect(out.interrupted).toBe(true);
    expect(out.result.partial).toBe(true);
    expect(out.result.stats.sequences).toBe(10);
  });
});

describe('runPrograms', () => {
  it('attributes a guest failure after client misuse to the misuse and runs the rest in a fresh boot', async () => {
    const [a, b, c] = generatePrograms(9, 3);
    const misuse: ClientProgram = { ...b!, name: 'misuse', steps: [...b!.steps.slice(0, 1), { do: { op: 'terminate_all', chan: 0 } }, ...b!.steps.slice(1)] };
    const runner = new FakeRunner(new Map([['misuse', 'hang']]));
    const out = await runPrograms([a!, misuse, c!], { runner, model: testModel, batchSize: 10 });
    expect(runner.batches).toEqual([[a!.name, 'misuse', c!.name], [c!.name]]);
    expect(out.failure).toBeUndefined();
    expect(out.misuseFailures).toEqual([{ program: 'misuse', failure: expect.objectContaining({ kind: 'hang' }) }]);
    expect(out.judged.map((j) => j.program.name)).toEqual([a!.name, 'misuse', c!.name]);
  });

  it('stops at a guest failure that no misuse explains', async () => {
    const [a, b, c] = generatePrograms(9, 3);
    const runner = new FakeRunner(new Map([[b!.name, 'agent']]));
    const out = await runPrograms([a!, b!, c!], { runner, model: testModel, batchSize: 10 });
    expect(out.failure?.kind).toBe('agent');
    expect(runner.batches.length).toBe(1);
  });
});

describe('violations', () => {
  it('a failing program is shrunk in the guest and reported with its rule (exit 1)', async () => {
    const programs = generatePrograms(5, 4);
    const failing = withStatusQuery(programs[2]!);
    const runner = {
      ...new FakeRunner(),
      findKernelEnv: () => TEST_ENV,
      runBatch: (ps: readonly ClientProgram[]) => new FakeRunner().runBatch(ps.map((p) => (p.name === failing.name ? failing : p))),
    };
    const out = await kernelCertify({ ...base, runner, runs: 4, shrinkRounds: 50 });
    expect(out.result.counterexamples.map((c) => c.rule)).toEqual(['STAT-1']);
    expect(out.cases[0]!.original.name).toBe(failing.name);
    expect(out.cases[0]!.program.steps.length).toBeLessThan(failing.steps.length);
    expect(out.result.rules.find((v) => v.id === 'STAT-1')?.verdict).toBe('fail');
    expect(kernelCertifyExit(out)).toBe(EXIT.violations);
  });
});

describe('kernel certify flags', () => {
  const raw = { machine: 'raspi3b', cpus: '1', format: 'json', cxDir: 'x' };
  it('accepts the defaults and rejects what the target cannot do', () => {
    expect(parseKernelCertifyArgs(raw)).toEqual({ seed: 42, formats: [] });
    expect(parseKernelCertifyArgs({ ...raw, runs: '5', time: '2m', misuse: 'all', seed: '7' })).toEqual({ runs: 5, timeMs: 120_000, seed: 7, misuse: 'all', formats: [] });
    expect(() => parseKernelCertifyArgs({ ...raw, cpus: '2' })).toThrow(/only 1 CPU/);
    expect(() => parseKernelCertifyArgs({ ...raw, machine: 'virt' })).toThrow(/only raspi3b/);
    expect(() => parseKernelCertifyArgs({ ...raw, misuse: 'nope' })).toThrow(/--misuse nope/);
    expect(SETUP_MISSING).toContain('npx dmacheck kernel setup');
  });
});
