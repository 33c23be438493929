/**
 * Every `dmacheck-trace/1` file keeps its verdict under format 1.1 (issue 11): the
 * fixtures in fixtures/v1 were recorded before 1.1 (each mutant trigger run on its mutant
 * and on the built-in engine, and the adapter test script on two engines) and judged by
 * the model of that time; `expected.json` holds those verdicts as `line kind rule`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { model } from '../../spec/model/index.ts';
import { checkTrace } from '../check.ts';
import { parseTrace } from '../parse.ts';

const dir = new URL('./fixtures/v1/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, string[]>;
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();

function verdictsOf(file: string): string[] {
  const r = checkTrace(parseTrace(readFileSync(join(dir, file), 'utf8'), file), model);
  return [...r.verdicts.map((v) => `${v.line} ${v.verdict.kind} ${'rule' in v.verdict ? v.verdict.rule : '-'}`), `end ${r.endChecked}`];
}

describe('dmacheck-trace/1 fixtures keep their verdicts', () => {
  it('every fixture has an expected verdict and every expected verdict a fixture', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', (file) => {
    expect(readFileSync(join(dir, file), 'utf8')).toMatch(/^\{"format":"dmacheck-trace\/1",/);
    expect(verdictsOf(file)).toEqual(expected[file]);
  });
});
