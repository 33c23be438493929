/**
 * Fuzzer figures (issue 7's closing note). Run: `node --import tsx bench/fuzz.ts
 * [--quick] [--all-mutants] [--cap S] [--curve S] [--only throughput,workers,curve,ttf,shrink]`. Prints:
 * 1. throughput of one worker on the built-in engine (lockstep with the model), over the
 *    first seconds from a cold start and over as many seconds after them, and the same
 *    sequences replayed by the engine alone, to show where the time goes;
 * 2. 2 worker threads vs 1 (commands/s after start-up);
 * 3. coverage vs time over the first `--curve` seconds (default 60), guided and uniform;
 * 4. time to first failure on mutants, the fuzzer vs plain `fc.commands` uniform
 *    generation (properties' sequence arbitrary), capped at `--cap` seconds (default 10);
 * 5. shrunk counterexample lengths: the fuzzer's ddmin vs fast-check's own shrinking of
 *    `fc.commands` (properties' checkLockstep), same mutants.
 * @internal
 */
import fc from 'fast-check';
import { createBuiltinEngine } from '../impl/index.ts';
import { createMutant, MUTANTS } from '../impl/mutants/index.ts';
import { checkLockstep, runSequence as runPlain } from '../properties/check.ts';
import { configArb } from '../properties/gen/config.ts';
import { sequenceArb } from '../properties/gen/sequence.ts';
import { replaySteps } from '../properties/lockstep/replay.ts';
import type { Step } from '../properties/lockstep/step.ts';
import type { Implementation } from '../spec/api/index.ts';
import { loadModel } from '../trace/load-model.ts';
import { Campaign } from '../fuzz/campaign.ts';
import { figures } from '../fuzz/coverage.ts';
import { WorkerPool } from '../fuzz/parallel.ts';
import type { Finding } from '../fuzz/finding.ts';
import { signature } from '../fuzz/shrink.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const num = (flag: string, d: number) => { const i = args.indexOf(flag); return i >= 0 ? Number(args[i + 1]) : d; };
const capS = num('--cap', quick ? 3 : 10);
const onlyAt = args.indexOf('--only');
/** `--only throughput,workers,curve,ttf` runs just those sections. */
const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').split(',')) : undefined;
const want = (section: string) => only === undefined || only.has(section);
const curveS = num('--curve', quick ? 10 : 60);
const model = await loadModel();
const out = (s: string) => process.stdout.write(`${s}\n`);
const k = (n: number) => Math.round(n).toLocaleString('en');

function campaign(impl: Implementation, seed: number, guided: boolean, o: { timeMs?: number; stopOnFailure?: boolean } = {}) {
  const c: Campaign = new Campaign({
    model, impl, implSpec: impl.name, seed, worker: 0, timeMs: o.timeMs, maxLength: 1000, misuseShare: 0.1, shrinkMs: 0, guided,
    stop: () => o.stopOnFailure === true && c.failures > 0, wants: () => false, onFinding: () => undefined,
  });
  return c;
}

// 1. Throughput of one worker.
if (want('throughput')) {
  const impl = createBuiltinEngine();
  // From a cold start (JIT warm-up and the length ramp included), then the same campaign
  // for as long again: a campaign runs for minutes, so the second figure is its rate.
  // (In a function, so that the campaign's heap is gone before the replays are timed.)
  const span = quick ? 3000 : 10_000;
  const rates = () => {
    const c = campaign(impl, 1, true, { timeMs: 2 * span });
    const t0 = performance.now();
    let cold: { ms: number; commands: number; sequences: number } | undefined;
    while (!c.runSlice(200)) if (cold === undefined && performance.now() - t0 >= span) cold = { ms: performance.now() - t0, commands: c.commands, sequences: c.sequences };
    const ms = performance.now() - t0;
    cold ??= { ms, commands: c.commands, sequences: c.sequences };
    return { cold, warm: { ms: ms - cold.ms, commands: c.commands - cold.commands, sequences: c.sequences - cold.sequences } };
  };
  const { cold, warm } = rates();
  out(`throughput, 1 worker, built-in engine in lockstep with the model: ${k((cold.commands / cold.ms) * 1000)} commands/s (${k(cold.sequences)} sequences, ${k(cold.commands)} commands in the first ${(cold.ms / 1000).toFixed(1)} s from a cold start; goal >= 100,000)`);
  out(`  the same campaign after start-up: ${k((warm.commands / warm.ms) * 1000)} commands/s (${k(warm.sequences)} sequences, ${k(warm.commands)} commands in the next ${(warm.ms / 1000).toFixed(1)} s)`);
  const steps: { cfg: Parameters<typeof replaySteps>[2]; steps: Step[] }[] = [];
  // Where the time goes: sequences replayed by the engine alone vs engine + model.
  const cfgArb = configArb(impl.profile);
  const plainSeqs = fc.sample(fc.tuple(cfgArb, sequenceArb({ profile: impl.profile, mode: 'legal', maxCommands: 200 })), { seed: 7, numRuns: 80 });
  for (const [cfg, cmds] of plainSeqs) {
    const r = runPlain({ model, impl, mode: 'legal' }, cfg, cmds);
    steps.push({ cfg, steps: r.steps });
  }
  const time = (withModel: boolean) => {
    const t = performance.now();
    let n = 0;
    for (let rep = 0; rep < 3; rep++) for (const s of steps) n += replaySteps(withModel ? model : null, impl, s.cfg, 'legal', s.steps).commands;
    return (n / (performance.now() - t)) * 1000;
  };
  out(`  same steps replayed: engine alone ${k(time(false))} commands/s, engine + model ${k(time(true))} commands/s`);
}

// 2. Two workers vs one.
async function poolRate(workers: number): Promise<number> {
  let mark: { t: number; n: number } | undefined;
  const pool = new WorkerPool({
    workers, seed: 11, runs: undefined, impl: 'builtin', implCmd: undefined, timeoutMs: undefined, implSpec: 'builtin',
    timeMs: quick ? 5000 : 15_000, maxLength: 1000, misuseShare: 0.1, shrinkMs: 0, guided: true, digest: false, enough: [],
  }, {
    onFinding: () => undefined,
    onProgress: () => { const n = pool.totals().commands; if (mark === undefined && pool.totals().perWorker.every((w) => w.commands > 0)) mark = { t: performance.now(), n }; },
  });
  await pool.done;
  const end = { t: performance.now(), n: pool.totals().commands };
  return mark ? ((end.n - mark.n) / (end.t - mark.t)) * 1000 : 0;
}
if (want('workers')) {
  const one = await poolRate(1);
  const two = await poolRate(2);
  out(`workers: 1 -> ${k(one)} commands/s, 2 -> ${k(two)} commands/s: speed-up ${(two / Math.max(1, one)).toFixed(2)}x (goal >= 1.8x; machine has ${(await import('node:os')).availableParallelism()} cores)`);
}

// 3. Coverage curve.
for (const guided of want('curve') ? [true, false] : []) {
  const c = campaign(createBuiltinEngine(), 5, guided, { timeMs: curveS * 1000 });
  const points: string[] = [];
  let next = 0;
  while (!c.runSlice(100)) {
    if (c.elapsed() >= next) {
      const f = figures(c.cov, c.exercisable);
      points.push(`${(c.elapsed() / 1000).toFixed(0)}s ${f.pairsVisited}/~${f.pairsReachable} pairs (${((100 * f.pairsVisited) / f.pairsReachable).toFixed(1)}%) ${f.rulesExercised}/${f.rulesExercisable} rules`);
      next += curveS >= 30 ? 5000 : 1000;
    }
  }
  const f = figures(c.cov, c.exercisable);
  points.push(`${(c.elapsed() / 1000).toFixed(0)}s ${f.pairsVisited}/~${f.pairsReachable} pairs (${((100 * f.pairsVisited) / f.pairsReachable).toFixed(1)}%) ${f.rulesExercised}/${f.rulesExercisable} rules`);
  out(`coverage curve, ${guided ? 'guided (swarm + racy weights + coverage guidance)' : 'uniform (full swarm, no guidance)'}, 1 worker, built-in engine:`);
  for (const p of points) out(`  ${p}`);
  if (guided) out(`  not exercised: ${[...c.exercisable].filter((r) => !c.cov.rules.has(r)).join(' ')}`);
}

// 4. Time to first failure on mutants.
const QUICK_SET = ['cb-hardirq', 'start-on-submit', 'cb-on-abort', 'cookie-wrap-wrong', 'pause-no-stop', 'period-cb-lost', 'residue-growing', 'resurrect-after-terminate', 'terminate-keeps-paused', 'meta-freed-early', 'out-of-order-completion', 'double-complete', 'write-after-sync'];
const names = args.includes('--all-mutants') ? MUTANTS.map((m) => m.name) : QUICK_SET.filter((n) => MUTANTS.some((m) => m.name === n)).slice(0, quick ? 4 : QUICK_SET.length);

const SEEDS = quick ? [21] : [21, 22, 23];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const secs = (ms: number[]) => { const m = median(ms); return Number.isFinite(m) ? `${(m / 1000).toFixed(2)}s` : `>${capS}s`; };

/** Fuzzer: ms to the first failing sequence (Infinity if none within the cap), its signature, and the shrunk finding. */
function fuzzTtf(name: string, seed: number): { ms: number; sig: string; finding: Finding | undefined } {
  const impl = createMutant(name)!;
  const found: Finding[] = [];
  const c: Campaign = new Campaign({
    model, impl, implSpec: `mutant:${name}`, seed, worker: 0, timeMs: capS * 1000, maxLength: 1000, misuseShare: 0.1, shrinkMs: 5000,
    stop: () => found.length > 0, wants: () => found.length === 0, onFinding: (f) => found.push(f),
  });
  while (!c.runSlice(50)) { /* run */ }
  return { ms: c.firstFailureMs ?? Infinity, sig: c.firstSignature ?? '-', finding: found[0] };
}

/** Plain fc.commands (properties' arbitraries, no shrinking): ms to the first failing run. */
function plainTtf(name: string, seed: number): { ms: number; sig: string } {
  const impl = createMutant(name)!;
  let sig: string | undefined;
  let at = Infinity;
  const t = performance.now();
  fc.check(fc.property(configArb(impl.profile), sequenceArb({ profile: impl.profile, mode: 'legal' }), (cfg, cmds) => {
    const r = runPlain({ model, impl, mode: 'legal' }, cfg, cmds);
    if (r.failure) { sig ??= signature(r.failure); at = Math.min(at, performance.now() - t); return false; }
    return true;
  }), { seed, numRuns: 10_000_000, endOnFailure: true, interruptAfterTimeLimit: capS * 1000 });
  return { ms: at, sig: sig ?? '-' };
}

/** Replays of the saved counterexample that fail the same way, out of 100. */
function replays(name: string, f: Finding): number {
  const impl = createMutant(name)!;
  const want = `${f.file.kind}:${f.file.rule ?? ''}`;
  let ok = 0;
  for (let i = 0; i < 100; i++) {
    const r = replaySteps(model, impl, f.file.config, f.file.mode, f.file.commands as Step[]);
    if (r.failure && signature(r.failure).startsWith(want.replace(/:$/, ''))) ok++;
  }
  return ok;
}

if (want('ttf')) out(`time to first failure, median of seeds ${SEEDS.join(',')} (cap ${capS}s): mutant | fuzzer (first verdict; shrunk length, replays failing /100) | plain fc.commands`);
let fuzzWins = 0;
let plainWins = 0;
for (const n of want('ttf') ? names : []) {
  const fz = SEEDS.map((s) => fuzzTtf(n, s));
  const pl = SEEDS.map((s) => plainTtf(n, s));
  const f = fz[0]!.finding;
  const fm = median(fz.map((x) => x.ms));
  const pm = median(pl.map((x) => x.ms));
  if (fm < pm) fuzzWins++; else if (pm < fm) plainWins++;
  const saved = f ? `; ${f.file.length} steps, ${replays(n, f)}/100` : '; no finding';
  out(`  ${n.padEnd(26)} | ${`${secs(fz.map((x) => x.ms))} ${fz[0]!.sig}${saved}`.padEnd(50)} | ${secs(pl.map((x) => x.ms))} ${pl[0]!.sig}`);
}
if (want('ttf')) out(`  faster: fuzzer on ${fuzzWins}, plain on ${plainWins} of ${names.length} mutants`);

// 5. Shrinking: ddmin (fuzzer) vs fast-check's shrinking (checkLockstep).
if (want('shrink')) {
  out('shrunk length (generated steps after the probe): mutant | fuzzer ddmin | fast-check shrink of fc.commands');
  let shorter = 0;
  let longer = 0;
  for (const n of names) {
    const f = fuzzTtf(n, 31).finding;
    const cx = checkLockstep({ model, impl: createMutant(n)!, mode: 'legal', numRuns: 3000, seed: 31, timeMs: capS * 1000 }).counterexample;
    if (f && cx) { if (f.file.length < cx.length) shorter++; else if (f.file.length > cx.length) longer++; }
    out(`  ${n.padEnd(26)} | ${f ? `${f.file.length} (${f.file.rule})` : '-'} | ${cx ? `${cx.length} (${cx.rule})` : '-'}`);
  }
  out(`  ddmin shorter on ${shorter}, longer on ${longer} of ${names.length}`);
}
