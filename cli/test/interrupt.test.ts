// Issue 13, item 3: Ctrl-C during certify (built-in engine and --impl-cmd), mutants and
// replay ends the current sequence (mutant, replay), writes whole partial results marked
// `partial: true`, leaves no temporary or empty file and no child process, and exits 130.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
const hostile = new URL('../../adapters/test/fixtures/hostile.mjs', import.meta.url).pathname;
const fresh = () => mkdtempSync(join(tmpdir(), 'dmacheck-int-'));

interface Ended { readonly status: number | null; readonly signal: NodeJS.Signals | null; readonly stdout: string; readonly stderr: string }

/** Starts dmacheck in `cwd`; `ready` is polled every 100 ms, then SIGINT is sent once. */
function interrupted(args: string[], cwd: string, ready: (stderr: string) => boolean): Promise<Ended> {
  const child: ChildProcess = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const poll = setInterval(() => {
    if (ready(stderr)) { clearInterval(poll); child.kill('SIGINT'); }
  }, 100);
  return new Promise((resolve) => child.on('close', (status, signal) => {
    clearInterval(poll);
    resolve({ status, signal, stdout, stderr });
  }));
}

const gone = (pid: number): boolean => {
  try { process.kill(pid, 0); return false; } catch { return true; }
};
/** No temporary file (atomic writes) and no empty file anywhere under `dir`. */
function noHalfFiles(dir: string): string[] {
  const bad: string[] = [];
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const p = join(e.parentPath, e.name);
    if (e.isFile() && (e.name.includes('.tmp') || statSync(p).size === 0)) bad.push(p);
  }
  return bad;
}

describe('Ctrl-C (issue 13, item 3)', () => {
  it('certify with the built-in engine: exit 130, partial results, a whole recorded run', async () => {
    const dir = fresh();
    const r = await interrupted(['certify', '--runs', '1000000', '--out', 'r.json', '--record', 't.jsonl', '--report-dir', 'rep', '--format', 'json,junit'],
      dir, () => existsSync(join(dir, 't.jsonl')) && statSync(join(dir, 't.jsonl')).size > 0);
    expect(r.status, r.stderr).toBe(130);
    expect(r.stderr).toContain('certify: interrupted');
    expect(r.stdout).toMatch(/\(partial run\)/);
    for (const f of ['r.json', join('rep', 'report.json')]) expect(JSON.parse(readFileSync(join(dir, f), 'utf8')).partial, f).toBe(true);
    expect(noHalfFiles(dir)).toEqual([]);
    expect(spawnSync(process.execPath, [bin, 'check-trace', join(dir, 't.jsonl')], { encoding: 'utf8' }).status).toBe(0);
  }, 60_000);

  it('certify --impl-cmd: exit 130, partial report, the implementation process reaped', async () => {
    const dir = fresh();
    const cmd = `sh -c 'echo $$ > impl.pid; exec "${process.execPath}" "${bin}" serve'`;
    const r = await interrupted(['certify', '--impl-cmd', cmd, '--runs', '1000000', '--out', 'r.json'], dir, () => existsSync(join(dir, 'impl.pid')));
    expect(r.status, r.stderr).toBe(130);
    const result = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { partial: boolean; implError?: unknown };
    expect(result.partial).toBe(true);
    expect(result.implError, 'Ctrl-C is not an implementation error').toBeUndefined();
    expect(gone(Number(readFileSync(join(dir, 'impl.pid'), 'utf8')))).toBe(true);
    expect(noHalfFiles(dir)).toEqual([]);
  }, 60_000);

  it('mutants: exit 130 after the current mutant, the rows so far written as a partial matrix', async () => {
    const dir = fresh();
    const only = 'cb-hardirq,cb-lock-held,free-before-cb,double-complete,request-null,start-on-submit';
    const r = await interrupted(['mutants', '--only', only, '--no-baseline', '--out', 'm.json'], dir, (err) => /\(1\/6\)/.test(err));
    expect(r.status, r.stderr).toBe(130);
    const m = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')) as { partial?: boolean; rows: unknown[] };
    expect(m.partial).toBe(true);
    expect(m.rows.length).toBeGreaterThanOrEqual(1);
    expect(m.rows.length).toBeLessThan(6);
    expect(r.stdout).toContain('(partial: interrupted)');
  }, 60_000);

  it('replay against a hanging implementation: exit 130 once the replay returns, no child left', async () => {
    const dir = fresh();
    const made = spawnSync(process.execPath, [bin, 'certify', '--impl', 'mutant:cb-hardirq', '--runs', '40', '--cx-dir', 'cx'], { cwd: dir, encoding: 'utf8' });
    expect(made.status).toBe(1);
    const file = join(dir, 'cx', readdirSync(join(dir, 'cx'))[0]!);
    const cmd = `sh -c 'echo $$ > impl.pid; exec "${process.execPath}" "${hostile}" hang'`;
    const r = await interrupted(['replay', file, '--impl-cmd', cmd, '--timeout', '2000'], dir, (err) => err.includes('replay: hostile:hang'));
    expect(r.status, r.stderr).toBe(130);
    expect(r.stderr).toContain('replay: interrupted');
    expect(gone(Number(readFileSync(join(dir, 'impl.pid'), 'utf8')))).toBe(true);
  }, 60_000);
});
