/**
 * Lockstep throughput: the same recorded command sequences run (a) in lockstep — model
 * step for every trace entry, engine, client bookkeeping, callback expansion — and (b) on
 * the engine alone (same runner, no model). Prints commands/s of both and their ratio.
 * Goals (issues 4, 12): ≥ 100,000 lockstep commands/s on one core, ratio ≥ 0.4. The ratio is the
 * median over rounds that alternate one lockstep pass and one engine-alone pass (robust to a
 * machine whose load changes during the run).
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

/** One pass over every recorded sequence; commands run and elapsed milliseconds. */
function pass(withModel: boolean): { cmds: number; ms: number } {
  let cmds = 0;
  const t0 = performance.now();
  for (const { cfg, steps } of recorded) cmds += replaySteps(withModel ? model : null, engine, cfg, 'legal', steps).commands;
  return { cmds, ms: performance.now() - t0 };
}

// Rounds alternate a lockstep pass and an engine-alone pass, so a load that comes and goes on a
// shared machine falls on both sides of each round's ratio; the median round is reported.
for (let i = 0; i < 2; i++) { pass(true); pass(false); } // warm-up
const ratios: number[] = [];
const lock = { cmds: 0, ms: 0 };
const alone = { cmds: 0, ms: 0 };
const t0 = performance.now();
while (performance.now() - t0 < 6000 || ratios.length < 5) {
  const l = pass(true);
  const a = pass(false);
  lock.cmds += l.cmds; lock.ms += l.ms; alone.cmds += a.cmds; alone.ms += a.ms;
  ratios.push((l.cmds / l.ms) / (a.cmds / a.ms));
}
ratios.sort((x, y) => x - y);
const lps = (lock.cmds / lock.ms) * 1000;
const aps = (alone.cmds / alone.ms) * 1000;
const f = (n: number) => Math.round(n).toLocaleString('en');
process.stdout.write(`sequences recorded: ${recorded.length} (of ${N}; ${failed} failed in lockstep and were left out)\n`);
process.stdout.write(`lockstep (model + engine + checks): ${f(lps)} commands/s  [goal >= 100,000]\n`);
process.stdout.write(`engine alone:                       ${f(aps)} commands/s\n`);
process.stdout.write(`ratio lockstep / engine-alone:      ${(ratios[ratios.length >> 1]!).toFixed(2)}  [goal >= 0.4]  (median of ${ratios.length} alternating rounds, ${ratios[0]!.toFixed(2)}..${ratios[ratios.length - 1]!.toFixed(2)})\n`);
