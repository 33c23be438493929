/**
 * The kernel-client corpus (corpus/README.md): every program in corpus/kernel-clients parses
 * as dmacheck-program/1, the README table lists it with the same expectation, and check-client's
 * search (properties/program/explore.ts) against the built-in engine gives the expected verdict:
 * no failing schedule for `conformant`, else a first failure of the expected kind naming the
 * expected rule. Fixed seed; the runs are enough to reach every corpus failure (the pcm XRUN and
 * tango seed-000 ones need a late tasklet or a slow peripheral, found within the first 40).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClientProgram, Verdict } from '../spec/api/index.ts';
import { parseProgram } from '../spec/api/program-schema.ts';
import { createBuiltinEngine } from '../impl/index.ts';
import { explore } from '../properties/program/explore.ts';
import { loadModel } from '../trace/load-model.ts';

const CORPUS_DIR = join(import.meta.dirname, 'kernel-clients');
const README = join(import.meta.dirname, 'README.md');
const SEED = 1;
const RUNS = 40;

const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.json')).sort();
const programs: readonly { readonly file: string; readonly program: ClientProgram }[] =
  files.map((file) => ({ file, program: parseProgram(JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8'))) }));

/** `| \`name\` | source | fix | verdict | rules |` rows of the README table. */
function readmeRows(): ReadonlyMap<string, { readonly verdict: string; readonly rules: readonly string[] }> {
  const rows = new Map<string, { verdict: string; rules: string[] }>();
  for (const line of readFileSync(README, 'utf8').split('\n')) {
    const m = /^\| `([^`]+)` \|.*\| (conformant|undefined|violation) \| ([^|]+) \|$/.exec(line);
    if (m === null) continue;
    const rules = m[3]!.trim() === '—' ? [] : m[3]!.split(',').map((r) => r.trim());
    rows.set(m[1]!, { verdict: m[2]!, rules });
  }
  return rows;
}

/** What a corpus expectation compares: `conformant`, or the verdict kind and its rule. */
function judged(v: Verdict | undefined): { readonly verdict: string; readonly rules: readonly string[] } {
  if (v === undefined) return { verdict: 'conformant', rules: [] };
  if (v.kind === 'undefined' || v.kind === 'violation') return { verdict: v.kind, rules: [v.rule] };
  return { verdict: v.kind, rules: [v.msg] };
}

describe('kernel-client corpus', () => {
  it('holds at least 20 programs, each with its kernel source and an expectation', () => {
    expect(programs.length).toBeGreaterThanOrEqual(20);
    for (const { file, program } of programs) {
      expect(program.name, file).toBe(file.replace(/\.json$/, ''));
      expect(program.source?.kernel.length ?? 0, file).toBeGreaterThan(0);
      expect(program.expect, file).toBeDefined();
      if (program.expect?.verdict === 'undefined') expect(program.expect.rules?.length, file).toBe(1);
    }
  });

  it('keeps a -prefix and a -fixed version of every program with a fix commit', () => {
    const names = new Set(programs.map((p) => p.program.name));
    for (const name of names) {
      if (name.endsWith('-prefix')) expect(names.has(name.replace(/-prefix$/, '-fixed')), name).toBe(true);
      if (name.endsWith('-fixed')) expect(names.has(name.replace(/-fixed$/, '-prefix')), name).toBe(true);
    }
  });

  it('is listed in corpus/README.md with the same expectations', () => {
    const rows = readmeRows();
    expect([...rows.keys()].sort()).toEqual(programs.map((p) => p.program.name).sort());
    for (const { program } of programs) {
      expect(rows.get(program.name), program.name).toEqual({ verdict: program.expect?.verdict, rules: program.expect?.rules ?? [] });
    }
  });

  describe('check-client against the built-in engine', async () => {
    const model = await loadModel();
    for (const { file, program } of programs) {
      it(`${file}: ${program.expect?.verdict} ${(program.expect?.rules ?? []).join(' ')}`, () => {
        const r = explore({ model, impl: createBuiltinEngine(), program, runs: RUNS, seed: SEED });
        expect(judged(r.failure?.verdict)).toEqual({ verdict: program.expect?.verdict, rules: program.expect?.rules ?? [] });
      }, 60_000);
    }
  });
});
