import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCounterexample } from '../../properties/counterexample/file.ts';
import { mergeResults, parseResult } from '../../reports/index.ts';

const BIN = fileURLToPath(new URL('../../bin/dmacheck.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/cb-hardirq-engine.ts', import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), 'fuzz-cli-'));

function dmacheck(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
}

describe('dmacheck fuzz', () => {
  it('stops cleanly on SIGINT: exit 130, whole corpus files and a partial report', async () => {
    const dir = tmp();
    const child = spawn(process.execPath, [BIN, 'fuzz', '--impl', FIXTURE, '--time', '120s', '--seed', '3', '--corpus', 'corpus', '--report-dir', 'rep', '--format', 'json,junit', '--progress-every', '500ms'], { cwd: dir });
    let err = '';
    let out = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        // Interrupt once a finding has been saved and the campaign is still running.
        if (err.includes('-> corpus/') && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code, err).toBe(130);
    expect(out).toContain('INTERRUPTED');
    const report = parseResult(JSON.parse(readFileSync(join(dir, 'rep', 'report.json'), 'utf8')), 'report.json');
    expect(report.partial).toBe(true);
    expect(report.command).toBe('fuzz');
    expect(report.counterexamples.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'rep')).sort()).toEqual(['junit.xml', 'report.json']);
    const files = readdirSync(join(dir, 'corpus'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(loadCounterexample(join(dir, 'corpus', f)).ok, f).toBe(true);
  });

  it('replays the corpus first, and dmacheck replay reproduces a saved file', () => {
    const dir = tmp();
    const first = dmacheck(['fuzz', '--impl', FIXTURE, '--runs', '20', '--seed', '5', '--corpus', 'corpus', '--max-length', '100'], dir);
    expect(first.status, first.stderr).toBe(1);
    const files = readdirSync(join(dir, 'corpus'));
    expect(files.length).toBeGreaterThan(0);
    const again = dmacheck(['fuzz', '--impl', FIXTURE, '--runs', '1', '--seed', '6', '--corpus', 'corpus', '--max-length', '10'], dir);
    expect(again.stderr).toContain(`corpus: ${files.length} entr`);
    expect(again.stderr).toMatch(new RegExp(`${files.length} still fail`));
    const replay = dmacheck(['replay', join('corpus', files[0]!), '--impl', FIXTURE], dir);
    expect(replay.status, replay.stdout + replay.stderr).toBe(1);
    expect(replay.stdout).toContain('still fails');
  });

  it('writes shard result files that dmacheck report merge combines', () => {
    const dir = tmp();
    for (const s of ['1/2', '2/2']) {
      const r = dmacheck(['fuzz', '--runs', '6', '--seed', '8', '--shard', s, '--max-length', '60'], dir);
      expect(r.status, r.stderr).toBe(0);
    }
    const shards = ['fuzz-shard-1-of-2.json', 'fuzz-shard-2-of-2.json'].map((f) => parseResult(JSON.parse(readFileSync(join(dir, f), 'utf8')), f));
    expect(shards.map((s) => s.stats.sequences)).toEqual([3, 3]);
    const merged = mergeResults(shards);
    expect(merged.stats.sequences).toBe(6);
    expect(merged.seeds).toEqual([8]);
    expect(shards[0]!.stats.commands).not.toBe(shards[1]!.stats.commands);
  });

  it('refuses bad arguments with one line and exit 2', () => {
    for (const args of [['--shard', '3/2'], ['--workers', '0'], ['--misuse', '2'], ['--time', 'soon']]) {
      const r = dmacheck(['fuzz', ...args], tmp());
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n').length, r.stderr).toBe(1);
    }
  });
});

describe('dmacheck fuzz against a foreign engine that dies', () => {
  it('ends the campaign unshrunk with exit 3, the kind named and the stderr tail shown', () => {
    const hostile = fileURLToPath(new URL('../../adapters/test/fixtures/hostile.mjs', import.meta.url));
    const dir = tmp();
    const r = dmacheck(['fuzz', '--impl-cmd', `${process.execPath} ${hostile} exit`, '--runs', '50', '--seed', '1', '--report-dir', 'rep', '--workers', '2'], dir);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/fuzz: the implementation failed \(exit\)/);
    expect(r.stderr).toContain('hostile mode exit');
    const report = parseResult(JSON.parse(readFileSync(join(dir, 'rep', 'report.json'), 'utf8')), 'report.json');
    expect(report.verdict).toBe('error');
    expect(report.implError?.what).toBe('exit');
  });
});
