import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../cli/options.ts';

const bin = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('certify / replay usage errors', () => {
  it('parses durations', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(() => parseDuration('soon')).toThrow(/--time 'soon'/);
  });
  it('certify rejects a bad --time with one line and status 2', () => {
    const r = run('certify', '--time', 'soon');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('replay rejects a bad file with `file: what is wrong` and status 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmacheck-replay-'));
    const f = join(dir, 'bad.json');
    writeFileSync(f, '{"format":"dmacheck-counterexample/1","impl":"builtin","mode":"legal"}');
    const r = run('replay', f);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${f}: config`);
    const missing = run('replay', join(dir, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json: cannot read');
  });
});
