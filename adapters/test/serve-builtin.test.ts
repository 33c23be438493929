import { afterAll, describe, expect, it } from 'vitest';
import { MemoryTraceWriter, RecordingImplementation } from '../../trace/record.ts';
import type { Implementation } from '../../spec/api/implementation.ts';
import { resolveImplementation } from '../resolve.ts';
import { runScript } from './script.ts';
import { TEST_CONFIG } from './test-config.ts';

const bin = new URL('../../bin/dmacheck.js', import.meta.url).pathname;

function record(impl: Implementation): unknown[] {
  const w = new MemoryTraceWriter();
  const rec = new RecordingImplementation(impl, w);
  runScript(rec, TEST_CONFIG);
  rec.finish();
  return w.lines.map((l) => JSON.parse(l) as unknown);
}

describe('dmacheck serve (built-in engine) is the built-in engine', () => {
  let served: Implementation | undefined;
  afterAll(() => served?.dispose?.());

  it('same name, profile and trace in-process and over stdio', async () => {
    const local = await resolveImplementation({ impl: 'builtin' });
    served = await resolveImplementation({ implCmd: `"${process.execPath}" "${bin}" serve`, timeoutMs: 5000 });
    expect(served.name).toBe(local.name);
    expect(served.profile).toEqual(local.profile);
    const a = record(local);
    expect(a.some((e) => (e as { k?: string }).k === 'cb')).toBe(true);
    expect(record(served)).toEqual(a);
  });
});
