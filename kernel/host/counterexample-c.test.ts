/**
 * Counterexamples as C compile (issue 14 item 4): the runs of a spread of mutant triggers
 * (callbacks with actions, cyclic, interleaved, metadata, REUSE, pause, terminate, a
 * second request) rendered as a platform-driver module and as a KUnit suite
 * (properties/counterexample/c-client.ts) cross-build against Debian's arm64 headers
 * without a warning. Needs `kernel setup` (headers in the cache, aarch64 gcc): without
 * them the test says so and skips — under CI=true it fails instead.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMutant, mutantSpec } from '../../impl/mutants/index.ts';
import { triggerConfig } from '../../mutants/trigger.ts';
import { cKunitFile, cModuleFile } from '../../properties/counterexample/c-client.ts';
import { preludeSteps } from '../../properties/lockstep/prelude.ts';
import { replaySteps } from '../../properties/lockstep/replay.ts';
import { loadModel } from '../../trace/load-model.ts';
import { compileModules } from './compile-module.ts';
import { onPath } from './exec.ts';
import { cacheLayout } from './paths.ts';
import { findKernelEnv } from './run-batch.ts';

const env = findKernelEnv();
const toolchain = (await onPath('aarch64-linux-gnu-gcc')) && (await onPath('make'));
const ready = env !== undefined && toolchain;
const CI = process.env.CI === 'true';
if (!ready && !CI) process.stderr.write('counterexample-c: SKIPPED: no kernel cache or aarch64 toolchain (run `npx dmacheck kernel setup` to enable this test)\n');

const MUTANTS = ['cb-hardirq', 'cb-on-abort', 'period-cb-doubled', 'repeat-without-cap', 'meta-copied-late', 'meta-freed-early', 'reuse-freed', 'pause-loses-bytes', 'terminate-frees-active', 'request-not-exclusive'];

describe('counterexamples as C', () => {
  it.skipIf(!ready && !CI)('has the kernel cache and the cross toolchain', () => {
    expect(env, 'no kernel cache: `npx dmacheck kernel setup` must run before the tests').toBeDefined();
    expect(toolchain, 'aarch64-linux-gnu-gcc or make missing').toBe(true);
  });

  it.skipIf(!ready)('builds each as a module and as a KUnit suite with zero warnings', async () => {
    const model = await loadModel();
    const files: Record<string, string> = {};
    const names = MUTANTS.map((m) => m.replace(/-/g, '_'));
    MUTANTS.forEach((name, i) => {
      const spec = mutantSpec(name)!;
      const impl = createMutant(name)!;
      const cfg = triggerConfig(spec, impl);
      const r = replaySteps(model, impl, cfg, 'legal', [...preludeSteps(cfg), ...spec.trigger.steps]);
      expect(r.failure, name).toBeDefined();
      files[`cx_${names[i]}.c`] = cModuleFile(r.trace, cfg, `mutant:${name}`);
      files[`kunit_${names[i]}.c`] = cKunitFile(r.trace, cfg, `mutant:${name}`);
    });
    const out = mkdtempSync(join(tmpdir(), 'dmacheck-cx-c-'));
    try {
      const c = cacheLayout(env!.abi, join(env!.cacheDir, '..'));
      const b = await compileModules(c.headersArm64, out, files, names.map((n) => `cx_${n}`), names.map((n) => `kunit_${n}`));
      expect(b.ok, b.output.split('\n').filter((l) => /error|warning/i.test(l)).slice(0, 20).join('\n')).toBe(true);
      expect(b.warnings).toEqual([]);
      for (const n of names) {
        expect(statSync(join(out, `cx_${n}.ko`)).size).toBeGreaterThan(0);
        expect(statSync(join(out, `kunit_${n}.o`)).size).toBeGreaterThan(0);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);
});
