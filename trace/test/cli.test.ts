import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordScript, text } from './helpers.ts';

const bin = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, timeout: 60_000 });
const dir = mkdtempSync(join(tmpdir(), 'dmacheck-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dmacheck check-trace (malformed input)', () => {
  it('a malformed line: one line `file:line: what`, exit 2', () => {
    const lines = recordScript();
    lines.splice(5, 1, '{"k":"ret","ret":{"t":"int","v":"zero"}}');
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, text(lines));
    const r = run(['check-trace', file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`dmacheck: ${file}:6: ret.v: Invalid input: expected number, received string`]);
  });

  it('malformed 1.1 nesting: one line `file:line: what`, exit 2; the well-formed kernel trace exits 0', () => {
    const kernel = new URL('./fixtures/kernel/kernel-issue-inside.jsonl', import.meta.url).pathname;
    expect(run(['check-trace', kernel]).status).toBe(0);
    const lines = readFileSync(kernel, 'utf8').trimEnd().split('\n');
    const at = lines.findIndex((l) => l === '{"k":"env_end"}');
    lines.splice(at, 1); // the irq block inside issue_pending never ends: its tasklet opens inside it, the ret closes nothing
    const file = join(dir, 'bad-1.1.jsonl');
    writeFileSync(file, text(lines));
    const r = run(['check-trace', file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^dmacheck: ${file}:\\d+: 'ret' inside an env step\\n$`));
  });

  it('a missing file: exit 2', () => {
    const r = run(['check-trace', join(dir, 'none.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file');
  });
});

describe('dmacheck serve', () => {
  it('answers hello, then reports a harness protocol breach with an error message and exit 2', () => {
    const r = run(['serve'], '{"type":"frob"}\n');
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; message?: string });
    expect(out[0]?.type).toBe('hello');
    expect(out[1]).toEqual({ type: 'error', message: 'unknown message type "frob"' });
    expect(r.status).toBe(2);
  });

  it('exits 0 at end of input', () => {
    expect(run(['serve'], '').status).toBe(0);
  });
});

describe('dmacheck check-trace: impossible traces (issue 13, item 10)', () => {
  it('/dev/zero: one line and exit 2 (bounded lines), not unbounded growth', () => {
    const r = run(['check-trace', '/dev/zero']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['dmacheck: /dev/zero:1: line longer than 1048576 bytes; not a dmacheck trace']);
  });
  it('a callback of a descriptor that never existed on a channel nobody holds is CB-8, not CB-1', () => {
    const header = recordScript()[0]!;
    const file = join(dir, 'phantom-cb.jsonl');
    writeFileSync(file, text([header, '{"k":"env","step":{"op":"tasklet","chan":1}}',
      '{"k":"cb","cb":{"chan":1,"desc":1,"fn":"callback","period":false,"ctx":"tasklet","locksHeld":false}}', '{"k":"cb_ret"}', '{"k":"env_end"}']));
    const r = run(['check-trace', file]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`${file}:3: violation CB-8: callback before completion`);
  });
});
