import { afterAll, describe, expect, it } from 'vitest';
import createTsEngine from '../../examples/ts-engine/engine.ts';
import { MemoryTraceWriter, RecordingImplementation } from '../../trace/record.ts';
import { StdioImplementation } from '../stdio/client.ts';
import { runScript } from './script.ts';
import { TEST_CONFIG } from './test-config.ts';

const bin = new URL('../../bin/dmacheck.js', import.meta.url).pathname;
const engine = new URL('../../examples/ts-engine/engine.ts', import.meta.url).pathname;

function traceOf(run: (rec: RecordingImplementation) => void, rec: RecordingImplementation, w: MemoryTraceWriter): string[] {
  run(rec);
  return w.lines;
}

describe('dmacheck serve over the stdio protocol', () => {
  const served = new StdioImplementation({ command: process.execPath, args: [bin, 'serve', '--impl', engine], timeoutMs: 5000, startupTimeoutMs: 30_000 });
  afterAll(() => served.dispose());

  it('reports the served implementation\'s name and profile from hello', () => {
    const local = createTsEngine();
    expect(served.name).toBe(local.name);
    expect(served.profile).toEqual(local.profile);
  });

  it('gives the same trace as in-process on a fixed sequence with re-entrant callbacks', () => {
    const w1 = new MemoryTraceWriter();
    const w2 = new MemoryTraceWriter();
    const local = traceOf((r) => runScript(r, TEST_CONFIG), new RecordingImplementation(createTsEngine(), w1), w1);
    const remote = traceOf((r) => runScript(r, TEST_CONFIG), new RecordingImplementation(served, w2), w2);
    expect(local.some((l) => l.includes('"k":"cb"'))).toBe(true);
    expect(local.some((l) => l.includes('"ctx":"callback"'))).toBe(true);
    expect(remote.map((l) => JSON.parse(l) as unknown)).toEqual(local.map((l) => JSON.parse(l) as unknown));
  });

  it('runs the sequence twice in one session (reset discards earlier state)', () => {
    const w = new MemoryTraceWriter();
    const rec = new RecordingImplementation(served, w);
    runScript(rec, TEST_CONFIG);
    const first = [...w.lines];
    runScript(rec, TEST_CONFIG);
    expect(w.lines).toEqual(first);
  });
});
