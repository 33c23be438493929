/**
 * Boots the guest once under qemu-system-aarch64 -M raspi3b (kernel-notes.md §What
 * works), streams its console through ConsoleReader, and stops QEMU by its process
 * group when the batch ends, the guest dies, or a timeout fires. Never throws for a
 * guest failure: the outcome says what happened.
 * @internal
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { ConsoleReader, type ConsoleEvent, type ProgramLog } from './console.ts';

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
  /**
   * Where QEMU writes the agent's semihosting output (one SYS_WRITE0 per program log:
   * no per-byte UART exits). Absent: the logs come over the console.
   */
  readonly semihostFile?: string;
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
  const semihost = p.semihostFile === undefined ? [] : [
    '-chardev', `file,id=dmacheck,path=${p.semihostFile}`,
    '-semihosting-config', 'enable=on,target=native,chardev=dmacheck',
  ];
  return [
    '-M', 'raspi3b', '-m', '1G',
    '-kernel', p.vmlinuz, '-dtb', p.dtb, '-initrd', p.initrd,
    // loglevel=2: only KERN_EMERG/ALERT (oops, panic) reach the console between program logs.
    '-append', `console=ttyAMA0,115200 earlycon=pl011,0x3f201000 rdinit=/init maxcpus=${p.cpus} loglevel=2${p.semihostFile === undefined ? '' : ' dmacheck.semihost'}`,
    '-display', 'none', '-monitor', 'none', '-serial', 'stdio', '-no-reboot',
    ...semihost,
  ];
}

/** Splits a byte stream into lines for a reader; `flush` passes a last unterminated line. */
function lineFeeder(reader: ConsoleReader, on: (ev: ConsoleEvent) => void): { push(chunk: string): void; flush(): void } {
  let pending = '';
  const line = (l: string): void => { for (const ev of reader.push(l)) on(ev); };
  return {
    push(chunk) {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(line);
    },
    flush() {
      if (pending !== '') line(pending);
      pending = '';
    },
  };
}

/** Reads what a file gained since the last call (QEMU's semihosting chardev). */
function fileTail(path: string): { read(): string; close(): void } {
  let fd: number | undefined;
  let at = 0;
  const buf = Buffer.alloc(1 << 20);
  return {
    read() {
      try {
        fd ??= openSync(path, 'r');
      } catch {
        return ''; // QEMU has not created it yet
      }
      let text = '';
      for (let n = readSync(fd, buf, 0, buf.length, at); n > 0; n = readSync(fd, buf, 0, buf.length, at)) {
        at += n;
        text += buf.toString('latin1', 0, n);
      }
      return text;
    },
    close() {
      if (fd !== undefined) closeSync(fd);
    },
  };
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

    const stop = (f?: BootOutcome['failure']): void => {
      if (failure === undefined && f !== undefined) failure = f;
      if (finished) return;
      finished = true;
      clearInterval(timer);
      if (child.pid !== undefined) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      }
    };
    const onEvent = (ev: ConsoleEvent): void => {
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
    };
    const consoleLines = lineFeeder(reader, onEvent);
    // The semihosting file holds only program blocks; its own reader keeps them whole.
    const semihost = plan.semihostFile === undefined ? undefined : { file: fileTail(plan.semihostFile), lines: lineFeeder(new ConsoleReader(), onEvent) };
    const drainSemihost = (): void => {
      if (semihost !== undefined) semihost.lines.push(semihost.file.read());
    };
    child.stdout.setEncoding('latin1');
    child.stdout.on('data', (chunk: string) => {
      drainSemihost(); // every program log written before this console output
      consoleLines.push(chunk);
    });
    child.stderr.on('data', () => {});
    const timer = setInterval(() => {
      drainSemihost();
      const now = Date.now();
      if (now - t0 > plan.totalTimeoutMs) stop({ kind: 'hang', msg: `no end of batch after ${plan.totalTimeoutMs} ms` });
      else if (loadedAt === undefined && now - t0 > plan.bootTimeoutMs) stop({ kind: 'boot', msg: `the agent was not loaded within ${plan.bootTimeoutMs} ms` });
      else if (loadedAt !== undefined && now - lastProgress > plan.programTimeoutMs) stop({ kind: 'hang', msg: `program ${logs.length} did not finish within ${plan.programTimeoutMs} ms` });
    }, 250);
    child.on('error', (e) => stop({ kind: 'boot', msg: `qemu-system-aarch64: ${e.message}` }));
    child.on('close', (code) => {
      drainSemihost();
      semihost?.lines.flush();
      semihost?.file.close();
      consoleLines.flush();
      if (!finished) stop(reader.tail().some((l) => l.startsWith('~Z')) ? undefined : { kind: loadedAt === undefined ? 'boot' : 'hang', msg: `qemu exited (${code ?? 'signal'}) before the batch ended` });
      const end = Date.now();
      resolve({
        logs, bootMs: (loadedAt ?? end) - t0, runMs: loadedAt === undefined ? 0 : end - loadedAt,
        consoleTail: reader.tail(), ...(release === undefined ? {} : { release }), ...(failure === undefined ? {} : { failure }),
      });
    });
  });
}
