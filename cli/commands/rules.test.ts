import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../spec/catalogue/index.ts';
import { DEFAULT_WIDTH, formatTable, parseGroup, summaryLine, wrap } from './rules.ts';

const bin = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('dmacheck rules (spawned)', () => {
  it('--json prints every rule with its fields', () => {
    const r = run('rules', '--json');
    expect(r.status, r.stderr).toBe(0);
    const rules = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rules.length).toBeGreaterThanOrEqual(134);
    for (const rule of rules) {
      for (const field of ['id', 'group', 'binds', 'statement', 'source', 'check']) expect(rule, String(rule['id'])).toHaveProperty(field);
      expect((rule['check'] as { kind: string }).kind).toMatch(/^(model|invariant|end|documented-only)$/);
    }
    expect(rules.find((x) => x['id'] === 'STAT-3')).toHaveProperty('range');
    expect(rules.find((x) => x['id'] === 'CH-1')).not.toHaveProperty('range');
    expect(rules.find((x) => x['id'] === 'DESC-9')).toMatchObject({ severity: 'advisory', severityReason: expect.stringContaining('virt-dma') });
    expect(rules.find((x) => x['id'] === 'SYNC-7')).toMatchObject({ severity: 'undefined' });
    expect(rules.find((x) => x['id'] === 'CB-1')).not.toHaveProperty('severity');
  });
  it('--severity advisory lists the advisory client rules only, with their severity column', () => {
    const r = run('rules', '--severity', 'advisory');
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^[A-Z]+-\d+ /.test(l));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(CATALOGUE.filter((x) => x.severity === 'advisory').map((x) => x.id));
    for (const l of rows) expect(l.split(/\s+/)[3]).toBe('advisory');
    expect(rows.map((l) => l.split(/\s+/)[0])).toContain('CFG-1');
    expect(run('rules', '--severity', 'fatal').status).toBe(2);
  });
  it('prints an aligned table of at most 100 columns and a summary line when not a TTY', () => {
    const r = run('rules');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const header = lines[0] ?? '';
    expect(header).toMatch(/^ID\s+BINDS\s+CHECK\s+SEVERITY\s+STATEMENT$/);
    const col = header.indexOf('STATEMENT');
    const body = lines.slice(1, lines.indexOf(''));
    const rows = body.filter((l) => /^[A-Z]+-\d+ /.test(l));
    expect(rows).toHaveLength(CATALOGUE.length);
    for (const l of body) {
      expect(l.length, l).toBeLessThanOrEqual(DEFAULT_WIDTH);
      // every line's statement text starts in the STATEMENT column; continuation lines are blank before it
      expect(l.slice(col - 2, col), l).toBe('  ');
      expect(l[col], l).not.toBe(' ');
      if (!rows.includes(l)) expect(l.slice(0, col).trim(), l).toBe('');
    }
    expect(header.indexOf('BINDS')).toBe((rows[0] ?? '').indexOf('client'));
    expect(lines.at(-1)).toBe(summaryLine(CATALOGUE));
    expect(lines.at(-1)).toMatch(/^\d+ rules: \d+ model, \d+ invariant, \d+ end, \d+ documented-only \| \d+ client, \d+ engine, \d+ both \| \d+ undefined, \d+ advisory$/);
  });
  it('--group filters one group, case-insensitively', () => {
    const r = run('rules', '--group', 'sync');
    expect(r.status, r.stderr).toBe(0);
    const ids = r.stdout.split('\n').filter((l) => /^[A-Z]+-\d+ /.test(l)).map((l) => l.split(' ')[0]);
    expect(ids).toEqual(['SYNC-1', 'SYNC-2', 'SYNC-3', 'SYNC-4', 'SYNC-5', 'SYNC-6', 'SYNC-7']);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^7 rules: /);
  });
  it('rejects an unknown --group with one line and status 2', () => {
    const r = run('rules', '--group', 'NOPE');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("unknown rule group 'NOPE'");
  });
});

describe('rules table formatting', () => {
  it('wraps at spaces within the width and keeps every word', () => {
    const text = 'one two three four five six seven eight nine ten';
    const lines = wrap(text, 12);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(12);
    expect(lines.join(' ')).toBe(text);
    expect(wrap('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });
  it('never squeezes the statement column below 30 characters', () => {
    const table = formatTable(CATALOGUE.slice(0, 3), 20).split('\n');
    const col = (table[0] ?? '').indexOf('STATEMENT');
    for (const l of table.slice(1)) expect(l.length - col).toBeLessThanOrEqual(30);
    expect(table.some((l) => l.length - col > 25)).toBe(true);
  });
  it('counts zero kinds in the summary', () => {
    expect(summaryLine(CATALOGUE.filter((r) => r.group === 'PROV'))).toBe(
      '8 rules: 4 model, 0 invariant, 0 end, 4 documented-only | 0 client, 8 engine, 0 both | 0 undefined, 0 advisory',
    );
  });
  it('parses group names and refuses others', () => {
    expect(parseGroup('Pause')).toBe('PAUSE');
    expect(() => parseGroup('PAUS')).toThrow(/unknown rule group 'PAUS'/);
  });
});
