/**
 * The agent module cross-builds against Debian's headers without a single warning.
 * Needs `kernel setup` (headers in the cache, aarch64 gcc): without them the test says
 * so and skips — under CI=true (where setup runs first) it fails instead.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onPath } from './exec.ts';
import { cacheLayout } from './paths.ts';
import { findKernelEnv } from './run-batch.ts';
import { compileAgent } from './setup.ts';

const env = findKernelEnv();
const toolchain = (await onPath('aarch64-linux-gnu-gcc')) && (await onPath('make'));
const ready = env !== undefined && toolchain;
const CI = process.env.CI === 'true';
if (!ready && !CI) process.stderr.write('agent-build: SKIPPED: no kernel cache or aarch64 toolchain (run `npx dmacheck kernel setup` to enable this test)\n');

describe('agent module build', () => {
  it.skipIf(!ready && !CI)('has the kernel cache and the cross toolchain', () => {
    expect(env, 'no kernel cache: `npx dmacheck kernel setup` must run before the tests').toBeDefined();
    expect(toolchain, 'aarch64-linux-gnu-gcc or make missing').toBe(true);
  });

  it.skipIf(!ready)('builds dmacheck_agent.ko with zero warnings', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dmacheck-agent-'));
    try {
      const c = cacheLayout(env!.abi, join(env!.cacheDir, '..'));
      const b = await compileAgent(c.headersArm64, out);
      expect(b.ok, b.output).toBe(true);
      expect(b.warnings).toEqual([]);
      expect(statSync(join(out, 'dmacheck_agent.ko')).size).toBeGreaterThan(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
