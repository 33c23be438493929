import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 13 item 13: `--timeout` bounds an in-process module (`--impl ./x.ts`) too. A
// module that loops for ever — in a call, its factory, its top-level code, reset, or an
// environment step that ran callbacks — ends every command with exit 3 and one line
// naming what hung; the results obtained before are printed. A slow module passes.
const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/dmacheck.js');
const fixture = join(root, 'adapters/test/fixtures/inproc/hanging.ts');
const TIMEOUT = '300';

function run(hang: string, ...args: string[]) {
  // The bound keeps a broken build from hanging the suite (status null then fails the test).
  return spawnSync(process.execPath, [bin, ...args, '--impl', fixture, '--timeout', TIMEOUT], {
    cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, DMACHECK_TEST_HANG: hang },
  });
}

const cxDir = () => mkdtempSync(join(tmpdir(), 'dmacheck-inproc-'));

function expectNamedHang(r: ReturnType<typeof run>, what: RegExp, kind = /implementation error \(timeout/): void {
  expect(r.status).toBe(3);
  expect(r.stderr).toMatch(kind);
  expect(r.stderr).toMatch(what);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('an in-process module that never returns', () => {
  it('certify: names the prep call, prints the partial results, exit 3', () => {
    const r = run('prep3', 'certify', '--runs', '50', '--seed', '1', '--cx-dir', cxDir());
    expectNamedHang(r, /call prep_\w+ on chan \d did not return within 300 ms/);
    expect(r.stdout).toContain('IMPLEMENTATION ERROR (partial run): hanging:prep3');
  });

  it('certify: a hang in a later run, bounded with the whole run, is named the same way', () => {
    const r = run('prep2000', 'certify', '--runs', '1000', '--seed', '1', '--cx-dir', cxDir());
    expectNamedHang(r, /call prep_\w+ on chan \d did not return within 300 ms/);
    expect(r.stdout).toContain('IMPLEMENTATION ERROR (partial run): hanging:prep2000');
  });

  it('fuzz: exit 3 naming the call', () => {
    const dir = cxDir();
    const r = run('prep3', 'fuzz', '--runs', '50', '--seed', '1', '--out', join(dir, 'fuzz.json'));
    expectNamedHang(r, /call prep_\w+ on chan \d did not return within 300 ms/, /the implementation failed \(timeout\)/);
  });

  it('check-client: exit 3 naming the call', () => {
    const r = run('prep1', 'check-client', join(root, 'corpus/kernel-clients/8250-dma-tx.json'), '--runs', '20', '--seed', '1');
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/impl_error timeout at line \d+: .*call prep_slave_sg on chan \d did not return within 300 ms/);
  });

  it('replay: exit 3 naming the call', () => {
    const dir = cxDir();
    const c = spawnSync(process.execPath, [bin, 'certify', '--impl', 'mutant:cb-hardirq', '--cx-dir', dir, '--runs', '300', '--seed', '42'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(c.status).toBe(1);
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!);
    const r = run('prep1', 'replay', file);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/impl_error timeout at line \d+: .*call prep_slave_sg on chan \d did not return within 300 ms/);
  });

  it('an environment step that ran callbacks: exit 3 naming the step', () => {
    const r = run('tasklet', 'certify', '--runs', '50', '--seed', '1', '--cx-dir', cxDir());
    expectNamedHang(r, /env tasklet on chan \d did not return within 300 ms/);
  });

  it('reset: exit 3 naming it', () => {
    const r = run('reset', 'certify', '--runs', '50', '--seed', '1', '--cx-dir', cxDir());
    expectNamedHang(r, /reset did not return within 300 ms/);
  });

  it('the factory: one line, exit 3', () => {
    const r = run('factory', 'certify', '--runs', '5', '--seed', '1', '--cx-dir', cxDir());
    expectNamedHang(r, /factory of .*hanging\.ts did not return within 300 ms/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the module\'s top-level code: one line, exit 3', () => {
    const r = run('top', 'certify', '--runs', '5', '--seed', '1', '--cx-dir', cxDir());
    expectNamedHang(r, /loading .*hanging\.ts did not finish/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('an in-process module that is slow but within the timeout', () => {
  it('certify: no implementation error, nothing fails', () => {
    const r = run('slow', 'certify', '--runs', '20', '--seed', '1', '--cx-dir', cxDir());
    expect(r.status).not.toBe(3);
    expect(r.stderr).not.toMatch(/implementation error/);
    expect(r.stdout).toMatch(/hanging:slow, seed 1; \d+ pass, 0 fail/);
  });

  it('check-client: exit 0', () => {
    const r = run('slow', 'check-client', join(root, 'corpus/kernel-clients/8250-dma-tx.json'), '--runs', '20', '--seed', '1');
    expect(r.status).toBe(0);
  });
});
