/**
 * Recorded traces of mutant engines fail `check-trace` with the mutant's rule; the same
 * steps recorded from the built-in engine pass. Each trigger is recorded the way
 * `certify --record` records (the lockstep runner drives the engine; the recorder marks
 * the end once the run is quiescent), written to a file, parsed back and judged again
 * offline: record → file → parse → model, as a user's recorded trace goes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../../impl/index.ts';
import { createMutant, MUTANTS, type MutantSpec } from '../../impl/mutants/index.ts';
import { triggerConfig } from '../../mutants/trigger.ts';
import { preludeSteps } from '../../properties/lockstep/prelude.ts';
import { Lockstep } from '../../properties/lockstep/runner.ts';
import { LockstepFailure } from '../../properties/lockstep/step.ts';
import type { Implementation } from '../../spec/api/index.ts';
import { model } from '../../spec/model/index.ts';
import { checkTrace } from '../check.ts';
import { parseTrace } from '../parse.ts';
import { MemoryTraceWriter, RecordingImplementation } from '../record.ts';

const outDir = join(new URL('../../', import.meta.url).pathname, 'out', 'mutant-traces');
mkdirSync(outDir, { recursive: true });

/** Record the mutant's trigger on `impl` (engine alone) and return the trace file's text. */
function record(spec: MutantSpec, impl: Implementation): string {
  const writer = new MemoryTraceWriter();
  const rec = new RecordingImplementation(impl, writer);
  const cfg = triggerConfig(spec, impl);
  const run = new Lockstep(model, rec, cfg, { mode: 'legal', quiescent: () => rec.finish() });
  try {
    for (const step of [...preludeSteps(cfg), ...spec.trigger.steps]) run.exec(step);
    run.finish();
  } catch (e) {
    if (!(e instanceof LockstepFailure)) throw e;
  }
  return writer.text();
}

function check(spec: MutantSpec, impl: Implementation) {
  const file = join(outDir, `${impl.name.replace(/[^a-z0-9-]/gi, '_')}.jsonl`);
  const text = record(spec, impl);
  writeFileSync(file, text);
  return checkTrace(parseTrace(text, file), model);
}

describe('check-trace on traces recorded from mutants', () => {
  for (const spec of MUTANTS) {
    it(`${spec.name}: the recorded trace fails with one of ${spec.rules.join(', ')}`, () => {
      const mutant = createMutant(spec.name);
      expect(mutant).toBeDefined();
      const r = check(spec, mutant!);
      const failing = r.verdicts.find((v) => v.verdict.kind === 'violation');
      expect(failing, `no violation in the recorded trace of ${spec.name}`).toBeDefined();
      const v = failing!.verdict;
      expect(v.kind === 'violation' ? spec.rules : [], `${spec.name} reported ${v.kind === 'violation' ? v.rule : v.kind}: ${v.msg}`).toContain(v.kind === 'violation' ? v.rule : '');
      expect(failing!.line).toBeGreaterThan(1);
    });
  }

  it('the same triggers recorded from the built-in engine pass', () => {
    for (const spec of MUTANTS) {
      const r = check(spec, createBuiltinEngine());
      // Advisories (e.g. CFG-1 of config-survives-release's unconfigured prep) are no failure.
      const bad = r.verdicts.filter((v) => v.verdict.kind !== 'undefined' && v.verdict.kind !== 'advisory');
      expect(bad.map((v) => `${spec.name}: line ${v.line}: ${v.verdict.msg}`)).toEqual([]);
      // A trigger made of deliberate client misuse (e.g. set_reuse without the cap) stops at
      // the client's first UB, as certify does; every other run ends quiescent and is end-checked.
      if (r.verdicts.every((v) => v.verdict.kind === 'advisory')) expect(r.endChecked, spec.name).toBe(true);
    }
  });
});
