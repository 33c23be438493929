/**
 * An in-process module under the per-request timeout (adapters/inproc, issue 13 item 13):
 * the same generated lockstep runs (certify's `runSequence`) on the built-in engine as is,
 * through the guard bounding whole runs (what a fast module gets), and through the guard
 * bounding each request (what a slow module, or the first run, gets). Commands/s of each.
 * Goal: the whole-run bound costs ≤ 10% against the engine as is.
 * Run: node --import tsx bench/inproc.ts [sequences]
 * @internal
 */
import fc from 'fast-check';
import { GuardedImplementation } from '../adapters/inproc/guard.ts';
import { createBuiltinEngine } from '../impl/index.ts';
import { runSequence } from '../properties/check.ts';
import { configArb } from '../properties/gen/config.ts';
import { sequenceArb } from '../properties/gen/sequence.ts';
import type { Implementation } from '../spec/api/index.ts';
import { loadModel } from '../trace/load-model.ts';

const N = Number(process.argv[2] ?? 300);
const model = await loadModel();
const plain = createBuiltinEngine();
const samples = fc.sample(fc.tuple(configArb(plain.profile), sequenceArb({ profile: plain.profile, mode: 'legal', maxCommands: 60 })), { numRuns: N, seed: 20240601 });

/** A guard that never earns the whole-run bound: its "last run" is always slow. */
class PerRequest extends GuardedImplementation {
  override bounded(run: () => void) { run(); return undefined; }
}

function measure(impl: Implementation): number {
  let cmds = 0;
  const t0 = performance.now();
  let reps = 0;
  while (performance.now() - t0 < 3000 || reps < 2) {
    for (const [cfg, cmdsOf] of samples) cmds += runSequence({ model, impl, mode: 'legal' }, cfg, cmdsOf).commands;
    reps++;
  }
  return (cmds / (performance.now() - t0)) * 1000;
}

const impls: [string, Implementation][] = [
  ['built-in engine as is:           ', plain],
  ['guarded, whole-run bound:        ', new GuardedImplementation(() => createBuiltinEngine(), 5000, 'bench')],
  ['guarded, per-request bound:      ', new PerRequest(() => createBuiltinEngine(), 5000, 'bench')],
];
for (const [, impl] of impls) measure(impl); // warm-up
const f = (n: number) => Math.round(n).toLocaleString('en');
const base = measure(plain);
process.stdout.write(`${impls[0]![0]}${f(base)} lockstep commands/s\n`);
for (const [label, impl] of impls.slice(1)) {
  const r = measure(impl);
  process.stdout.write(`${label}${f(r)} lockstep commands/s (${((r / base) * 100).toFixed(0)}% of as is)\n`);
}
