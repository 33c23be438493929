/**
 * check-client throughput: schedules explored per second (one run = one engine choice
 * and one schedule, the program in lockstep with the model) over the test fixtures of
 * properties/program/test/fixtures, conformant ones (every run goes to the end).
 * Run: node --import tsx bench/check-client.ts [runs-per-program]
 * @internal
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createBuiltinEngine } from '../impl/index.ts';
import { explore } from '../properties/program/explore.ts';
import { parseProgram } from '../spec/api/program-schema.ts';
import { loadModel } from '../trace/load-model.ts';

const RUNS = Number(process.argv[2] ?? 200);
const dir = new URL('../properties/program/test/fixtures/', import.meta.url).pathname;
const model = await loadModel();
const programs = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => parseProgram(JSON.parse(readFileSync(dir + f, 'utf8'))))
  .filter((p) => p.expect?.verdict === 'conformant');

const f = (n: number) => Math.round(n).toLocaleString('en');
let runs = 0; let steps = 0; let ms = 0;
for (const program of programs) {
  explore({ model, impl: createBuiltinEngine(), program, runs: 20, seed: 1 }); // warm-up
  const t0 = performance.now();
  const r = explore({ model, impl: createBuiltinEngine(), program, runs: RUNS, seed: 1 });
  const dt = performance.now() - t0;
  runs += r.explored.runs; steps += r.explored.envSteps; ms += dt;
  process.stdout.write(`${program.name.padEnd(36)} ${f((r.explored.runs / dt) * 1000).padStart(7)} schedules/s  (${r.explored.runs} runs, ${r.explored.schedules} distinct, ${f(r.explored.envSteps)} env steps, ${f(dt)} ms)\n`);
}
process.stdout.write(`check-client: ${f((runs / ms) * 1000)} schedules/s, ${f((steps / ms) * 1000)} environment steps/s over ${programs.length} conformant programs\n`);
