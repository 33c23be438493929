import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stableJson, writeReports } from '../index.ts';
import type { RunResult } from '../result.ts';
import { errorResult, failingResult, passingResult } from './fixtures.ts';

const bin = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const fresh = () => mkdtempSync(join(tmpdir(), 'dmacheck-cli-'));

async function shard(r: RunResult): Promise<string> {
  const dir = fresh();
  await writeReports(r, dir, ['json']);
  return dir;
}

describe('dmacheck report', () => {
  it('render: re-renders a saved report in the asked formats, exit 1 on violations', async () => {
    const src = await shard(failingResult());
    const out = join(fresh(), 'r');
    const r = run('report', 'render', join(src, 'report.json'), '--report-dir', out, '--format', 'junit,md');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(existsSync(join(out, 'junit.xml')) && existsSync(join(out, 'summary.md'))).toBe(true);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
    expect(r.stdout).toContain('verdict: fail');
  });
  it('render with the same report as baseline passes (exit 0) and lists it as known', async () => {
    const src = await shard(failingResult());
    const r = run('report', 'render', src, '--report-dir', fresh(), '--format', 'json', '--baseline', join(src, 'report.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 known violation(s)');
  });
  it('merge: combines shard directories into one report, exit as the worst shard', async () => {
    const out = fresh();
    const r = run('report', 'merge', await shard(passingResult()), await shard({ ...passingResult(), seed: 43 }), '--out', out, '--format', 'json');
    expect(r.status).toBe(0);
    const merged = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as RunResult;
    expect(merged.seeds).toEqual([42, 43]);
    expect(run('report', 'merge', await shard(passingResult()), await shard(errorResult()), '--out', fresh()).status).toBe(3);
  });
  const bad: [string, () => Promise<string[]>, RegExp][] = [
    ['a missing report', async () => ['report', 'render', '/nonexistent/report.json', '--report-dir', fresh()], /cannot read/],
    ['an unknown format', async () => ['report', 'render', await shard(passingResult()), '--report-dir', fresh(), '--format', 'pdf'], /unknown report format "pdf"/],
    ['a missing --out', async () => ['report', 'merge', await shard(passingResult())], /--out/],
    ['an invalid report', async () => {
      const f = join(fresh(), 'bad.json');
      writeFileSync(f, stableJson({ ...passingResult(), verdict: 'maybe' }));
      return ['report', 'render', f, '--report-dir', fresh()];
    }, /bad\.json: not a dmacheck report: at verdict/],
  ];
  it.each(bad)('rejects %s with one line and status 2', async (_, args, message) => {
    const r = run(...(await args()));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
