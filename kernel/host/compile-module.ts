/**
 * Cross-builds out-of-tree C files against the kernel headers of the cache, the way
 * `compileAgent` (setup.ts) builds the agent: `make -C <headers> M=<dir> ARCH=arm64
 * CROSS_COMPILE=aarch64-linux-gnu-`. Used to prove generated C (counterexamples as a
 * module or a KUnit suite) compiles against the real headers.
 * @internal
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './exec.ts';

/** @internal */
export interface ModuleBuild {
  readonly ok: boolean;
  readonly warnings: readonly string[];
  readonly output: string;
}

/**
 * Writes `files` (name → C text) into `outDir`, one module per `modules` name (built to
 * a .ko) and one object per `objects` name (compiled only: e.g. a KUnit suite, whose
 * symbols a kernel without CONFIG_KUNIT does not export, so it cannot link). @internal
 */
export async function compileModules(headersDir: string, outDir: string, files: Readonly<Record<string, string>>, modules: readonly string[], objects: readonly string[] = []): Promise<ModuleBuild> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
  writeFileSync(join(outDir, 'Kbuild'), `obj-m := ${modules.map((m) => `${m}.o`).join(' ')}\n`);
  const base = ['-k', '-C', headersDir, `M=${outDir}`, 'ARCH=arm64', 'CROSS_COMPILE=aarch64-linux-gnu-'];
  const mods = modules.length > 0 ? await run('make', [...base, 'modules']) : { code: 0, stdout: '', stderr: '' };
  const objs = objects.length > 0 ? await run('make', [...base, ...objects.map((o) => `${o}.o`)]) : { code: 0, stdout: '', stderr: '' };
  const output = `${mods.stdout}\n${mods.stderr}\n${objs.stdout}\n${objs.stderr}`;
  return { ok: mods.code === 0 && objs.code === 0, warnings: output.split('\n').filter((l) => /warning:/i.test(l)), output };
}
