import { afterAll, describe, expect, it } from 'vitest';
import createTsEngine from '../../examples/ts-engine/engine.ts';
import { MemoryTraceWriter, RecordingImplementation } from '../../trace/record.ts';
import { StdioImplementation } from '../stdio/client.ts';
import { runScript } from './script.ts';
import { TEST_CONFIG } from './test-config.ts';

const dir = new URL('../../examples/', import.meta.url).pathname;
const start = (path: string) => new StdioImplementation({ command: 'python3', args: [`${dir}${path}`], timeoutMs: 3000 });

function record(impl: StdioImplementation | ReturnType<typeof createTsEngine>): string[] {
  const w = new MemoryTraceWriter();
  runScript(new RecordingImplementation(impl, w), TEST_CONFIG);
  return w.lines.slice(1); // without the header (names differ)
}

describe('the Python example engines over the protocol', () => {
  const py = start('py-engine/engine.py');
  const buggy = start('py-engine-buggy/engine.py');
  afterAll(() => { py.dispose(); buggy.dispose(); });

  it('declare their name and modest profile in hello', () => {
    expect(py.name).toBe('example:py-engine');
    expect(buggy.name).toBe('example:py-engine:cb-hardirq');
    expect(py.profile).toMatchObject({ slaveSg: true, callbacks: true, terminate: true, synchronize: true, cyclic: false, pause: false });
  });

  it('the correct engine behaves exactly like the TypeScript example on the fixed sequence', () => {
    const parse = (ls: string[]) => ls.map((l) => JSON.parse(l) as unknown);
    expect(parse(record(py))).toEqual(parse(record(createTsEngine())));
  });

  it('the buggy copy invokes a callback from hard-IRQ context (CB-1)', () => {
    const lines = record(buggy);
    const cbs = lines.filter((l) => l.startsWith('{"k":"cb"'));
    expect(cbs.length).toBeGreaterThan(0);
    expect(cbs.every((l) => l.includes('"ctx":"hardirq"'))).toBe(true);
  });
});
