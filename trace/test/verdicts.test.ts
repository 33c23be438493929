/**
 * Issue 15 on hand-transcribed kernel-client traces (trace/test/fixtures, made by
 * alsa-xrun.gen.ts): the ALSA XRUN path before e8343410ddf0 is SYNC-7 at the issue_pending
 * of the new work, the fixed one conformant; advisories are listed but do not hide the
 * misuse that follows on the same or another channel; exit status follows the worst
 * verdict, advisories failing only under --strict; --report-dir lists every finding.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResult } from '../../reports/index.ts';
import { checkTrace, traceFails, worstOf } from '../check.ts';
import { loadModel } from '../load-model.ts';
import { parseTrace } from '../parse.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const lines = (name: string) => readFileSync(fixture(name), 'utf8').trimEnd().split('\n');
const bin = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
const dir = mkdtempSync(join(tmpdir(), 'dmacheck-verdicts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(name: string) {
  const r = checkTrace(parseTrace(readFileSync(fixture(name), 'utf8'), name), await loadModel());
  return { ...r, found: r.verdicts.map((v) => `${v.line}: ${v.verdict.kind} ${'rule' in v.verdict ? v.verdict.rule : ''}`) };
}

describe('check-trace lists every independent verdict (issue 15)', () => {
  it('ALSA XRUN before e8343410ddf0: undefined SYNC-7 at the issue_pending of the new cyclic work', async () => {
    const issueLine = lines('alsa-xrun-prefix.jsonl').findIndex((l, i, all) => l.includes('"op":"issue_pending"') && all.slice(0, i).some((x) => x.includes('"op":"terminate_async"'))) + 1;
    const r = await check('alsa-xrun-prefix.jsonl');
    expect(r.found).toEqual([`${issueLine}: undefined SYNC-7`]);
    expect(r.endChecked).toBe(true);
  });
  it('ALSA XRUN after the fix (synchronize in sync_stop before the new prepare) is conformant', async () => {
    const r = await check('alsa-xrun-fixed.jsonl');
    expect(r.found).toEqual([]);
    expect(r.endChecked).toBe(true);
  });
  it('advisories come first but the misuse on the same channel and on the other one is still found', async () => {
    const r = await check('advisories-then-misuse.jsonl');
    expect(r.found).toEqual(['18: advisory DESC-9', '27: advisory DESC-9', '36: undefined DATA-3', '40: undefined TERM-8']);
    expect(r.verdicts.map((v) => ('chan' in v.verdict ? v.verdict.chan : null))).toEqual([0, 1, 0, 1]);
    expect(worstOf(r.verdicts)).toBe('failure');
  });
  it('advisories alone pass, and fail under strict', async () => {
    const t = parseTrace(`${lines('advisories-then-misuse.jsonl').slice(0, 35).join('\n')}\n`, 'cut.jsonl');
    const r = checkTrace(t, await loadModel());
    expect(r.verdicts.map((v) => v.verdict.kind)).toEqual(['advisory', 'advisory']);
    expect(worstOf(r.verdicts)).toBe('advisory');
    expect([traceFails(r.verdicts, false), traceFails(r.verdicts, true)]).toEqual([false, true]);
  });
});

describe('dmacheck check-trace exit status and reports (spawned)', () => {
  const cut = join(dir, 'advisories-only.jsonl');
  writeFileSync(cut, `${lines('advisories-then-misuse.jsonl').slice(0, 35).join('\n')}\n`);

  it('advisories only: exit 0 with each advisory and its line; --strict: exit 1', () => {
    const r = run('check-trace', cut);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${cut}:18: advisory DESC-9: prep without DMA_CTRL_ACK`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toContain('2 verdict(s) (2 advisory): conformant with advisories');
    expect(run('check-trace', '--strict', cut).status).toBe(1);
  });
  it('the XRUN trace exits 1, the fixed one 0', () => {
    const bad = run('check-trace', fixture('alsa-xrun-prefix.jsonl'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/:39: undefined SYNC-7: /);
    expect(run('check-trace', fixture('alsa-xrun-fixed.jsonl')).status).toBe(0);
  });
  it('--report-dir writes every finding with its line; the rule table marks the advisory rule', async () => {
    const out = join(dir, 'reports');
    const r = run('check-trace', fixture('advisories-then-misuse.jsonl'), '--report-dir', out, '--format', 'json,text');
    expect(r.status, r.stderr).toBe(1);
    const report = await readResult(join(out, 'report.json'));
    expect(report.command).toBe('check-trace');
    expect(report.verdict).toBe('fail');
    expect(report.findings?.map((f) => `${f.line} ${f.kind} ${f.rule}`)).toEqual(['18 advisory DESC-9', '27 advisory DESC-9', '36 undefined DATA-3', '40 undefined TERM-8']);
    expect(report.rules.find((x) => x.id === 'DESC-9')?.verdict).toBe('advisory');
    expect(report.rules.find((x) => x.id === 'DATA-3')?.verdict).toBe('fail');
    expect(readFileSync(join(out, 'report.txt'), 'utf8')).toContain('line 36: undefined DATA-3 (chan 0)');
  });
});
