/**
 * Lockstep throughput: the same recorded command sequences run (a) in lockstep — model
 * step for every trace entry, engine, client bookkeeping, callback expansion — and (b) on
 * the engine alone (same runner, no model). Prints commands/s of both and their ratio.
 * Goals (issue 4): ≥ 100,000 lockstep commands/s on one core, ratio ≥ 0.4.
 * Run: node --import tsx bench/lockstep.ts [sequences]
 * @internal
 */
import fc from 'fast-check';
import { createBuiltinEngine } from '../impl/index.ts';
import { runSequence } from '../properties/check.ts';
import { configArb } from '../properties/gen/config.ts';
import { sequenceArb } from '../properties/gen/sequence.ts';
import { replaySteps } from '../properties/lockstep/replay.ts';
import type { Step } from '../properties/lockstep/step.ts';
import type { EngineConfig } from '../spec/api/index.ts';
import { loadModel } from '../trace/load-model.ts';

const N = Number(process.argv[2] ?? 400);
const model = await loadModel();
const engine = createBuiltinEngine();

// Record concrete, passing sequences (generation cost is not measured).
const recorded: { cfg: EngineConfig; steps: readonly Step[] }[] = [];
const samples = fc.sample(fc.tuple(configArb(engine.profile), sequenceArb({ profile: engine.profile, mode: 'legal', maxCommands: 80 })), { numRuns: N, seed: 20240601 });
let failed = 0;
for (const [cfg, cmds] of samples) {
  const r = runSequence({ model, impl: engine, mode: 'legal' }, cfg, cmds);
  if (r.failure) failed++;
  else recorded.push({ cfg, steps: r.steps });
}

function measure(withModel: boolean): { cmds: number; ms: number } {
  let cmds = 0;
  const t0 = performance.now();
  let reps = 0;
  while (performance.now() - t0 < 3000 || reps < 2) {
    for (const { cfg, steps } of recorded) cmds += replaySteps(withModel ? model : null, engine, cfg, 'legal', steps).commands;
    reps++;
  }
  return { cmds, ms: performance.now() - t0 };
}

measure(true); // warm-up
measure(false);
const lock = measure(true);
const alone = measure(false);
const lps = (lock.cmds / lock.ms) * 1000;
const aps = (alone.cmds / alone.ms) * 1000;
const f = (n: number) => Math.round(n).toLocaleString('en');
process.stdout.write(`sequences recorded: ${recorded.length} (of ${N}; ${failed} failed in lockstep and were left out)\n`);
process.stdout.write(`lockstep (model + engine + checks): ${f(lps)} commands/s  [goal >= 100,000]\n`);
process.stdout.write(`engine alone:                       ${f(aps)} commands/s\n`);
process.stdout.write(`ratio lockstep / engine-alone:      ${(lps / aps).toFixed(2)}  [goal >= 0.4]\n`);
