import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, EXTRA_RULE_IDS, RULE_GROUPS, ruleById, SEVERITY_DECISIONS } from './index.ts';
import type { Binds } from './index.ts';

/**
 * The catalogue is checked against §6 of the fact sheet (the verbatim copy next to
 * this file): every rule line there reads `- **ID** (C|E|C/E) text — sources`.
 */
interface SheetRule { readonly id: string; readonly binds: Binds; readonly text: string; readonly sources: string }
const SHEET = readFileSync(new URL('./fact-sheet-6.md', import.meta.url), 'utf8');
const BINDS: Record<string, Binds> = { C: 'client', E: 'engine', 'C/E': 'both' };
const sheetRules: readonly SheetRule[] = [...SHEET.matchAll(/^- \*\*([A-Z]+-\d+)\*\* \((C|E|C\/E)\) (.*?) — (.*)$/gm)].map(
  (m) => ({ id: m[1] ?? '', binds: BINDS[m[2] ?? ''] ?? 'both', text: m[3] ?? '', sources: m[4] ?? '' }),
);
const sheet = (id: string): SheetRule => {
  const r = sheetRules.find((s) => s.id === id);
  if (r === undefined) throw new Error(`${id} not in the fact sheet`);
  return r;
};
/** The catalogue rules that come from §6 (the extra rules have no fact-sheet line). */
const SHEET_RULES = CATALOGUE.filter((r) => !EXTRA_RULE_IDS.includes(r.id));
const words = (s: string) => s.toLowerCase().replace(/[`*()[\],;.:"]/g, ' ').split(/\s+/).filter(Boolean);
/** Length of the longest run of consecutive words that `a` and `b` share. */
function longestSharedRun(a: string, b: string): number {
  const x = words(a), y = words(b);
  let best = 0;
  const prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    let diag = 0;
    for (let j = 1; j <= y.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = x[i - 1] === y[j - 1] ? diag + 1 : 0;
      best = Math.max(best, prev[j] ?? 0);
      diag = up;
    }
  }
  return best;
}

describe('rule catalogue vs fact sheet §6', () => {
  it('the fact sheet copy parses into its 134 announced rules', () => {
    expect(SHEET).toContain('**134 rules**');
    expect(sheetRules).toHaveLength(134);
  });
  it('holds exactly the fact-sheet ids, in fact-sheet order, plus the listed extra rules', () => {
    expect(CATALOGUE.map((r) => r.id).filter((id) => !EXTRA_RULE_IDS.includes(id))).toEqual(sheetRules.map((s) => s.id));
    expect(EXTRA_RULE_IDS).toEqual(['CH-10', 'DESC-17', 'SYNC-7', 'DATA-8', 'DATA-9', 'DATA-10', 'DATA-11', 'PROV-8']);
    for (const id of EXTRA_RULE_IDS) {
      expect(sheetRules.some((s) => s.id === id), id).toBe(false);
      expect(ruleById(id)?.check.kind, id).not.toBe('documented-only');
    }
  });
  it('places each extra rule at the end of its group', () => {
    for (const id of EXTRA_RULE_IDS) {
      const i = CATALOGUE.findIndex((r) => r.id === id);
      expect(CATALOGUE[i]?.group, id).toBe(id.slice(0, id.lastIndexOf('-')));
      const next = CATALOGUE[i + 1];
      expect(next?.group !== CATALOGUE[i]?.group || EXTRA_RULE_IDS.includes(next?.id ?? ''), id).toBe(true);
    }
  });
  it('has no duplicate ids and ruleById finds every rule', () => {
    expect(new Set(CATALOGUE.map((r) => r.id)).size).toBe(CATALOGUE.length);
    for (const r of CATALOGUE) expect(ruleById(r.id)).toBe(r);
    expect(ruleById('SYNC-99')).toBeUndefined();
    expect(ruleById('sync-3')).toBeUndefined();
  });
  it('gives every entry the group of its id prefix', () => {
    for (const r of CATALOGUE) {
      expect(RULE_GROUPS, r.id).toContain(r.group);
      expect(r.id.slice(0, r.id.lastIndexOf('-')), r.id).toBe(r.group);
    }
    expect(new Set(CATALOGUE.map((r) => r.group))).toEqual(new Set(RULE_GROUPS));
  });
  it('binds the side the fact sheet names (C / E / C/E)', () => {
    for (const r of SHEET_RULES) expect(r.binds, r.id).toBe(sheet(r.id).binds);
  });
});

describe('rule statements', () => {
  it('are one non-empty sentence each, ending with a period', () => {
    for (const r of CATALOGUE) {
      expect(r.statement.trim(), r.id).toBe(r.statement);
      expect(r.statement.length, r.id).toBeGreaterThan(20);
      expect(r.statement, r.id).not.toMatch(/\n/);
      expect(r.statement, r.id).toMatch(/\.$/);
      expect(r.statement, r.id).not.toMatch(/[.!?]\s+[A-Z]/);
    }
  });
  it('are in our own words: no run of 8 words copied from the fact-sheet line', () => {
    for (const r of SHEET_RULES) expect(longestSharedRun(r.statement, sheet(r.id).text), r.id).toBeLessThan(8);
  });
  it('are all different', () => {
    expect(new Set(CATALOGUE.map((r) => r.statement)).size).toBe(CATALOGUE.length);
  });
});

describe('rule sources', () => {
  it('name at least one kernel file or seed, in path form', () => {
    for (const r of CATALOGUE) {
      expect(r.source.kernel.length + (r.source.seed === undefined ? 0 : 1), r.id).toBeGreaterThan(0);
      for (const k of r.source.kernel) expect(k, r.id).toMatch(/^(include|drivers|Documentation|sound)\/\S+( \(.+\))?$/);
      if (r.source.seed !== undefined) expect(r.source.seed, r.id).toMatch(/^seed 00[02] /);
    }
  });
  it('cite seed 002 (client.rst) with a section wherever the fact sheet cites CR', () => {
    for (const s of sheetRules.filter((x) => /\bCR\b/.test(x.sources))) {
      expect(ruleById(s.id)?.source.seed, s.id).toMatch(/^seed 002 §/);
    }
  });
  it('expand each abbreviation the fact sheet uses into its file', () => {
    const files: Record<string, string> = {
      PR: 'Documentation/driver-api/dmaengine/provider.rst', DH: 'include/linux/dmaengine.h',
      DE: 'drivers/dma/dmaengine.h', DC: 'drivers/dma/dmaengine.c', VH: 'drivers/dma/virt-dma.h',
      VC: 'drivers/dma/virt-dma.c', OF: 'drivers/dma/of-dma.c', AT: 'Documentation/crypto/async-tx-api.rst',
    };
    for (const s of sheetRules) {
      const kernel = ruleById(s.id)?.source.kernel ?? [];
      for (const [abbr, file] of Object.entries(files)) {
        if (new RegExp(`\\b${abbr}\\b`).test(s.sources)) expect(kernel.some((k) => k.startsWith(file)), `${s.id} ${abbr}`).toBe(true);
      }
    }
  });
  it('cite seed 000 for DATA-4 and SYNC-6 (completion precedes the peripheral)', () => {
    for (const id of ['DATA-4', 'SYNC-6']) expect(ruleById(id)?.source.seed, id).toMatch(/^seed 000 .*Nov 2016/);
  });
  it('carry the fact sheet\'s [vchan] and [derived] tags', () => {
    for (const s of sheetRules) {
      const tags = ruleById(s.id)?.tags ?? [];
      if (/\[vchan\]/.test(s.text)) expect(tags, s.id).toContain('vchan');
      if (/\[derived\]/.test(s.sources)) expect(tags, s.id).toContain('derived');
    }
  });
});

describe('rule checks and ranges', () => {
  const docOnly = CATALOGUE.filter((r) => r.check.kind === 'documented-only');
  it('give every documented-only rule a concrete reason', () => {
    for (const r of docOnly) {
      expect(r.check.kind === 'documented-only' ? r.check.reason.length : 0, r.id).toBeGreaterThan(40);
    }
  });
  it('state the condition of every invariant and end check as one sentence', () => {
    for (const r of CATALOGUE) {
      if (r.check.kind === 'invariant' || r.check.kind === 'end') expect(r.check.what, r.id).toMatch(/^[A-Z][^\n]{20,}\.$/);
    }
  });
  it('check at least 90% of the rules by model, invariant or end (at most 13 documented-only)', () => {
    expect(docOnly.length).toBeLessThanOrEqual(13);
    expect((CATALOGUE.length - docOnly.length) / CATALOGUE.length).toBeGreaterThanOrEqual(0.9);
  });
  it('keep the registration-time and out-of-vocabulary rules documented-only', () => {
    for (const id of ['PROV-1', 'PROV-2', 'PROV-3', 'PROV-7', 'CB-4', 'STAT-11']) {
      expect(ruleById(id)?.check.kind, id).toBe('documented-only');
    }
  });
  it('model-check the client rules the vocabulary can express', () => {
    for (const id of ['CFG-1', 'DESC-9', 'TERM-6', 'DATA-1', 'SYNC-3', 'CB-6', 'DESC-16']) {
      expect(ruleById(id)?.check.kind, id).toBe('model');
    }
  });
  it('state the accepted range of every engine-dependent behaviour of §7', () => {
    const expected: Record<string, string> = {
      'STAT-3': 'Q1', 'CB-12': 'Q2', 'PAUSE-3': 'Q6', 'PAUSE-6': 'Q6', 'PAUSE-5': 'Q7', 'TERM-9': 'Q10',
      'STAT-4': 'Q19', 'PAUSE-4': 'Q19', 'STAT-12': 'Q21', 'CH-4': 'Q22', 'DESC-8': 'Q16', 'CYC-9': 'Q15',
    };
    for (const [id, q] of Object.entries(expected)) expect(ruleById(id)?.range, id).toMatch(new RegExp(`^${q}:`));
    expect(ruleById('CB-11')?.range).toMatch(/at most one period callback/);
    for (const r of CATALOGUE) if (r.range !== undefined) expect(r.range, r.id).toMatch(/\.$/);
  });
});

describe('severity of client rules (issue 15)', () => {
  it('every rule that binds the client has a severity and a reason citing a kernel source or seed', () => {
    const missing = CATALOGUE.filter((r) => r.binds !== 'engine' && (r.severity === undefined || (r.severityReason ?? '').length < 40)).map((r) => r.id);
    expect(missing).toEqual([]);
    for (const r of CATALOGUE.filter((x) => x.binds !== 'engine')) {
      expect(r.severityReason, r.id).toMatch(/\.(c|h|rst)\b|seed 0|client\.rst|provider\.rst/);
    }
  });
  it('engine rules carry no severity (an engine violation is always a failure)', () => {
    expect(CATALOGUE.filter((r) => r.binds === 'engine' && r.severity !== undefined).map((r) => r.id)).toEqual([]);
  });
  it('every severity decision names a client rule of the catalogue', () => {
    const stray = Object.keys(SEVERITY_DECISIONS).filter((id) => ruleById(id) === undefined || ruleById(id)?.binds === 'engine');
    expect(stray).toEqual([]);
  });
  it('the rules issue 15 names are decided as the kernel reads them', () => {
    const sev = (id: string) => ruleById(id)?.severity;
    expect(['DESC-9', 'CFG-1', 'META-1', 'TERM-6'].map(sev)).toEqual(['advisory', 'advisory', 'advisory', 'advisory']);
    expect(['DATA-1', 'SYNC-3', 'SYNC-7', 'TERM-8'].map(sev)).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });
});
