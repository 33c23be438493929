/**
 * Overhead of the stdio protocol path. Three figures, each against in-process:
 * 1. per call: commands per second of the same fixed sequence (adapters/test/script.ts,
 *    re-entrant callbacks included) run in-process and through `dmacheck serve` / the Python
 *    example, one round trip per call;
 * 2. batch/1: the same generated client programs (properties/batch/programs.ts) run by the
 *    in-process interpreter and sent whole to `dmacheck serve` / the Python example;
 * 3. certification on the same budget (`--runs`): in-process lockstep certify, per-call
 *    certify over stdio, batch certify over stdio (and in-process batch), judged and shrunk.
 * Run: `node --import tsx bench/stdio.ts [seconds] [certify-runs]`.
 * @internal
 */
import { runScript } from '../adapters/test/script.ts';
import { TEST_CONFIG } from '../adapters/test/test-config.ts';
import { resolveImplementation } from '../adapters/resolve.ts';
import type { ClientCall, Ctx, EnvStep, Implementation } from '../adapters/index.ts';
import type { StdioImplementation } from '../adapters/stdio/client.ts';
import { batchCertify } from '../properties/batch/certify.ts';
import { batchCases } from '../properties/batch/programs.ts';
import { inProcessTarget, type ProgramTarget } from '../properties/batch/target.ts';
import { certify } from '../properties/certify/certify.ts';
import { loadModel } from '../trace/load-model.ts';

const seconds = Number(process.argv[2] ?? 2);
const certifyRuns = Number(process.argv[3] ?? 200);
const bin = new URL('../bin/dmacheck.js', import.meta.url).pathname;
const tsEngine = new URL('../examples/ts-engine/engine.ts', import.meta.url).pathname;
const pyEngine = new URL('../examples/py-engine/engine.py', import.meta.url).pathname;
const node = process.execPath;
const line = (label: string, rate: number, tail: string) => console.log(`${label.padEnd(50)} ${String(Math.round(rate)).padStart(9)} commands/s  (${tail})`);

/** Counts every call and env step, nested ones included. */
function counted(inner: Implementation): Implementation & { n: number } {
  const c = {
    n: 0,
    name: inner.name,
    profile: inner.profile,
    reset: (cfg: typeof TEST_CONFIG, hooks: Parameters<Implementation['reset']>[1]) => inner.reset(cfg, hooks),
    call: (x: ClientCall, ctx: Ctx) => { c.n++; return inner.call(x, ctx); },
    env: (s: EnvStep) => { c.n++; inner.env(s); },
  };
  return c;
}

function measure(label: string, impl: Implementation): number {
  const c = counted(impl);
  runScript(c, TEST_CONFIG); // warm-up
  c.n = 0;
  const t0 = performance.now();
  let runs = 0;
  while (performance.now() - t0 < seconds * 1000) { runScript(c, TEST_CONFIG); runs++; }
  const dt = (performance.now() - t0) / 1000;
  const rate = c.n / dt;
  line(label, rate, `${runs} runs, ${c.n} commands`);
  impl.dispose?.();
  return rate;
}

/** Calls and env steps of the generated programs, sent one program at a time, for `seconds`. */
function measureBatch(label: string, target: ProgramTarget & { dispose?: () => void }): number {
  const cases = batchCases(target.profile, 1, 20);
  let n = 0;
  let runs = 0;
  target.runProgram(cases[0]!.config, cases[0]!.program); // warm-up
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    const c = cases[runs % cases.length]!;
    n += target.runProgram(c.config, c.program).entries.filter((e) => e.k === 'call' || e.k === 'env').length;
    runs++;
  }
  const rate = n / ((performance.now() - t0) / 1000);
  line(label, rate, `${runs} programs, ${n} commands`);
  target.dispose?.();
  return rate;
}

const stdio = async (cmd: string) => (await resolveImplementation({ implCmd: cmd, timeoutMs: 30_000 })) as StdioImplementation;

console.log('per call (one round trip per call, env step and callback):');
const inBuiltin = measure('builtin, in-process', await resolveImplementation({ impl: 'builtin' }));
const outBuiltin = measure('builtin, stdio (dmacheck serve)', await resolveImplementation({ implCmd: `"${node}" "${bin}" serve --no-batch` }));
const inTs = measure('examples/ts-engine, in-process', await resolveImplementation({ impl: tsEngine }));
const outTs = measure('examples/ts-engine, stdio (serve --impl)', await resolveImplementation({ implCmd: `"${node}" "${bin}" serve --no-batch --impl "${tsEngine}"` }));
measure('examples/py-engine, stdio (python3)', await resolveImplementation({ implCmd: `python3 "${pyEngine}" --no-batch` }));
console.log(`per-call stdio overhead: builtin ×${(inBuiltin / outBuiltin).toFixed(1)}, ts-engine ×${(inTs / outTs).toFixed(1)} slower than in-process`);

console.log('\nbatch/1 (a whole program per round trip; the same 20 generated programs, seed 1):');
const bIn = measureBatch('builtin, in-process interpreter', inProcessTarget(await resolveImplementation({ impl: 'builtin' })));
const bOut = measureBatch('builtin, stdio batch (dmacheck serve)', await stdio(`"${node}" "${bin}" serve`));
const bTsIn = measureBatch('examples/ts-engine, in-process interpreter', inProcessTarget(await resolveImplementation({ impl: tsEngine })));
const bTsOut = measureBatch('examples/ts-engine, stdio batch (serve --impl)', await stdio(`"${node}" "${bin}" serve --impl "${tsEngine}"`));
measureBatch('examples/py-engine, stdio batch (python3)', await stdio(`python3 "${pyEngine}"`));
console.log(`batch stdio overhead: builtin ×${(bIn / bOut).toFixed(1)}, ts-engine ×${(bTsIn / bTsOut).toFixed(1)} slower than in-process (same programs)`);

console.log(`\ncertification of the built-in engine, --runs ${certifyRuns}, seed 42 (judged, shrunk; commands = calls + env steps):`);
const model = await loadModel();
type Fig = { ms: number; cps: number };
async function cert(label: string, run: () => Promise<{ result: { durationMs: number; verdict: string; stats: { commands: number; commandsPerSecond: number } } }>): Promise<Fig> {
  const { result: r } = await run();
  console.log(`${label.padEnd(50)} ${String(r.durationMs).padStart(7)} ms ${String(r.stats.commandsPerSecond).padStart(7)} commands/s  (${r.stats.commands} commands, ${r.verdict})`);
  return { ms: r.durationMs, cps: r.stats.commandsPerSecond };
}
const withImpl = async <T>(impl: Implementation, f: (i: Implementation) => Promise<T>): Promise<T> => { try { return await f(impl); } finally { impl.dispose?.(); } };
const base = { model, seed: 42, runs: certifyRuns, version: 'bench', allowUnexercised: true };
const cIn = await cert('in-process lockstep', async () => withImpl(await resolveImplementation({ impl: 'builtin' }), (impl) => certify({ ...base, impl })));
const cCall = await cert('stdio per call (serve --no-batch)', async () => withImpl(await resolveImplementation({ implCmd: `"${node}" "${bin}" serve --no-batch` }), (impl) => certify({ ...base, impl })));
const cBIn = await cert('in-process batch (same programs, no pipe)', async () => withImpl(await resolveImplementation({ impl: 'builtin' }), (impl) => batchCertify({ ...base, target: inProcessTarget(impl) })));
const cBOut = await cert('stdio batch (serve)', async () => { const t = await stdio(`"${node}" "${bin}" serve`); try { return await batchCertify({ ...base, target: t }); } finally { t.dispose(); } });
console.log(`certify over stdio vs in-process lockstep, commands/s: per call ×${(cIn.cps / cCall.cps).toFixed(1)} slower, batch ×${(cIn.cps / cBOut.cps).toFixed(2)}; ` +
  `wall time on the same --runs: per call ×${(cCall.ms / cIn.ms).toFixed(1)}, batch ×${(cBOut.ms / cIn.ms).toFixed(1)} (a program makes more calls than a sequence); ` +
  `batch over stdio vs in-process batch: ×${(cBIn.cps / cBOut.cps).toFixed(1)}`);
