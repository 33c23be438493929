/** Shared bits of the trace tests: a recorded trace of the example engine. @internal */
import createTsEngine from '../../examples/ts-engine/engine.ts';
import { runScript } from '../../adapters/test/script.ts';
import { TEST_CONFIG } from '../../adapters/test/test-config.ts';
import type { Implementation } from '../../spec/api/implementation.ts';
import { MemoryTraceWriter, RecordingImplementation } from '../record.ts';

/** The lines of a quiescent-ended recording of the script against `impl`. */
export function recordScript(impl: Implementation = createTsEngine()): string[] {
  const w = new MemoryTraceWriter();
  const rec = new RecordingImplementation(impl, w, { seed: 1 });
  runScript(rec, TEST_CONFIG);
  rec.finish();
  return [...w.lines];
}

export const text = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');
