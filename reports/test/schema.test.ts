import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reportJsonSchema, runResultSchema, stableJson } from '../index.ts';
import type { RunResult } from '../result.ts';
import { errorResult, failingResult, hostileResult, longResult, passingResult } from './fixtures.ts';

const schemaFile = new URL('../schema/report.schema.json', import.meta.url);
const committed = readFileSync(schemaFile, 'utf8');
/** A validator built from the committed JSON file itself, not from the zod source. */
const fromFile = z.fromJSONSchema(JSON.parse(committed) as Parameters<typeof z.fromJSONSchema>[0]);

const fixtures: [string, RunResult][] = [
  ['passing', passingResult()], ['failing', failingResult()], ['error', errorResult()],
  ['long', longResult(600)], ['hostile', hostileResult(false)],
];
const asJson = (r: unknown): unknown => JSON.parse(stableJson(r));

describe('report JSON Schema', () => {
  it('the committed report.schema.json is the one generated from the zod schema (run reports/schema/generate.ts)', () => {
    expect(committed).toBe(stableJson(reportJsonSchema()));
  });
  it('is versioned and documented', () => {
    const s = JSON.parse(committed) as Record<string, unknown>;
    expect(s.$id).toMatch(/\/v1\.json$/);
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(String(s.description)).toContain('schemaVersion 1');
  });
  it.each(fixtures)('accepts the %s fixture (zod and the committed JSON Schema)', (_, r) => {
    expect(runResultSchema.safeParse(asJson(r)).success).toBe(true);
    expect(fromFile.safeParse(asJson(r)).success).toBe(true);
  });

  const mutations: [string, (r: Record<string, unknown>) => void][] = [
    ['an unknown run verdict', (r) => { r.verdict = 'maybe'; }],
    ['a wrong schema version', (r) => { r.schemaVersion = 2; }],
    ['an unknown top-level key', (r) => { r.extra = 1; }],
    ['a rule without id', (r) => { delete (r.rules as Record<string, unknown>[])[0]!.id; }],
    ['a negative count', (r) => { (r.rules as Record<string, unknown>[])[0]!.exercised = -1; }],
    ['a bogus trace entry', (r) => { ((r.counterexamples as Record<string, unknown>[])[0]!.trace as unknown[])[3] = { k: 'bogus' }; }],
    ['an unknown client call', (r) => { ((r.counterexamples as Record<string, unknown>[])[0]!.trace as unknown[])[0] = { k: 'call', ctx: 'process', call: { op: 'frob' } }; }],
    ['an errno outside the vocabulary', (r) => { ((r.counterexamples as Record<string, unknown>[])[0]!.trace as unknown[])[1] = { k: 'ret', ret: { t: 'err', e: 'EFROB' } }; }],
  ];
  it.each(mutations)('rejects %s', (_, mutate) => {
    const r = asJson(failingResult()) as Record<string, unknown>;
    mutate(r);
    expect(runResultSchema.safeParse(r).success).toBe(false);
    expect(fromFile.safeParse(r).success).toBe(false);
  });
});

describe('stableJson', () => {
  it('gives the same bytes whatever the key order, and parses back to the same value', () => {
    const r = failingResult();
    const reordered = JSON.parse(JSON.stringify(r, Object.keys(r).reverse().concat(...collectKeys(r)))) as RunResult;
    expect(stableJson(reordered)).toBe(stableJson(r));
    expect(JSON.parse(stableJson(r))).toEqual(JSON.parse(JSON.stringify(r)));
  });
  it('keeps one trace entry per line', () => {
    const r = longResult(1000);
    const lines = stableJson(r).split('\n').length;
    expect(lines).toBeLessThan(1000 + 200);
    expect(lines).toBeGreaterThan(1000);
  });
});

function collectKeys(v: unknown, out = new Set<string>()): string[] {
  if (Array.isArray(v)) v.forEach((x) => collectKeys(x, out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.add(k); collectKeys(x, out); }
  return [...out].reverse();
}
