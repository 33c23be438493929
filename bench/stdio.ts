/**
 * Overhead of the stdio protocol path: commands per second of the same fixed sequence
 * (adapters/test/script.ts, re-entrant callbacks included) run in-process and through
 * `dmacheck serve` / the Python example. Run: `node --import tsx bench/stdio.ts [seconds]`.
 * @internal
 */
import { runScript } from '../adapters/test/script.ts';
import { TEST_CONFIG } from '../adapters/test/test-config.ts';
import { resolveImplementation } from '../adapters/resolve.ts';
import type { ClientCall, Ctx, EnvStep, Implementation } from '../adapters/index.ts';

const seconds = Number(process.argv[2] ?? 2);
const bin = new URL('../bin/dmacheck.js', import.meta.url).pathname;
const tsEngine = new URL('../examples/ts-engine/engine.ts', import.meta.url).pathname;
const pyEngine = new URL('../examples/py-engine/engine.py', import.meta.url).pathname;

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
  console.log(`${label.padEnd(44)} ${String(Math.round(rate)).padStart(9)} commands/s  (${runs} runs, ${c.n} commands)`);
  impl.dispose?.();
  return rate;
}

const node = process.execPath;
const inBuiltin = measure('builtin, in-process', await resolveImplementation({ impl: 'builtin' }));
const outBuiltin = measure('builtin, stdio (dmacheck serve)', await resolveImplementation({ implCmd: `"${node}" "${bin}" serve` }));
const inTs = measure('examples/ts-engine, in-process', await resolveImplementation({ impl: tsEngine }));
const outTs = measure('examples/ts-engine, stdio (serve --impl)', await resolveImplementation({ implCmd: `"${node}" "${bin}" serve --impl "${tsEngine}"` }));
measure('examples/py-engine, stdio (python3)', await resolveImplementation({ implCmd: `python3 "${pyEngine}"` }));
console.log(`stdio overhead: builtin ×${(inBuiltin / outBuiltin).toFixed(1)}, ts-engine ×${(inTs / outTs).toFixed(1)} slower than in-process`);
