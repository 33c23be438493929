import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../io/errors.ts';
import { parseFormats, readResult, REPORT_FORMATS, stableJson } from '../index.ts';
import { failingResult, hostileResult } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'dmacheck-read-'));
const put = (name: string, content: string) => { const f = join(dir, name); writeFileSync(f, content); return f; };

async function readError(file: string): Promise<Error> {
  try {
    await readResult(file);
  } catch (err) {
    return err as Error;
  }
  throw new Error('readResult accepted a bad file');
}

describe('readResult', () => {
  it('reads back what stableJson wrote', async () => {
    const r = hostileResult(false);
    expect(await readResult(put('ok.json', stableJson(r)))).toEqual(JSON.parse(JSON.stringify(r)));
  });
  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"schemaVersion": 1,', /: not JSON: /],
    ['a newer schema', JSON.stringify({ schemaVersion: 7 }), /schemaVersion 7 is not supported/],
    ['a wrong field', stableJson({ ...failingResult(), seed: 'x' }), /: not a dmacheck report: at seed: /],
    ['a JSON array', '[]', /not a dmacheck report: at \(top level\)/],
  ];
  it.each(bad)('rejects %s with one line naming the file', async (name, content, message) => {
    const f = put(`${name}.json`, content);
    const err = await readError(f);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message.startsWith(`${f}: `)).toBe(true);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
  });
  it('rejects a missing file', async () => {
    const err = await readError(join(dir, 'missing.json'));
    expect(err.message).toMatch(/missing\.json: cannot read \(no such file\)$/);
  });
});

describe('parseFormats', () => {
  it('parses a list, trims, dedups and keeps order', () => {
    expect(parseFormats(' junit,json ,junit')).toEqual(['junit', 'json']);
  });
  it('expands all', () => {
    expect(parseFormats('all')).toEqual([...REPORT_FORMATS]);
  });
  it.each(['pdf', 'json,', '', 'json,<x>\n'])('rejects %j with one-line UsageError', (csv) => {
    expect(() => parseFormats(csv)).toThrow(UsageError);
    try { parseFormats(csv); } catch (e) { expect((e as Error).message).not.toContain('\n'); }
  });
});
