/**
 * `dmacheck kernel` from the command line, without booting anything: bad flags and a
 * missing set-up give one line and exit 2; a bad replay file gives one line and exit 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/dmacheck.js', import.meta.url));
const emptyCache = mkdtempSync(join(tmpdir(), 'dmacheck-nocache-'));

function dmacheck(...args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DMACHECK_KERNEL_CACHE: emptyCache }, timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('dmacheck kernel (CLI)', () => {
  it.each([
    [['kernel', 'certify', '--cpus', '2'], /^dmacheck: --cpus 2: only 1 CPU is supported\n$/],
    [['kernel', 'certify', '--machine', 'virt'], /^dmacheck: --machine virt: only raspi3b/],
    [['kernel', 'certify', '--misuse', 'nope'], /^dmacheck: --misuse nope: expected all or one of issue-after-terminate-async/],
    [['kernel', 'certify', '--runs', '0'], /^dmacheck: --runs 0 out of range/],
    [['kernel', 'certify', '--format', 'pdf', '--report-dir', 'x'], /^dmacheck: .*pdf/],
    [['kernel', 'certify', '--bogus'], /^dmacheck: unknown option '--bogus'/],
    [['kernel', 'nope'], /^dmacheck: /],
  ])('%j: one line, exit 2', (args, msg) => {
    const r = dmacheck(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('without kernel setup, certify and replay name the setup command (exit 2)', () => {
    const program = join(emptyCache, 'p.json');
    writeFileSync(program, JSON.stringify({ format: 'dmacheck-program/1', name: 'p', steps: [{ do: { op: 'request_chan', name: 'c0' } }] }));
    for (const args of [['kernel', 'certify'], ['kernel', 'replay', program]]) {
      const r = dmacheck(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe('dmacheck: the kernel is not set up: run `npx dmacheck kernel setup` first\n');
    }
  });

  it('replay of a file that is no program: one line naming the file, exit 2', () => {
    const bad = join(emptyCache, 'bad.json');
    writeFileSync(bad, '{"format":"something-else"}');
    const r = dmacheck('kernel', 'replay', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^dmacheck: ${bad}: not a dmacheck-kernel-counterexample/1 or dmacheck-program/1 file`));
  });
});
