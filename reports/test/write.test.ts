import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResult, REPORT_FILES, REPORT_FORMATS, writeFileAtomic, writeReports } from '../index.ts';
import { errorResult, failingResult, hostileResult } from './fixtures.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'dmacheck-write-'));

describe('writeReports', () => {
  it('writes every format under its file name and nothing else', async () => {
    const dir = join(fresh(), 'nested', 'out');
    const written = await writeReports(failingResult(), dir, REPORT_FORMATS);
    expect(written.map((w) => w.path)).toEqual(REPORT_FORMATS.map((f) => join(dir, REPORT_FILES[f])));
    expect(readdirSync(dir).sort()).toEqual(Object.values(REPORT_FILES).sort());
    for (const w of written) expect(readFileSync(w.path).length).toBe(w.bytes);
  });
  it('is deterministic: the same result gives the same bytes', async () => {
    const [a, b] = [fresh(), fresh()];
    await writeReports(hostileResult(false), a, REPORT_FORMATS);
    await writeReports(hostileResult(false), b, REPORT_FORMATS);
    for (const f of Object.values(REPORT_FILES)) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  });
  it('round-trips report.json through readResult', async () => {
    const dir = fresh();
    await writeReports(failingResult(), dir, ['json']);
    expect(await readResult(join(dir, 'report.json'))).toEqual(failingResult());
  });
  it('marks a partial result as partial in every format', async () => {
    const dir = fresh();
    await writeReports(errorResult(), dir, REPORT_FORMATS);
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    expect(read('report.txt')).toContain('PARTIAL');
    expect(JSON.parse(read('report.json')).partial).toBe(true);
    expect(read('junit.xml')).toContain('<property name="partial" value="true"/>');
    expect(read('junit.xml')).toContain('(partial)');
    expect(read('report.ktap')).toContain('# PARTIAL');
    expect(read('summary.md')).toContain('**Partial run**');
    expect(read('report.html')).toContain('class="banner partial"');
  });
  it('replaces a previous report whole', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'report.json'), 'old '.repeat(100_000));
    await writeReports(failingResult(), dir, ['json']);
    expect(await readResult(join(dir, 'report.json'))).toEqual(failingResult());
    expect(readdirSync(dir)).toEqual(['report.json']);
  });
});

describe('writeFileAtomic', () => {
  it('leaves the previous file and no temporary file behind when the rename fails', async () => {
    const dir = fresh();
    const target = join(dir, 'report.json');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readdirSync(target)).toEqual(['keep']);
  });
});
