/**
 * Benchmark of the reference model alone, on two workloads:
 * (a) a long legal trace built by hand (MEM_TO_DEV and DEV_TO_MEM on two channels, with
 *     callbacks, status queries and draining);
 * (b) the traces of recorded lockstep runs on the built-in engine (the generator's mix),
 *     stepped without the engine, with and without a coverage sink (as certify runs it).
 * Run: node --import tsx bench/model.ts [iterations] [sequences]
 * @internal
 */
import fc from 'fast-check';
import { createBuiltinEngine } from '../impl/index.ts';
import { CoverageCounter } from '../properties/certify/coverage.ts';
import { runSequence } from '../properties/check.ts';
import { configArb } from '../properties/gen/config.ts';
import { sequenceArb } from '../properties/gen/sequence.ts';
import type { CoverageSink, EngineConfig, TraceEntry } from '../spec/api/index.ts';
import { model } from '../spec/model/index.ts';
import { call, cb, config, cookie, devSum, env, IA, memSum, OK, setup, VOID, xfer } from '../spec/model/trace-builder.ts';

function buildTrace(iterations: number): TraceEntry[] {
  const t: TraceEntry[] = [...setup(0, 1, 64), ...setup(1, 2, 64)];
  let rx = 0;
  for (let i = 0; i < iterations; i++) {
    const ck = 2 + i;
    const d0 = 2 * i + 1;
    const d1 = 2 * i + 2;
    t.push(
      ...call({ op: 'prep_slave_sg', chan: 0, desc: d0, sgl: [{ buf: 1, offset: 0, len: 16 }], dir: 'MEM_TO_DEV', flags: IA }, OK),
      ...call({ op: 'set_callback', desc: d0, fn: 'callback', action: { kind: 'none' } }, VOID),
      ...call({ op: 'submit', desc: d0 }, cookie(ck)),
      ...call({ op: 'prep_slave_sg', chan: 1, desc: d1, sgl: [{ buf: 2, offset: 0, len: 16 }], dir: 'DEV_TO_MEM', flags: IA }, OK),
      ...call({ op: 'submit', desc: d1 }, cookie(ck)),
      ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: d0 }),
      ...call({ op: 'issue_pending', chan: 1 }, VOID, { ev: 'hw_start', chan: 1, desc: d1 }),
      ...env({ op: 'advance', units: 2 }, xfer(0, d0, 0, 8, memSum(1, 0, 8)), xfer(1, d1, 0, 8, devSum(1, rx, 8))),
      ...call({ op: 'tx_status', chan: 0, cookie: ck, withState: true }, { t: 'status', st: { status: 'DMA_IN_PROGRESS', last: ck - 1, used: ck, residue: 8 } }),
      ...env({ op: 'advance', units: 2 }, xfer(0, d0, 8, 8, memSum(1, 8, 8)), { ev: 'irq_raised', chan: 0 }, xfer(1, d1, 8, 8, devSum(1, rx + 8, 8)), { ev: 'irq_raised', chan: 1 }),
      ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: d0, cookie: ck }, { ev: 'tasklet_scheduled', chan: 0 }),
      ...env({ op: 'irq', chan: 1 }, { ev: 'complete', chan: 1, desc: d1, cookie: ck }, { ev: 'tasklet_scheduled', chan: 1 }),
      ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: d0 }), { ev: 'desc_freed', chan: 0, desc: d0, recycled: false }),
      ...env({ op: 'tasklet', chan: 1 }, { ev: 'desc_freed', chan: 1, desc: d1, recycled: false }),
      ...env({ op: 'drain', chan: 0, bytes: 16 }, { ev: 'periph_rx', chan: 0, len: 16, sum: memSum(1, 0, 16) }),
    );
    rx += 16;
  }
  return t;
}

interface Recorded { readonly cfg: EngineConfig; readonly trace: readonly TraceEntry[] }

/** Traces of passing lockstep runs on the built-in engine (generation is not measured). */
function recordLockstep(n: number): Recorded[] {
  const engine = createBuiltinEngine();
  const out: Recorded[] = [];
  const gen = fc.tuple(configArb(engine.profile), sequenceArb({ profile: engine.profile, mode: 'legal', maxCommands: 80 }));
  for (const [cfg, cmds] of fc.sample(gen, { numRuns: n, seed: 20240601 })) {
    const r = runSequence({ model, impl: engine, mode: 'legal' }, cfg, cmds);
    if (r.failure === undefined) out.push({ cfg, trace: [...r.trace] });
  }
  return out;
}

/** One pass over every trace from fresh states; returns the elapsed milliseconds. */
function pass(runs: readonly Recorded[], cov: () => CoverageSink | undefined): number {
  const t0 = performance.now();
  for (const { cfg, trace } of runs) {
    const sink = cov();
    let s = model.init(cfg);
    for (let i = 0; i < trace.length; i++) {
      const r = model.step(s, trace[i]!, i, sink);
      if (r.verdict !== undefined) {
        console.error(`unexpected verdict at ${i}: ${JSON.stringify(r.verdict)}`);
        process.exit(1);
      }
      s = r.state;
    }
    const end = model.end(s, trace.length, sink);
    if (end.verdict !== undefined) {
      console.error(`unexpected end verdict: ${JSON.stringify(end.verdict)}`);
      process.exit(1);
    }
  }
  return performance.now() - t0;
}

/** Best of `reps` passes: the machine is shared, the best pass is the least disturbed one. */
function best(runs: readonly Recorded[], cov: () => CoverageSink | undefined, reps: number): number {
  pass(runs, cov); // warm-up
  let ms = Number.POSITIVE_INFINITY;
  for (let i = 0; i < reps; i++) ms = Math.min(ms, pass(runs, cov));
  return ms;
}

const f = (n: number): string => Math.round(n).toLocaleString('en');
const hand: Recorded[] = [{ cfg: config(), trace: buildTrace(Number(process.argv[2] ?? 4000)) }];
const handMs = best(hand, () => undefined, 3);
const handRate = (hand[0]!.trace.length / handMs) * 1000;
console.log(`model, hand-built trace: ${f(hand[0]!.trace.length)} steps in ${handMs.toFixed(0)} ms = ${f(handRate)} steps/s (${((handRate * 60) / 1e6).toFixed(1)} M steps/min, best of 3)  [goal >= 1 M/min]`);

const runs = recordLockstep(Number(process.argv[3] ?? 400));
const entries = runs.reduce((a, r) => a + r.trace.length, 0);
const bare = best(runs, () => undefined, 5);
const withCov = best(runs, () => new CoverageCounter(), 5);
console.log(`model, ${runs.length} recorded lockstep traces (${f(entries)} entries): ${f((entries / bare) * 1000)} entries/s; with coverage sink ${f((entries / withCov) * 1000)} entries/s (best of 5)`);
