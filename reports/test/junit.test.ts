import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { applyBaseline, renderJunit } from '../index.ts';
import type { RunResult } from '../result.ts';
import { errorResult, failingResult, HOSTILE, hostileResult, longResult, passingResult } from './fixtures.ts';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', parseAttributeValue: false, parseTagValue: false, trimValues: false,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});
const int = (n: Node, a: string) => {
  const v = n[`@_${a}`];
  expect(v, `attribute ${a}`).toMatch(/^\d+$/);
  return Number(v);
};

/**
 * The structural part of the JUnit XSD (jenkins junit-10.xsd / the schema GitLab
 * reads): testsuites > testsuite > (properties?, testcase*); required attributes;
 * at most one of failure/error/skipped per testcase; counts consistent.
 */
function checkJunitStructure(xml: string): { suites: Node[]; cases: Node[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as Node;
  const root = doc.testsuites as Node;
  expect(root).toBeDefined();
  const suites = (root.testsuite ?? []) as Node[];
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const cases: Node[] = [];
  for (const s of suites) {
    expect(typeof s['@_name']).toBe('string');
    expect(s['@_timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const tc = (s.testcase ?? []) as Node[];
    const count = (k: string) => tc.filter((c) => c[k] !== undefined).length;
    for (const c of tc) {
      expect(typeof c['@_name']).toBe('string');
      expect(typeof c['@_classname']).toBe('string');
      expect(['failure', 'error', 'skipped'].filter((k) => c[k] !== undefined).length).toBeLessThanOrEqual(1);
      for (const k of ['failure', 'error']) if (c[k] !== undefined) expect(typeof (c[k] as Node)['@_message']).toBe('string');
    }
    expect(int(s, 'tests')).toBe(tc.length);
    expect(int(s, 'failures')).toBe(count('failure'));
    expect(int(s, 'errors')).toBe(count('error'));
    expect(int(s, 'skipped')).toBe(count('skipped'));
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += int(s, k);
    cases.push(...tc);
  }
  for (const k of Object.keys(total) as (keyof typeof total)[]) expect(int(root, k)).toBe(total[k]);
  return { suites, cases };
}

const fixtures: [string, RunResult][] = [
  ['passing', passingResult()], ['failing', failingResult()], ['error', errorResult()], ['long', longResult(10_000)], ['hostile', hostileResult(true)],
];

describe('JUnit XML', () => {
  it.each(fixtures)('%s: well formed and structurally valid JUnit', (_, r) => {
    const { cases } = checkJunitStructure(renderJunit(r));
    expect(cases.filter((c) => String(c['@_classname']).startsWith('dmacheck.') && c['@_classname'] !== 'dmacheck.run')).toHaveLength(r.rules.length);
  });
  it('has one suite per rule group and one case per rule', () => {
    const r = failingResult();
    const { suites } = checkJunitStructure(renderJunit(r));
    expect(suites.map((s) => s['@_name'])).toEqual([...new Set(r.rules.map((x) => x.group))]);
  });
  it('carries the counterexample in the failure, with the violating step marked', () => {
    const { cases } = checkJunitStructure(renderJunit(failingResult()));
    const sync4 = cases.find((c) => c['@_name'] === 'SYNC-4')!;
    const failure = sync4.failure as Node;
    expect(failure['@_message']).toBe('SYNC-4 violation: xfer of d2 after synchronize returned');
    expect(String(failure['#text'])).toContain('>>    41  xfer d2 +0..32 w4');
    expect(String(failure['#text'])).toContain('replay: { seed: 42, path: "17:3:0", endOnFailure: true }');
  });
  it('skips rules not exercised / not supported / documented only, with a message', () => {
    const { cases } = checkJunitStructure(renderJunit(failingResult()));
    const skipped = (name: string) => (cases.find((c) => c['@_name'] === name)!.skipped as Node)['@_message'];
    expect(skipped('CB-14')).toBe('not exercised');
    expect(skipped('CYC-6')).toBe('not supported by the implementation profile');
    expect(skipped('DATA-4')).toMatch(/^documented only/);
  });
  it('reports an implementation error as an error case', () => {
    const { cases } = checkJunitStructure(renderJunit(errorResult()));
    const impl = cases.find((c) => c['@_name'] === 'implementation')!;
    expect((impl.error as Node)['@_type']).toBe('crash');
  });
  it('a known (baseline) violation is skipped, not failed', () => {
    const r = applyBaseline(failingResult(), failingResult());
    const { cases } = checkJunitStructure(renderJunit(r));
    const sync4 = cases.find((c) => c['@_name'] === 'SYNC-4')!;
    expect(sync4.failure).toBeUndefined();
    expect((sync4.skipped as Node)['@_message']).toMatch(/known/);
  });
  it('hostile strings stay text: no injected elements, no illegal characters, names clipped', () => {
    const xml = renderJunit(hostileResult(true));
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain(']]>');
    const { cases } = checkJunitStructure(xml);
    const doc = parser.parse(xml) as Node;
    expect(String((doc.testsuites as Node)['@_name']).length).toBeLessThan(400);
    const msg = String(((cases.find((c) => c['@_name'] === 'SYNC-4')!.failure) as Node)['@_message']);
    expect(msg).toContain('<script>window.__pwned=1</script>'); // escaped in the file, plain text once parsed
    expect(xml.length).toBeLessThan(HOSTILE.length * 200);
  });
});
