import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './index.ts';
import { severityDoc } from './severity-doc.ts';

describe('docs/SEVERITY.md', () => {
  const doc = readFileSync(new URL('../../docs/SEVERITY.md', import.meta.url), 'utf8');
  it('is the one generated from the catalogue (node --import tsx spec/catalogue/severity-doc.ts)', () => {
    expect(doc).toBe(severityDoc());
  });
  it('has one row per client rule', () => {
    for (const r of CATALOGUE.filter((x) => x.binds !== 'engine')) expect(doc, r.id).toContain(`| ${r.id} | ${r.binds} | **${r.severity}** |`);
  });
});
