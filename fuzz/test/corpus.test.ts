import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCounterexample } from '../../properties/counterexample/file.ts';
import { Corpus, replayCorpus } from '../corpus.ts';
import { emitTest } from '../emit-test.ts';
import { type Finding, keyOf, setupLength } from '../finding.ts';
import { preludeSteps } from '../../properties/lockstep/prelude.ts';
import type { Step } from '../../properties/lockstep/step.ts';
import { campaign, engine, model } from './helpers.ts';

// One CB-1 finding, shared by the tests below (seed 5, as in campaign.test.ts).
const found: Finding[] = campaign(engine('cb-hardirq'), { seed: 5, runs: 30, wants: () => true }).findings;
const cb1 = found.find((f) => f.file.rule === 'CB-1')!;

describe('failure corpus', () => {
  it('keeps one file per rule and shape, at most maxPerRule per rule, in the replay format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-corpus-'));
    const corpus = new Corpus(dir, 2).load();
    expect(await corpus.add(cb1)).toBe(true);
    expect(await corpus.add(cb1)).toBe(false);
    const other = found.filter((f) => f.file.rule === 'CB-1' && f.key !== cb1.key);
    for (const f of other) await corpus.add(f);
    expect(corpus.entries.filter((e) => e.file.rule === 'CB-1').length).toBe(Math.min(2, 1 + new Set(other.map((f) => f.key)).size));
    if (corpus.entries.length === 2) expect(corpus.wants('violation:CB-1')).toBe(false);
    const files = readdirSync(dir);
    expect(files.every((n) => n.endsWith('.json'))).toBe(true);
    for (const n of files) expect(loadCounterexample(join(dir, n)).ok, n).toBe(true);
  });

  it('keys by rule and generated steps: the same bug behind a longer probe (one more channel) is a duplicate', () => {
    const f = cb1.file;
    const config = { ...f.config, slaves: [...f.config.slaves, { name: 'extra', directions: ['MEM_TO_DEV' as const], fifoDepth: 64 }] };
    const generated = (f.commands as Step[]).slice(setupLength(f));
    const moved = { ...f, config, commands: [...preludeSteps(config), ...generated] };
    expect(keyOf(moved).key).toBe(cb1.key);
    expect(keyOf({ ...moved, commands: [...preludeSteps(config), ...generated.slice(1)], length: generated.length - 1 }).key).not.toBe(cb1.key);
  });

  it('replays every entry on start: still failing against the faulty engine, passing against the built-in one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-corpus-'));
    await new Corpus(dir).load().add(cb1);
    writeFileSync(join(dir, 'broken.json'), '{"format": "nope"}');
    const corpus = new Corpus(dir).load();
    expect(corpus.entries.length).toBe(1);
    expect(corpus.errors.length).toBe(1);
    expect(corpus.errors[0]).not.toContain('\n');
    const bad = replayCorpus(model, engine('cb-hardirq'), 'x', corpus.entries);
    expect(bad[0]!.verdict?.kind).toBe('violation');
    expect(bad[0]!.finding?.file.rule).toBe('CB-1');
    const good = replayCorpus(model, engine(), 'builtin', corpus.entries);
    expect(good[0]!.verdict).toBeUndefined();
  });

  it('emits a standalone vitest regression test carrying the exact steps', () => {
    const text = emitTest(cb1.file, { source: 'CB-1.json' });
    expect(text).toContain("from 'vitest'");
    expect(text).toContain(cb1.file.replay);
    const stepLines = text.split('\n').filter((l) => l.startsWith('  {"k":'));
    expect(stepLines.map((l) => JSON.parse(l.trim().replace(/,$/, '')))).toEqual(cb1.file.commands);
    expect(text).toContain(`impl: ${JSON.stringify(cb1.file.impl)}`);
  });

  it('writes only whole files (temporary name, then rename)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-corpus-'));
    await new Corpus(dir).load().add(cb1);
    const names = readdirSync(dir);
    expect(names).toEqual([cb1.name]);
    expect(JSON.parse(readFileSync(join(dir, cb1.name), 'utf8')).format).toBe('dmacheck-counterexample/1');
  });
});
