/**
 * Counterexamples as C compile (issue 14 item 4): the runs of a spread of mutant triggers
 * (callbacks with actions, cyclic, interleaved, metadata, REUSE, pause, terminate, a
 * second request, and a run of calls no trigger makes) rendered as a platform-driver module and as a KUnit suite
 * (properties/counterexample/c-client.ts) cross-build against Debian's arm64 headers
 * without a warning. Needs `kernel setup` (headers in the cache, aarch64 gcc): without
 * them the test says so and skips — under CI=true it fails instead.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../../impl/index.ts';
import { createMutant, mutantSpec } from '../../impl/mutants/index.ts';
import { triggerConfig } from '../../mutants/trigger.ts';
import { cKunitFile, cModuleFile } from '../../properties/counterexample/c-client.ts';
import { defaultConfig } from '../../properties/gen/config.ts';
import { preludeSteps } from '../../properties/lockstep/prelude.ts';
import { replaySteps } from '../../properties/lockstep/replay.ts';
import type { Step } from '../../properties/lockstep/step.ts';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT } from '../../spec/api/index.ts';
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
    // Calls no trigger makes: a dma_vec prep (Linux >= 6.10 only: compiled out on 6.1), caps,
    // is_tx_complete, REUSE and desc_free, unmapping through the client device, release.
    const builtin = createBuiltinEngine();
    const cfg = defaultConfig(builtin.profile);
    const call = (c: Extract<Step, { k: 'call' }>['call']): Step => ({ k: 'call', call: c, ctx: 'process' });
    const extra = replaySteps(model, builtin, cfg, 'legal', [...preludeSteps(cfg),
      call({ op: 'get_slave_caps', chan: 0 }),
      call({ op: 'prep_dma_vec', chan: 0, desc: 1, vecs: [{ buf: 1, offset: 0, len: 8 }, { buf: 2, offset: 4, len: 8 }], dir: 'MEM_TO_DEV', flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK }),
      call({ op: 'prep_slave_sg', chan: 0, desc: 2, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'MEM_TO_DEV', flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK }),
      call({ op: 'set_reuse', desc: 2 }), call({ op: 'submit', desc: 2 }), call({ op: 'issue_pending', chan: 0 }),
      call({ op: 'is_tx_complete', chan: 0, cookie: 2 }), call({ op: 'terminate_sync', chan: 0 }), call({ op: 'desc_free', desc: 2 }),
      call({ op: 'alloc_buf', buf: 9, len: 32 }), call({ op: 'map_buf', chan: 1, buf: 9, dev: 'client' }), call({ op: 'unmap_buf', buf: 9 }),
      call({ op: 'free_buf', buf: 9 }), call({ op: 'release_channel', chan: 1 })]);
    files['cx_extra.c'] = cModuleFile(extra.trace, cfg, 'builtin: calls no trigger makes');
    files['kunit_extra.c'] = cKunitFile(extra.trace, cfg, 'builtin: calls no trigger makes');
    names.push('extra');
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
