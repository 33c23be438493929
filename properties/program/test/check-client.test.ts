import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../../../impl/index.ts';
import type { ClientProgram, Model, TraceEntry } from '../../../spec/api/index.ts';
import { parseProgram } from '../../../spec/api/program-schema.ts';
import { TraceEntrySchema } from '../../../spec/api/schema.ts';
import { ruleById } from '../../../spec/catalogue/index.ts';
import { loadModel } from '../../../trace/load-model.ts';
import { BIN } from '../../e2e/helpers.ts';
import { configFor, DEFAULT_CHOICE } from '../engine-choices.ts';
import { explore } from '../explore.ts';
import { outcomeOf } from '../report.ts';
import { runProgram } from '../run.ts';
import { programProblem } from '../validate.ts';

const DIR = new URL('./fixtures/', import.meta.url).pathname;
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const load = (f: string): ClientProgram => parseProgram(JSON.parse(readFileSync(join(DIR, f), 'utf8')));

let model: Model<unknown>;
beforeAll(async () => { model = await loadModel(); });

const check = (p: ClientProgram, seed: number, runs = 40) => explore({ model, impl: createBuiltinEngine(), program: p, runs, seed });

describe('client programs: schema', () => {
  it.each(FIXTURES)('%s round-trips through JSON unchanged', (f) => {
    const p = load(f);
    expect(parseProgram(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it('accepts every vocabulary addition in a trace entry and keeps it as written', () => {
    const calls: TraceEntry[] = [
      { k: 'call', call: { op: 'request_channel', mask: 'memcpy' }, ctx: 'process' },
      { k: 'call', call: { op: 'prep_memcpy', chan: 0, desc: 1, dst: { buf: 2, offset: 0 }, src: { buf: 1, offset: 8 }, len: 64, flags: 3 }, ctx: 'process' },
      { k: 'call', call: { op: 'periph_enable', chan: 0 }, ctx: 'process' },
      { k: 'call', call: { op: 'periph_teardown', chan: 0, discard: true }, ctx: 'process' },
      { k: 'call', call: { op: 'unmap_buf', buf: 1, dev: 'client' }, ctx: 'process' },
      { k: 'call', call: { op: 'give_back', buf: 1 }, ctx: 'process' },
      { k: 'call', call: { op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 1, dstAddrWidth: 1, srcMaxburst: 1, dstMaxburst: 1, slaveId: 7 } }, ctx: 'process' },
      { k: 'call', call: { op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'seq', actions: [{ kind: 'tx_status' }, { kind: 'unmap', buf: 1 }, { kind: 'busy_wait_periph' }] } }, ctx: 'process' },
    ];
    for (const e of calls) expect(TraceEntrySchema.parse(JSON.parse(JSON.stringify(e)))).toEqual(e);
    expect(TraceEntrySchema.safeParse({ k: 'call', call: { op: 'request_channel', mask: 'dma' }, ctx: 'process' }).success).toBe(false);
  });
});

describe('client programs: ids introduced before use', () => {
  const prog = (steps: ClientProgram['steps']): ClientProgram => ({ format: 'dmacheck-program/1', name: 'p', steps });
  it.each(FIXTURES)('%s names only ids it introduced', (f) => {
    expect(programProblem(load(f))).toBeUndefined();
  });
  it('names the first id used before its request, alloc or prep, also inside callbacks and timeout paths', () => {
    const req = { do: { op: 'request_chan', name: 'a' } } as const;
    expect(programProblem(prog([req, { do: { op: 'map_buf', chan: 0, buf: 3, dev: 'dma' } }]))).toBe('steps.1.do.buf: buffer 3 is not allocated before this step');
    expect(programProblem(prog([req, { do: { op: 'submit', desc: 2 } }]))).toBe('steps.1.do.desc: descriptor 2 is not prepared before this step');
    expect(programProblem(prog([{ sleep: 1 }, { wait: 'callback', desc: 1, timeoutUs: 5 }]))).toBe('steps.1.desc: descriptor 1 is not prepared before this wait');
    const alloc = { do: { op: 'alloc_buf', buf: 1, len: 8 } } as const;
    const prep = { do: { op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'MEM_TO_DEV', flags: 3 } } as const;
    expect(programProblem(prog([req, alloc, prep, { do: { op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'seq', actions: [{ kind: 'unmap', buf: 9 }] } } }])))
      .toBe('steps.3.do.action.actions.0.buf: buffer 9 is not allocated before this step');
    expect(programProblem(prog([req, alloc, prep, { wait: 'callback', desc: 1, timeoutUs: 5, onTimeout: [{ do: { op: 'terminate_sync', chan: 1 } }] }])))
      .toBe('steps.3.onTimeout.0.do.chan: channel 1 is not requested before this step (1 request(s) so far)');
    expect(programProblem(prog([req, alloc, prep, prep]))).toBe('steps.3.do.desc: descriptor 1 is prepared twice (ids are never reused)');
  });
});

describe('check-client: verdicts of the fixtures', () => {
  const expected = (p: ClientProgram): { outcome: string; rule?: string } => {
    if (p.expect?.verdict === 'conformant') return { outcome: 'conformant' };
    const rule = p.expect?.rules?.[0];
    return rule === undefined ? { outcome: 'client' } : { outcome: 'client', rule };
  };
  it.each(FIXTURES)('%s gets its expected verdict', (f) => {
    const p = load(f);
    const r = check(p, 20261206);
    const v = r.failure?.verdict;
    const want = expected(p);
    expect(outcomeOf(v), v === undefined ? 'conformant' : JSON.stringify(v)).toBe(want.outcome);
    if (want.rule !== undefined) expect(v?.kind === 'undefined' ? v.rule : undefined).toBe(want.rule);
    if (v === undefined) expect(r.explored.runs).toBe(40);
  });

  it('finds the seed-000 teardown in the default schedule, and the fixed form explores that window without a verdict', () => {
    const bad = check(load('tango-teardown-at-completion.json'), 5);
    expect(bad.failure?.schedule).toEqual([]);
    expect(bad.failure?.run.windows.callbackBeforeDrain).toBe(true);
    const good = check(load('tango-wait-for-peripheral.json'), 5, 60);
    expect(good.failure).toBeUndefined();
    expect(good.explored.callbackBeforeDrain).toBeGreaterThan(0);
    expect(good.explored.delayedCallback).toBeGreaterThan(0);
    expect(good.explored.timeouts).toBeGreaterThan(0);
  });

  it('finds the mapping leaked on the timeout path only where the wait times out (DATA-9)', () => {
    const r = check(load('rx-timeout-leak.json'), 9);
    expect(r.failure?.verdict).toMatchObject({ kind: 'undefined', rule: 'DATA-9' });
    expect(r.failure?.run.windows.timeout).toBe(true);
  });

  it('runs consecutive steps of one atomic ctx as one section: no interrupt is delivered between them', () => {
    const base = load('rx-from-irq-handler.json');
    // Steps 4..7 (prep, set_callback, submit, issue_pending) are one hard-IRQ handler; then the
    // atomic tx_status after the wait. Make the queued work end with an atomic status read.
    const group = [...base.steps.slice(0, 8), { ...base.steps[9]!, do: { op: 'tx_status', chan: 0, desc: 1, withState: true } }, ...base.steps.slice(14)] as ClientProgram['steps'];
    const asProcess = group.map((st) => ('do' in st ? { do: st.do } : st));
    const envBetween = (steps: ClientProgram['steps']) => {
      const p = { ...base, steps };
      const r = runProgram({ model, impl: createBuiltinEngine(), program: p, config: configFor(p, { ...DEFAULT_CHOICE, bytesPerUnit: 4096 }), schedule: Array(64).fill(1), fastPeripheral: true });
      const issued = r.trace.findIndex((e) => e.k === 'call' && e.call.op === 'issue_pending');
      const status = r.trace.findIndex((e) => e.k === 'call' && e.call.op === 'tx_status');
      return r.trace.slice(issued, status).filter((e) => e.k === 'env').length;
    };
    // The schedule asks for an environment step at every point: only the process-context
    // version has a point between issue_pending and tx_status.
    expect(envBetween(group.map((st) => ('do' in st && st.ctx !== undefined ? { ...st, ctx: 'hardirq' as const } : st)))).toBe(0);
    expect(envBetween(asProcess)).toBeGreaterThan(0);
  });

  it('makes a step with ctx from that context: the trace carries it and the model judges it there (TERM-5)', () => {
    const r = check(load('terminate-sync-under-spinlock.json'), 3);
    expect(r.failure?.verdict).toMatchObject({ kind: 'undefined', rule: 'TERM-5' });
    const ctxOf = (op: string) => r.failure?.run.trace.flatMap((e) => (e.k === 'call' && e.call.op === op ? [e.ctx] : []));
    expect(ctxOf('prep_slave_sg')).toEqual(['hardirq']);
    expect(ctxOf('terminate_sync')).toEqual(['atomic']);
    expect(ctxOf('map_buf')).toEqual(['process']);
  });
});

describe('check-client: determinism', () => {
  it('the same seed explores the same runs and reports the same shortest schedule', () => {
    const p = load('rx-timeout-leak.json');
    const a = check(p, 77, 30);
    const b = check(p, 77, 30);
    expect(b.failure?.schedule).toEqual(a.failure?.schedule);
    expect(b.failure?.choice).toEqual(a.failure?.choice);
    expect(b.failure?.run.trace).toEqual(a.failure?.run.trace);
    expect(b.explored).toEqual(a.explored);
    const c = check(load('8250-rx-residue.json'), 77, 30);
    expect(check(load('8250-rx-residue.json'), 77, 30).explored).toEqual(c.explored);
  });
});

describe('dmacheck check-client on the command line', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'check-client', ...args], { encoding: 'utf8' });
  const tmp = (name: string, text: string): string => { const f = join(tmpdir(), `dmacheck-cc-${process.pid}-${name}`); writeFileSync(f, text); return f; };

  it('exits 2 with one line for a file that is not JSON', () => {
    const r = run(tmp('bad.json', '{nope'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not JSON/);
  });

  it('exits 2 with the JSON path of an unknown op', () => {
    const r = run(tmp('op.json', JSON.stringify({ format: 'dmacheck-program/1', name: 'x', steps: [{ do: { op: 'request_chan', name: 'a' } }, { do: { op: 'frobnicate', chan: 0 } }] })));
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^dmacheck: .*op\.json: not a dmacheck-program\/1: steps\.1\.do\.op: not a known op$/);
  });

  it('exits 2 with the JSON path of a channel no step requested', () => {
    const r = run(tmp('chan.json', JSON.stringify({ format: 'dmacheck-program/1', name: 'x', steps: [{ do: { op: 'request_chan', name: 'a' } }, { do: { op: 'issue_pending', chan: 1 } }] })));
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/chan\.json: bad program: steps\.1\.do\.chan: channel 1 is not requested before this step \(1 request\(s\) so far\)$/);
  });

  it('exits 1 with the numbered trace, the rule and its statement, and the replay line', () => {
    const r = run(join(DIR, 'rx-give-back-before-unmap.json'), '--seed', '3', '--runs', '10');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^undefined DATA-10 at line \d+/m);
    expect(r.stdout).toContain(`DATA-10 (client): ${ruleById('DATA-10')?.statement}`);
    expect(r.stdout).toMatch(/^>> +\d+ +give_back\(b1\)$/m);
    expect(r.stdout).toContain('--seed 3 --runs 10');
  });

  it('exits 4 when the engine breaks an engine rule under a client program', () => {
    const r = run(join(DIR, '8250-rx-residue.json'), '--seed', '1', '--runs', '5', '--impl', 'mutant:data-corrupt');
    expect(r.status).toBe(4);
    expect(r.stdout).toMatch(/^violation DATA-8 at line \d+/m);
    expect(r.stdout).toContain('--impl mutant:data-corrupt');
  });

  it('exits 0 and says what it explored; --json gives the same outcome', () => {
    const r = run(join(DIR, 'memcpy-dmatest.json'), '--seed', '4', '--runs', '10', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { outcome: string; explored: { runs: number } };
    expect(j.outcome).toBe('conformant');
    expect(j.explored.runs).toBe(10);
  });
});

describe('client programs: descriptors a callback chains', () => {
  it('get ids above every id the program names, so a later prep is not a DESC-5 false alarm', () => {
    const cfg = { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 1, dstMaxburst: 1 } as const;
    const prep = (desc: number) => ({ do: { op: 'prep_slave_sg', chan: 0, desc, sgl: [{ buf: 1, offset: 0, len: 16 }], dir: 'MEM_TO_DEV', flags: 3 } } as const);
    const p: ClientProgram = {
      format: 'dmacheck-program/1', name: 'chain-then-prep',
      slaves: [{ name: 'tx', directions: ['MEM_TO_DEV'], fifoDepth: 1 << 16 }],
      steps: [
        { do: { op: 'request_chan', name: 'tx' } }, { do: { op: 'slave_config', chan: 0, cfg } },
        { do: { op: 'alloc_buf', buf: 1, len: 64 } }, { do: { op: 'map_buf', chan: 0, buf: 1, dev: 'dma' } },
        prep(1), { do: { op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'chain', buf: 1, len: 16, dir: 'MEM_TO_DEV' } } },
        { do: { op: 'submit', desc: 1 } }, { do: { op: 'issue_pending', chan: 0 } },
        { wait: 'callback', desc: 1, timeoutUs: 100_000 },
        prep(2), { do: { op: 'submit', desc: 2 } }, { do: { op: 'issue_pending', chan: 0 } },
        { do: { op: 'terminate_sync', chan: 0 } }, { do: { op: 'unmap_buf', buf: 1 } }, { do: { op: 'free_buf', buf: 1 } },
        { do: { op: 'release_channel', chan: 0 } },
      ],
    };
    const r = check(p, 1, 30);
    expect(r.failure?.verdict).toBeUndefined();
  });
});
