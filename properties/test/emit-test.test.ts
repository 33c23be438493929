/**
 * `dmacheck replay FILE --emit-test`: the printed regression test imports the package by
 * name only, type-checks under the project's strict settings and runs under vitest from
 * a directory outside this checkout that has dmacheck linked by name
 * (node_modules/dmacheck, as an install would place it) — failing against the engine
 * that produced the counterexample, passing against one that does not have the bug.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveImplementation } from '../../adapters/resolve.ts';
import { checkLockstep } from '../check.ts';
import { COUNTEREXAMPLE_FORMAT, type CounterexampleFile, saveCounterexample } from '../counterexample/file.ts';
import { model } from './harness.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const bin = join(ROOT, 'bin/dmacheck.js');
// A user's repository: outside this checkout, dmacheck and vitest linked into its node_modules.
const dir = mkdtempSync(join(tmpdir(), 'dmacheck-emit-'));
const SEED = 5;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A shrunk CB-1 counterexample of the cb-hardirq mutant, saved as a file. */
async function counterexampleFile(): Promise<string> {
  const impl = await resolveImplementation({ impl: 'mutant:cb-hardirq' });
  const out = checkLockstep({ model: await model(), impl, mode: 'legal', numRuns: 200, seed: SEED });
  expect(out.counterexample?.rule, `seed ${SEED}`).toBe('CB-1');
  const f: CounterexampleFile = { ...out.counterexample!, format: COUNTEREXAMPLE_FORMAT, impl: 'mutant:cb-hardirq', mode: 'legal', replay: out.replay ?? '' };
  const path = join(dir, 'cb1.json');
  saveCounterexample(path, f);
  return path;
}

function emit(file: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [bin, 'replay', file, '--emit-test', ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('replay --emit-test', () => {
  it('prints a strict, runnable vitest regression test', async () => {
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(realpathSync(ROOT), join(dir, 'node_modules', 'dmacheck'), 'dir');
    for (const dep of ['vitest', '@types']) symlinkSync(realpathSync(join(ROOT, 'node_modules', dep)), join(dir, 'node_modules', dep), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user-driver', type: 'module', private: true }));
    const file = await counterexampleFile();
    const failing = emit(file);
    // Only the package name, never a path of this checkout.
    expect(failing).not.toContain(realpathSync(ROOT));
    expect(failing.match(/from '([^']+)'/g)?.filter((l) => !l.startsWith("from 'dmacheck/") && l !== "from 'vitest'")).toEqual([]);
    expect(failing).toContain("impl: \"mutant:cb-hardirq\"");
    expect(failing).toContain('CB-1');
    writeFileSync(join(dir, 'mutant.test.ts'), failing);
    writeFileSync(join(dir, 'builtin.test.ts'), emit(file, '--impl', 'builtin'));

    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), include: ['*.ts'], exclude: [] }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', cwd: dir });
    const own = tsc.stdout.split('\n').filter((l) => /^(builtin|mutant)\.test\.ts/.test(l));
    expect(own, tsc.stdout).toEqual([]);

    // The linked checkout has no build: this checkout's vitest config resolves `dmacheck/...`
    // to its sources (the `dmacheck-source` export condition); an installed package resolves
    // them to dist/ (package/test/pack.test.ts).
    const vitest = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--config', join(ROOT, 'vitest.config.ts'), '--reporter', 'json'], { encoding: 'utf8', cwd: dir });
    const report = JSON.parse(vitest.stdout.slice(vitest.stdout.indexOf('{'))) as { testResults: { name: string; status: string }[] };
    const status = Object.fromEntries(report.testResults.map((t) => [t.name.slice(t.name.lastIndexOf('/') + 1), t.status]));
    expect(status, vitest.stdout.slice(0, 2000)).toEqual({ 'builtin.test.ts': 'passed', 'mutant.test.ts': 'failed' });
    // The failure names the rule and prints the trace.
    expect(JSON.stringify(report.testResults.find((t) => t.name.endsWith('mutant.test.ts')))).toMatch(/violation CB-1 at line \d+/);
  });

  it('refuses an --impl-cmd file with one line and status 2', () => {
    const r = spawnSync(process.execPath, [bin, 'replay', join(ROOT, 'package.json'), '--emit-test', '--impl-cmd', 'python3 x.py'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
