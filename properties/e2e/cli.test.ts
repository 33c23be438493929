// The certify command line end to end: exit statuses, --record (checked back with
// check-trace), --report-dir/--format and --baseline gating.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTimeout } from '../../cli/options.ts';
import { BIN, nodeCmd, ROOT } from './helpers.ts';

const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });

describe('dmacheck certify (CLI)', () => {
  it('parses --timeout as ms or a duration', () => {
    expect(parseTimeout('250')).toBe(250);
    expect(parseTimeout('5s')).toBe(5000);
    expect(() => parseTimeout('soon')).toThrow(/--timeout 'soon'/);
  });

  it('a hanging implementation: exit 3, one named error line on stderr, the run so far on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmacheck-e2e-'));
    const r = run(dir, 'certify', '--impl-cmd', nodeCmd(`${ROOT}adapters/test/fixtures/hostile.mjs`, 'hang'), '--timeout', '300', '--runs', '5');
    expect(r.status, r.stderr).toBe(3);
    const errs = r.stderr.split('\n').filter((l) => l.startsWith('dmacheck:'));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/implementation error \(timeout\) in hostile:hang: .*no answer/);
    expect(r.stdout).toContain('not shrunk');
    expect(r.stdout).toContain('hostile mode hang');
    expect(r.stdout).toContain('IMPLEMENTATION ERROR');
  });

  it('--record, --report-dir and --baseline on a CB-1 mutant', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmacheck-e2e-'));
    const first = run(dir, 'certify', '--impl', 'mutant:cb-hardirq', '--runs', '40', '--record', 'run.jsonl', '--report-dir', 'rep', '--format', 'json,junit,md');
    expect(first.status, first.stderr).toBe(1);
    expect(first.stdout).toContain('violation of CB-1');
    for (const f of ['report.json', 'junit.xml', 'summary.md']) expect(existsSync(join(dir, 'rep', f)), f).toBe(true);
    const report = JSON.parse(readFileSync(join(dir, 'rep', 'report.json'), 'utf8')) as { verdict: string; counterexamples: { rule: string }[] };
    expect(report.verdict).toBe('fail');
    expect(report.counterexamples.map((c) => c.rule)).toContain('CB-1');
    // The recording holds the counterexample's run: check-trace finds the same rule.
    const checked = run(dir, 'check-trace', 'run.jsonl');
    expect(checked.status, checked.stdout + checked.stderr).toBe(1);
    expect(checked.stdout).toMatch(/run\.jsonl:\d+: violation CB-1/);
    // Known violations only: exit 0, listed as known.
    const again = run(dir, 'certify', '--impl', 'mutant:cb-hardirq', '--runs', '40', '--baseline', join('rep', 'report.json'));
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('known violations (in the baseline): CB-1');
  });
});
