/**
 * Hand-made `dmacheck-trace/1.1` traces of what the real bcm2835-dma does (kernel-notes.md,
 * "Observed answers"; issue 11 item 3) and coarse traces that break an observed rule. Each
 * file names its expected verdict in the header's `meta.expect`: `conformant` or
 * `violation RULE`. The conformant kernel traces pass only because the unobserved kinds
 * (xfer, irq_raised) are existentially quantified: declared as seeing everything, they fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { model } from '../../spec/model/index.ts';
import { checkTrace } from '../check.ts';
import { parseTrace } from '../parse.ts';

const dir = new URL('./fixtures/kernel/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const read = (f: string): string => readFileSync(join(dir, f), 'utf8');

function outcome(text: string, file: string): string {
  const r = checkTrace(parseTrace(text, file), model);
  const v = r.verdicts.at(-1)?.verdict;
  if (v === undefined) return 'conformant';
  return v.kind === 'violation' || v.kind === 'undefined' ? `${v.kind} ${v.rule}` : v.kind;
}

describe('kernel-behaviour and coarse 1.1 traces', () => {
  it('there are kernel, coarse and nested fixtures', () => {
    for (const p of ['kernel-', 'coarse-', 'nested-']) expect(files.filter((f) => f.startsWith(p)).length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s has the verdict its header names', (file) => {
    const text = read(file);
    const expected = (parseTrace(text, file).header.meta?.['expect']) as string;
    expect(expected).toMatch(/^(conformant|violation [A-Z]+-\d+)$/);
    expect(outcome(text, file)).toBe(expected);
  });

  it.each([
    ['kernel-issue-inside.jsonl', 'violation ISS-3'], // an interrupt never seen raised
    ['kernel-race-terminate.jsonl', 'violation ISS-3'],
    ['kernel-status.jsonl', 'violation STAT-6'], // residue 0 of a transfer no byte of which was seen moving
  ])('%s declared as observing everything fails with %s', (file, verdict) => {
    const [head, ...rest] = read(file).split('\n');
    const h = JSON.parse(head!) as Record<string, unknown>;
    delete h['observe'];
    expect(outcome([JSON.stringify(h), ...rest].join('\n'), file)).toBe(verdict);
  });

  it('the coarse traces end at a quiescent point or stop; the conformant ones are end-checked', () => {
    for (const f of files.filter((x) => x.startsWith('kernel-') || x.startsWith('nested-'))) {
      expect(checkTrace(parseTrace(read(f), f), model).endChecked, f).toBe(true);
    }
  });
});
