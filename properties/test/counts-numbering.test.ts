/**
 * Issue 14 items 1–2 through the CLI: certify and replay of its file print the same
 * counts ("shrunk to N call(s)/step(s) (S set-up + G generated), E trace entries") and
 * mark the same trace line, and check-trace of certify's recording names that line too
 * (one numbering: the line of the recorded trace file, 1 = header).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const bin = join(ROOT, 'bin/dmacheck.js');
const dir = mkdtempSync(join(tmpdir(), 'dmacheck-numbering-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dmacheck = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir });
const countsLine = (out: string) => /shrunk to .*trace entries/.exec(out)?.[0];
const marked = (out: string) => /^>>\s+(\d+)\s/m.exec(out)?.[1];

describe('one count, one numbering', () => {
  it('certify, replay and check-trace agree on the counts and the failing line (mutant:cb-hardirq)', () => {
    const cert = dmacheck('certify', '--impl', 'mutant:cb-hardirq', '--seed', '42', '--runs', '300', '--cx-dir', 'cx', '--record', 'run.jsonl');
    expect(cert.status, cert.stderr).toBe(1);
    const line = marked(cert.stdout);
    expect(line).toBeDefined();
    expect(cert.stdout).toContain(`violation CB-1 at line ${line}:`);
    const counts = countsLine(cert.stdout);
    expect(counts).toMatch(/^shrunk to (\d+) call\(s\)\/step\(s\) \((\d+) set-up \+ (\d+) generated\), (\d+) trace entries/);

    const rep = dmacheck('replay', join('cx', 'CB-1-1.json'));
    expect(rep.status, rep.stderr).toBe(1);
    expect(countsLine(rep.stdout)).toBe(counts);
    expect(marked(rep.stdout)).toBe(line);

    const chk = dmacheck('check-trace', 'run.jsonl');
    expect(chk.stdout + chk.stderr).toContain(`run.jsonl:${line}:`);
  }, 120_000);
});
