import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findKernelEnv, runBatch } from './run-batch.ts';

describe('runBatch without a set-up', () => {
  const saved = process.env.DMACHECK_KERNEL_CACHE;
  const empty = mkdtempSync(join(tmpdir(), 'dmacheck-cache-'));
  afterEach(() => {
    if (saved === undefined) delete process.env.DMACHECK_KERNEL_CACHE;
    else process.env.DMACHECK_KERNEL_CACHE = saved;
    rmSync(empty, { recursive: true, force: true });
  });

  it('finds no kernel and answers with a named failure instead of throwing', async () => {
    process.env.DMACHECK_KERNEL_CACHE = empty;
    expect(findKernelEnv()).toBeUndefined();
    const r = await runBatch([{ format: 'dmacheck-program/1', name: 'p', steps: [] }]);
    expect(r.runs).toEqual([]);
    expect(r.error).toEqual({ kind: 'boot', msg: 'the kernel cache is empty: run `npx dmacheck kernel setup` first', consoleTail: [] });
  });
});
