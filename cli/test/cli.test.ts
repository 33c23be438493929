import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('dmacheck CLI', () => {
  it('prints its version', () => {
    const r = run('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('prints help', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: dmacheck');
  });
  it('rejects a bad flag with one line and status 2', () => {
    const r = run('--no-such-flag');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--no-such-flag');
  });
  it('rejects an unknown subcommand with one line and status 2', () => {
    const r = run('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('dmacheck CLI edges (issue 13)', () => {
  it('prints help with the exit statuses when run without arguments', () => {
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: dmacheck');
    expect(r.stdout).toContain('Exit statuses:');
    expect(run('--help').stdout).toContain('130');
  });
  it('ends quietly when the reader closes stdout (EPIPE)', () => {
    const r = spawnSync('bash', ['-c', `'${process.execPath}' '${bin}' rules --json | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('status=0');
    expect(r.stderr).toBe('');
  });
  it('refuses a bad output path before the run, with status 2', () => {
    for (const args of [['--report-dir', '/proc/self/x'], ['--out', '/tmp'], ['--cx-dir', '/proc/1/x']]) {
      const r = run('certify', '--runs', '5', ...args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
  it('never replaces /dev/null with a file', () => {
    const r = run('certify', '--runs', '20', '--allow-unexercised', '--out', '/dev/null');
    expect(r.status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
  it('an unwritable --record is an output error after the results, not an engine error', () => {
    const r = run('certify', '--runs', '20', '--allow-unexercised', '--record', '/dev/full');
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/CONFORMANT: builtin/);
    expect(r.stdout).not.toContain('recorded:');
    expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('certify:'))).toEqual(['dmacheck: --record: cannot write /dev/full: ENOSPC']);
  });
  it('a run that left checkable rules unexercised is INCONCLUSIVE, exit 5, unless --allow-unexercised', () => {
    const r = run('certify', '--runs', '1');
    expect(r.status).toBe(5);
    expect(r.stdout).toMatch(/^INCONCLUSIVE \(checkable rules not exercised\): builtin, seed 42; .* 1 sequences,/m);
    expect(r.stdout).toMatch(/^not exercised: .*--allow-unexercised/m);
    const accepted = run('certify', '--runs', '1', '--allow-unexercised');
    expect(accepted.status).toBe(0);
    expect(accepted.stdout).toMatch(/^CONFORMANT: builtin/m);
    expect(run('--help').stdout).toMatch(/^ {2}5 {4}inconclusive/m);
  });
  it('mutants --budget with a bad time names --budget', () => {
    const r = run('mutants', '--budget', '5x');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(["dmacheck: --budget: time '5x': expected a duration like 30s, 2m or 500ms"]);
  });
  it('messages do not repeat their rule or kind', () => {
    const hostile = new URL('../../adapters/test/fixtures/hostile.mjs', import.meta.url).pathname;
    const cx = mkdtempSync(join(tmpdir(), 'dmacheck-msg-'));
    const failed = run('certify', '--impl-cmd', `'${process.execPath}' '${hostile}' exit`, '--runs', '5', '--cx-dir', cx);
    expect(failed.status).toBe(3);
    expect(failed.stderr).toContain('dmacheck: implementation error (exit) in hostile:exit: request_chan: exited with status 7\n');
    const found = run('certify', '--impl', 'mutant:cb-hardirq', '--runs', '40', '--cx-dir', cx);
    expect(found.status).toBe(1);
    expect(found.stdout).toMatch(/^violation of CB-1: callback outside tasklet context$/m);
    expect(`${found.stdout}${failed.stdout}`).not.toMatch(/\b([A-Z]+-\d+): \1:/);
  });
});
