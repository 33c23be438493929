/**
 * The package as a user gets it (issue 14, item 7): `npm pack` (prepack builds dist/), the
 * tarball installed into an empty directory, and there `npx dmacheck` certifies the
 * built-in engine, checks a recorded trace, and loads a TypeScript engine given with
 * `--impl ./engine.ts` that imports the package by name (and type-checks against its
 * declarations). Then tsx is removed from the install: the compiled commands still run, so
 * nothing but a user's .ts module needs it.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'trace/test/fixtures/v1');
const dir = mkdtempSync(join(tmpdir(), 'dmacheck-pack-'));
const user = join(dir, 'user');
const installed = join(user, 'node_modules/dmacheck');

function sh(cmd: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
}
const npx = (...args: string[]) => sh('npx', ['--no-install', 'dmacheck', ...args], user);
const lastLine = (s: string) => s.trim().split('\n').at(-1) ?? '';

/** Every file under `d`, relative to it. */
function files(d: string): string[] {
  return readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(d, join(e.parentPath, e.name)));
}

beforeAll(() => {
  const pack = sh('npm', ['pack', '--pack-destination', dir], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  expect(tarball, pack.stdout).toBeDefined();
  mkdirSync(user);
  writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'user-driver', private: true, type: 'module' }));
  // The dependencies are in npm's cache after `npm ci`: no registry round trip when they are.
  const install = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, tarball!)], user);
  expect(install.status, install.stderr).toBe(0);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed and installed package', () => {
  it('ships the compiled code, its run-time files and docs, no sources or tests', () => {
    const shipped = files(installed);
    expect(shipped).toEqual(expect.arrayContaining(['bin/dmacheck.js', 'README.md', 'package.json', 'docs/ARCHITECTURE.md', 'dist/cli/main.js', 'dist/spec/api/index.d.ts']));
    expect(shipped.filter((f) => (f.endsWith('.ts') && !f.endsWith('.d.ts')) || /(^|\/)test\/|\.test\./.test(f))).toEqual([]);
    // What compiled modules load by URL (the stdio worker, the kernel agent's sources, the guest's init) is there.
    const wanted = shipped.filter((f) => f.startsWith('dist/') && f.endsWith('.js')).flatMap((f) => {
      const text = readFileSync(join(installed, f), 'utf8');
      return [...text.matchAll(/new URL\('([^']+)', import\.meta\.url\)/g)].map((m) => join(dirname(f), m[1]!));
    });
    expect(wanted).toEqual(expect.arrayContaining(['dist/adapters/stdio/child-worker.mjs', 'dist/kernel/agent/', 'dist/kernel/guest/init']));
    expect(wanted.filter((f) => !existsSync(join(installed, f)))).toEqual([]);
  });

  it('loads a TypeScript engine given with --impl ./engine.ts that imports the package by name', () => {
    const engine = readFileSync(join(ROOT, 'examples/ts-engine/engine.ts'), 'utf8').replaceAll("'../../adapters/index.ts'", "'dmacheck/adapters'");
    expect(engine).toContain("from 'dmacheck/adapters'");
    writeFileSync(join(user, 'engine.ts'), engine);
    // It type-checks against the package's declarations (the `types` of its exports).
    writeFileSync(join(user, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, types: [] }, files: ['engine.ts'] }));
    const tsc = sh(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], user);
    expect(tsc.status, tsc.stdout).toBe(0);
    const r = npx('certify', '--impl', './engine.ts', '--runs', '20', '--allow-unexercised');
    expect(r.status, r.stderr).toBe(0);
    expect(lastLine(r.stdout)).toMatch(/^CONFORMANT: example:ts-engine, seed 42; \d+ pass, 0 fail/);
  });

  describe('without tsx (the compiled code alone)', () => {
    beforeAll(() => rmSync(join(user, 'node_modules/tsx'), { recursive: true, force: true }));

    it('npx dmacheck certify --runs 200: CONFORMANT, exit 0', () => {
      const r = npx('certify', '--runs', '200');
      expect(r.status, r.stderr).toBe(0);
      expect(lastLine(r.stdout)).toMatch(/^CONFORMANT: builtin, seed 42; \d+ pass, 0 fail, .*; 200 sequences/);
    });

    it('npx dmacheck check-trace: the recorded violation with its line (exit 1), a conformant trace (exit 0)', () => {
      const bad = npx('check-trace', join(FIXTURES, 'mutant-cb-hardirq.jsonl'));
      expect(bad.status, bad.stderr).toBe(1);
      expect(bad.stdout).toContain('mutant-cb-hardirq.jsonl:42: violation CB-1');
      const good = npx('check-trace', join(FIXTURES, 'builtin-cb-hardirq.jsonl'));
      expect(good.status, good.stderr).toBe(0);
      expect(lastLine(good.stdout)).toMatch(/: builtin: \d+ entries, end-of-run obligations checked: conformant$/);
    });

    it('the stdio adapter and fuzz workers run from dist/', () => {
      const serve = `"${process.execPath}" "${join(installed, 'bin/dmacheck.js')}" serve`;
      const stdio = npx('certify', '--impl-cmd', serve, '--runs', '20', '--allow-unexercised');
      expect(stdio.status, stdio.stderr).toBe(0);
      expect(lastLine(stdio.stdout)).toMatch(/^CONFORMANT: builtin, seed 42; /);
      const fuzz = npx('fuzz', '--runs', '40', '--workers', '2', '--seed', '7');
      expect(fuzz.status, fuzz.stderr).toBe(0);
      expect(fuzz.stdout).toMatch(/NOTHING FOUND: builtin, seed 7; 40 sequences/);
    });
  });
});
