/**
 * The kernel runner (HELPERS-BRIEF §Kernel runner interface): one boot runs a batch of
 * client programs in the real kernel and gives back one dmacheck-trace/1.1 per program.
 * Guest failures (no boot, module not loaded, oops, hang, agent error) never throw:
 * the result holds the runs obtained so far and names the failure.
 * @public
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientProgram } from '../../spec/api/program.ts';
import { boot } from './boot.ts';
import { convertProgram, unrunTrace } from './convert.ts';
import { type EncodedProgram, encodeProgram } from './encode.ts';
import { guestArchive } from './initramfs.ts';
import { cacheLayout, cacheRoot } from './paths.ts';
import { type SetupStamp, buildAgent } from './setup.ts';

export interface KernelEnv { abi: string; release: string; machine: 'raspi3b'; driver: 'bcm2835-dma'; cacheDir: string }
export interface ProgramRun { name: string; trace: string /* dmacheck-trace/1.1 JSONL text */; complete: boolean }
export interface BatchResult {
  env: KernelEnv; runs: ProgramRun[]; bootMs: number; runMs: number;
  consoleTail: string[]; error?: KernelFailure;
}
export type KernelFailure = { kind: 'boot' | 'module_load' | 'oops' | 'hang' | 'agent'; msg: string; consoleTail: string[] };

const INIT = fileURLToPath(new URL('../guest/init', import.meta.url));
const BOOT_TIMEOUT_MS = 120_000;
const PROGRAM_TIMEOUT_MS = 30_000;

function readStamp(dir: string): SetupStamp | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8')) as SetupStamp;
  } catch {
    return undefined;
  }
}

/** The newest finished set-up in the cache, or undefined when `kernel setup` has not run. */
export function findKernelEnv(): KernelEnv | undefined {
  const root = cacheRoot();
  if (!existsSync(root)) return undefined;
  const done = readdirSync(root)
    .map((abi) => ({ abi, dir: join(root, abi) }))
    .filter((e) => readStamp(e.dir) !== undefined && existsSync(cacheLayout(e.abi, root).agentKo))
    .sort((a, b) => statSync(join(b.dir, 'setup.json')).mtimeMs - statSync(join(a.dir, 'setup.json')).mtimeMs);
  const top = done[0];
  const stamp = top === undefined ? undefined : readStamp(top.dir);
  if (top === undefined || stamp === undefined) return undefined;
  return { abi: stamp.abi, release: stamp.release, machine: 'raspi3b', driver: 'bcm2835-dma', cacheDir: top.dir };
}

type Planned = { readonly name: string } & ({ readonly ok: true; readonly program: EncodedProgram } | { readonly ok: false; readonly reason: string });

export async function runBatch(programs: readonly ClientProgram[], opts: { timeoutMs?: number; cpus?: 1 } = {}): Promise<BatchResult> {
  const env = findKernelEnv();
  const noEnv: KernelEnv = { abi: '', release: '', machine: 'raspi3b', driver: 'bcm2835-dma', cacheDir: cacheRoot() };
  if (env === undefined) {
    const msg = 'the kernel cache is empty: run `npx dmacheck kernel setup` first';
    return { env: noEnv, runs: [], bootMs: 0, runMs: 0, consoleTail: [], error: { kind: 'boot', msg, consoleTail: [] } };
  }
  const c = cacheLayout(env.abi, join(env.cacheDir, '..'));
  try {
    await buildAgent(c, () => {}); // a no-op unless kernel/agent changed since the last build
  } catch (e) {
    return { env, runs: [], bootMs: 0, runMs: 0, consoleTail: [], error: { kind: 'agent', msg: (e as Error).message.split('\n')[0] ?? '', consoleTail: [] } };
  }
  const version = readStamp(env.cacheDir)?.version ?? '';
  const kernel = { release: env.release, version };
  const planned: Planned[] = programs.map((p, i) => ({ name: p.name, ...encodeProgram(p, i) }));
  const batch = planned.map((p) => (p.ok ? p.program.text : '')).join('');
  const work = mkdtempSync(join(tmpdir(), 'dmacheck-kernel-'));
  try {
    const initrd = join(work, 'initrd.cpio');
    writeFileSync(initrd, guestArchive({
      busybox: readFileSync(c.busybox), init: readFileSync(INIT), agentKo: readFileSync(c.agentKo), batch: new TextEncoder().encode(batch),
    }));
    const out = await boot({
      vmlinuz: c.vmlinuz, dtb: existsSync(c.dtbTrimmed) ? c.dtbTrimmed : c.dtb, initrd, cpus: opts.cpus ?? 1,
      bootTimeoutMs: BOOT_TIMEOUT_MS, programTimeoutMs: PROGRAM_TIMEOUT_MS,
      totalTimeoutMs: opts.timeoutMs ?? BOOT_TIMEOUT_MS + 60_000 + programs.length * 2_000,
      semihostFile: join(work, 'agent.log'), // one trap per program log instead of a UART exit per byte
    });
    const logs = new Map(out.logs.map((l) => [l.index, l]));
    const runs: ProgramRun[] = [];
    for (const [i, p] of planned.entries()) {
      if (!p.ok) {
        runs.push({ name: p.name, trace: unrunTrace(p.name, kernel, p.reason), complete: false });
        continue;
      }
      const log = logs.get(i);
      if (log === undefined) break; // the guest stopped before this program ended
      const cv = convertProgram(log, p.program, p.name, kernel);
      runs.push({ name: p.name, trace: cv.trace, complete: cv.complete });
    }
    const tail = [...out.consoleTail];
    const missing = runs.length < planned.length && out.failure === undefined
      ? { kind: 'agent' as const, msg: `the batch ended after ${runs.length} of ${planned.length} programs` } : undefined;
    const failure = out.failure ?? missing;
    return {
      env, runs, bootMs: out.bootMs, runMs: out.runMs, consoleTail: tail,
      ...(failure === undefined ? {} : { error: { ...failure, consoleTail: tail } }),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
