/**
 * junit.xml validates against a JUnit XML Schema (reports/schema/junit.xsd) with libxml2's
 * xmllint, for every fixture including the hostile and the 10,000-step ones. Skipped, with
 * a message, only where xmllint is missing outside CI (.ci/run installs libxml2-utils).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../index.ts';
import { errorResult, failingResult, hostileResult, longResult, passingResult } from './fixtures.ts';

const xsd = new URL('../schema/junit.xsd', import.meta.url).pathname;
const available = spawnSync('xmllint', ['--version']).status === 0;
const inCi = Boolean(process.env.CI);
const NOTE = available || inCi ? '' : ' (skipped: xmllint not installed; apt-get install libxml2-utils)';
if (NOTE) process.stdout.write(`junit-xsd.test.ts${NOTE}\n`);

const dir = mkdtempSync(join(tmpdir(), 'dmacheck-junit-'));

function validate(name: string, xml: string): { status: number | null; stderr: string } {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe.skipIf(!available && !inCi)(`junit.xml against the JUnit XSD${NOTE}`, () => {
  const fixtures = { passing: passingResult(), failing: failingResult(), error: errorResult(), hostile: hostileResult(), long: longResult(10_000) };
  for (const [name, result] of Object.entries(fixtures)) {
    it(`${name} report validates`, () => {
      const r = validate(name, String(renderReport(result, 'junit')));
      expect(r.stderr).toContain('validates');
      expect(r.status).toBe(0);
    });
  }
  it('the schema rejects a report whose testcase lost its name', () => {
    const xml = String(renderReport(failingResult(), 'junit')).replace(/<testcase name="[^"]*"/, '<testcase');
    const r = validate('broken', xml);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('fails to validate');
  });
});
