import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dmacheck-hello-'));
const script = (name: string, body: string) => { const p = join(dir, name); writeFileSync(p, body); return p; };
const certify = (cmd: string) => spawnSync(process.execPath, [bin, 'certify', '--runs', '5', '--impl-cmd', cmd], { encoding: 'utf8' });

function alive(pattern: string): boolean {
  return spawnSync('pgrep', ['-f', pattern]).status === 0;
}

// Issue 13 items 4 and 7: failures before `hello` are the implementation's (exit 3, the
// kind named, its stderr tail shown), and nothing it started outlives it.
describe('implementation failures before hello', () => {
  it('junk first line: bad_json, exit 3, stderr tail', () => {
    const r = certify(`sh ${script('junk.sh', 'echo booting >&2\necho junk\nsleep 5\n')}`);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('implementation error (bad_json');
    expect(r.stderr).toContain('stderr| booting');
  });
  it('exits at once: exit, exit 3', () => {
    const r = certify(`sh ${script('die.sh', 'echo dying >&2\nexit 7\n')}`);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/implementation error \(exit: exited with status 7\)/);
    expect(r.stderr).toContain('stderr| dying');
  });
  it('wrong protocol version: protocol_version, exit 3', () => {
    const r = certify(`sh ${script('v9.sh', 'echo \'{"type":"hello","protocol":"dmacheck-protocol/9","name":"x"}\'\nsleep 5\n')}`);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('implementation error (protocol_version');
  });
  it('a command that exits by itself leaves no background child behind', () => {
    const marker = `sleep 3${String(Date.now() % 1000).padStart(3, "0")}7`;
    const r = certify(`sh ${script('orphan.sh', `${marker} &\nexit 0\n`)}`);
    expect(r.status).toBe(3);
    expect(alive(marker)).toBe(false);
  });
});
