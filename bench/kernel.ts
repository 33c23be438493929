/**
 * Benchmark of the kernel path (needs `npx dmacheck kernel setup`): ONE boot of the
 * real kernel under QEMU running a batch of generated programs. Prints boot-to-agent
 * time, programs per boot, API calls per second inside the guest (client calls recorded
 * in the traces over the guest's run time), and host checking throughput (traces judged
 * by the reference model per second, with a coverage sink as kernel certify runs it).
 * Run: node --import tsx bench/kernel.ts [programs]
 * @internal
 */
import { CoverageCounter } from '../properties/certify/coverage.ts';
import { hostRunner } from '../kernel/certify/host-runner.ts';
import { judgeRun } from '../kernel/certify/judge.ts';
import { batchTimeoutMs } from '../kernel/certify/runner.ts';
import { generatePrograms } from '../kernel/gen/generate.ts';
import { loadModel } from '../trace/load-model.ts';

const n = Number(process.argv[2] ?? 1000);
const runner = hostRunner;
const env = runner.findKernelEnv();
if (!env) {
  process.stdout.write('kernel: no kernel cache; run `npx dmacheck kernel setup` first (nothing measured)\n');
  process.exit(0);
}
const model = await loadModel();
const programs = generatePrograms(42, n);
const t0 = performance.now();
const b = await runner.runBatch(programs, { timeoutMs: batchTimeoutMs(n), cpus: 1 });
const wallMs = performance.now() - t0;
if (b.error) process.stdout.write(`kernel: the guest failed (${b.error.kind}: ${b.error.msg}); figures cover the ${b.runs.length} runs obtained\n`);

const j0 = performance.now();
const judged = b.runs.map((r) => judgeRun(r, model, new CoverageCounter()));
const judgeMs = performance.now() - j0;
const entries = judged.reduce((s, j) => s + (j.ok ? j.trace.entries.length : 0), 0);
const calls = judged.reduce((s, j) => s + (j.ok ? j.trace.entries.filter((e) => e.k === 'call').length : 0), 0);
const failing = judged.filter((j) => !j.ok || j.check.verdicts.length > 0).length;

process.stdout.write([
  `kernel ${env.release}, QEMU ${env.machine}, ${env.driver}, 1 CPU`,
  `boot to agent:        ${b.bootMs} ms`,
  `programs per boot:    ${b.runs.length} of ${n} (guest run ${b.runMs} ms, ${(b.runMs / Math.max(1, b.runs.length)).toFixed(1)} ms/program; whole boot-run-poweroff ${Math.round(wallMs)} ms)`,
  `API calls in guest:   ${calls} calls, ${Math.round(calls / Math.max(0.001, b.runMs / 1000))} calls/s`,
  `host checking:        ${judged.length} traces (${entries} entries) in ${Math.round(judgeMs)} ms: ${Math.round(judged.length / Math.max(0.001, judgeMs / 1000))} traces/s, ${Math.round(entries / Math.max(0.001, judgeMs / 1000))} entries/s`,
  `traces with verdicts: ${failing}`,
].join('\n') + '\n');
