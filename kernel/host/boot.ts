/**
 * Boots the guest once under qemu-system-aarch64 -M raspi3b (kernel-notes.md §What
 * works), streams its console through ConsoleReader, and stops QEMU by its process
 * group when the batch ends, the guest dies, or a timeout fires. Never throws for a
 * guest failure: the outcome says what happened.
 * @internal
 */
import { spawn } from 'node:child_process';
import { ConsoleReader, type ProgramLog } from './console.ts';

export interface BootPlan {
  readonly vmlinuz: string;
  readonly dtb: string;
  readonly initrd: string;
  readonly cpus: number;
  /** Until the agent is loaded. */
  readonly bootTimeoutMs: number;
  /** Without a program finishing. */
  readonly programTimeoutMs: number;
  /** The whole boot. */
  readonly totalTimeoutMs: number;
}

export type BootFailureKind = 'boot' | 'module_load' | 'oops' | 'hang' | 'agent';

export interface BootOutcome {
  readonly logs: readonly ProgramLog[];
  readonly release?: string;
  /** Spawn to agent loaded. */
  readonly bootMs: number;
  /** Agent loaded to the end of the batch (or the failure). */
  readonly runMs: number;
  readonly consoleTail: readonly string[];
  readonly failure?: { readonly kind: BootFailureKind; readonly msg: string };
}

/** QEMU's command line for a plan (flags from kernel-notes.md). */
export function qemuArgs(p: BootPlan): string[] {
  return [
    '-M', 'raspi3b', '-m', '1G',
    '-kernel', p.vmlinuz, '-dtb', p.dtb, '-initrd', p.initrd,
    // loglevel=2: only KERN_EMERG/ALERT (oops, panic) reach the console between program logs.
    '-append', `console=ttyAMA0,115200 earlycon=pl011,0x3f201000 rdinit=/init maxcpus=${p.cpus} loglevel=2`,
    '-display', 'none', '-monitor', 'none', '-serial', 'stdio', '-no-reboot',
  ];
}

/** After the first fatal line, keep reading this long for the rest of the oops. */
const OOPS_GRACE_MS = 1500;

export function boot(plan: BootPlan, onProgram?: (log: ProgramLog) => void): Promise<BootOutcome> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let loadedAt: number | undefined;
    let lastProgress = t0;
    let release: string | undefined;
    let failure: BootOutcome['failure'];
    let finished = false;
    const logs: ProgramLog[] = [];
    const reader = new ConsoleReader();
    const child = spawn('qemu-system-aarch64', qemuArgs(plan), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = '';

    const stop = (f?: BootOutcome['failure']): void => {
      if (failure === undefined && f !== undefined) failure = f;
      if (finished) return;
      finished = true;
      clearInterval(timer);
      if (child.pid !== undefined) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      }
    };
    const onLine = (line: string): void => {
      for (const ev of reader.push(line)) {
        switch (ev.kind) {
          case 'init': release = ev.release; break;
          case 'loaded': loadedAt = Date.now(); lastProgress = loadedAt; break;
          case 'load_failed': stop({ kind: 'module_load', msg: 'insmod of the agent failed' }); break;
          case 'program': logs.push(ev.log); lastProgress = Date.now(); onProgram?.(ev.log); break;
          case 'batch_done': break;
          case 'agent_error': stop({ kind: 'agent', msg: ev.line }); break;
          case 'end': stop(); break;
          case 'oops':
            if (failure === undefined) {
              failure = { kind: 'oops', msg: ev.line };
              setTimeout(() => stop(), OOPS_GRACE_MS);
            }
            break;
        }
      }
    };
    child.stdout.setEncoding('latin1');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const l of lines) onLine(l);
    });
    child.stderr.on('data', () => {});
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - t0 > plan.totalTimeoutMs) stop({ kind: 'hang', msg: `no end of batch after ${plan.totalTimeoutMs} ms` });
      else if (loadedAt === undefined && now - t0 > plan.bootTimeoutMs) stop({ kind: 'boot', msg: `the agent was not loaded within ${plan.bootTimeoutMs} ms` });
      else if (loadedAt !== undefined && now - lastProgress > plan.programTimeoutMs) stop({ kind: 'hang', msg: `program ${logs.length} did not finish within ${plan.programTimeoutMs} ms` });
    }, 250);
    child.on('error', (e) => stop({ kind: 'boot', msg: `qemu-system-aarch64: ${e.message}` }));
    child.on('close', (code) => {
      if (pending !== '') onLine(pending);
      if (!finished) stop(reader.tail().some((l) => l.startsWith('~Z')) ? undefined : { kind: loadedAt === undefined ? 'boot' : 'hang', msg: `qemu exited (${code ?? 'signal'}) before the batch ended` });
      const end = Date.now();
      resolve({
        logs, bootMs: (loadedAt ?? end) - t0, runMs: loadedAt === undefined ? 0 : end - loadedAt,
        consoleTail: reader.tail(), ...(release === undefined ? {} : { release }), ...(failure === undefined ? {} : { failure }),
      });
    });
  });
}
