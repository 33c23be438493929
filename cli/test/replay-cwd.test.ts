import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/dmacheck.js');

// Issue 13 item 12: a counterexample certified with a relative --impl-cmd replays from
// any directory, and replay says which implementation it runs.
describe('replay from another working directory', () => {
  it('starts the saved command where certify ran', () => {
    const cx = mkdtempSync(join(tmpdir(), 'dmacheck-cx-'));
    const c = spawnSync(process.execPath, [bin, 'certify', '--impl-cmd', 'node bin/dmacheck.js serve --mutant cb-hardirq', '--cx-dir', cx, '--runs', '300', '--seed', '42'], { cwd: root, encoding: 'utf8' });
    expect(c.status).toBe(1);
    const file = join(cx, readdirSync(cx).find((f) => f.endsWith('.json'))!);
    expect(JSON.parse(readFileSync(file, 'utf8')).cwd).toBe(root.replace(/\/$/, ''));
    const r = spawnSync(process.execPath, [bin, 'replay', file], { cwd: tmpdir(), encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('still fails (mutant:cb-hardirq)');
    expect(r.stderr).toContain('replay: mutant:cb-hardirq (--impl-cmd "node bin/dmacheck.js serve --mutant cb-hardirq" in ');
  });
});
