/**
 * boot() against a fake qemu-system-aarch64 (a shell script first on PATH): the console
 * markers, program logs by console and by the semihosting file, and every failure
 * path — oops, module load, hang — end with the named failure, the programs read so
 * far, and the fake's whole process group killed.
 */
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BootPlan, boot } from './boot.ts';
import { fnv1a } from './console.ts';

const dir = mkdtempSync(join(tmpdir(), 'dmacheck-fakeqemu-'));
const savedPath = process.env.PATH;
afterAll(() => {
  process.env.PATH = savedPath;
  rmSync(dir, { recursive: true, force: true });
});

const block = (i: number): string => {
  const records = ['C 0 0', 'K 0 0 0', 'Ro', 'Q 1'];
  return [`~P ${i}`, ...records, `~E ${i} 0 ${records.length} 99 ${fnv1a(records.map((r) => `${r}\n`).join(''))}`].join('\n');
};

/** Installs a fake QEMU whose body is `script` (sh); $SEMI is the semihosting file, if any. */
function fakeQemu(script: string): void {
  const path = join(dir, 'qemu-system-aarch64');
  writeFileSync(path, `#!/bin/sh
echo $$ > ${dir}/pid
SEMI=
for a in "$@"; do case "$a" in file,id=dmacheck,path=*) SEMI="\${a#file,id=dmacheck,path=}" ;; esac; done
${script}
`);
  chmodSync(path, 0o755);
  process.env.PATH = `${dir}:${savedPath ?? ''}`;
}

const plan = (extra: Partial<BootPlan> = {}): BootPlan => ({
  vmlinuz: 'vmlinuz', dtb: 'dtb', initrd: 'initrd', cpus: 1,
  bootTimeoutMs: 10_000, programTimeoutMs: 5_000, totalTimeoutMs: 20_000, ...extra,
});

/** No live (non-zombie) process is left in the fake's process group (Linux /proc). */
function groupEmpty(): boolean {
  const pgid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).every((d) => {
    try {
      // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so split after ')'
      const [state, , pgrp] = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(pgrp) !== pgid || state === 'Z';
    } catch {
      return true; // exited while we looked
    }
  });
}

/**
 * The group is gone within 2 s of boot() returning: a killed process closes its pipes (which
 * ends boot) a moment before it turns zombie, so one look right away can race its exit.
 */
async function groupGone(): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (groupEmpty()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return groupEmpty();
}

describe('boot (fake QEMU)', () => {
  it('reads the markers and the program logs of a batch that ends', async () => {
    fakeQemu(`printf '~I 6.1.0-57-arm64\\n~L\\n${block(0).replace(/\n/g, '\\n')}\\n~D\\n~Z\\n'; sleep 30`);
    const out = await boot(plan());
    expect(out.failure).toBeUndefined();
    expect(out.release).toBe('6.1.0-57-arm64');
    expect(out.logs.map((l) => [l.index, l.intact, l.records.length])).toEqual([[0, true, 4]]);
    expect(await groupGone()).toBe(true);
  });

  it('reads program logs from the semihosting file', async () => {
    fakeQemu(`echo '~L'; printf '${`${block(0)}\n${block(1)}`.replace(/\n/g, '\\n')}\\n' > "$SEMI"; sleep 0.5; echo '~Z'; sleep 30`);
    const out = await boot(plan({ semihostFile: join(dir, 'semi.log') }));
    expect(out.failure).toBeUndefined();
    expect(out.logs.map((l) => l.index)).toEqual([0, 1]);
  });

  it('names an oops and keeps the programs that ran before it', async () => {
    fakeQemu(`printf '~L\\n${block(0).replace(/\n/g, '\\n')}\\n[   17.09] Internal error: Oops - BUG: 0 [#1] SMP\\n'; sleep 30`);
    const out = await boot(plan());
    expect(out.failure).toEqual({ kind: 'oops', msg: '[   17.09] Internal error: Oops - BUG: 0 [#1] SMP' });
    expect(out.logs).toHaveLength(1);
    expect(await groupGone()).toBe(true);
  });

  it('names a module that does not load', async () => {
    fakeQemu(`echo '~M insmod failed'; sleep 30`);
    expect((await boot(plan())).failure).toEqual({ kind: 'module_load', msg: 'insmod of the agent failed' });
  });

  it('names a hang when no program finishes in time, and kills the whole group', async () => {
    fakeQemu(`echo '~L'; sleep 30 & wait`);
    const out = await boot(plan({ programTimeoutMs: 1_000 }));
    expect(out.failure).toEqual({ kind: 'hang', msg: 'program 0 did not finish within 1000 ms' });
    expect(await groupGone()).toBe(true);
  });

  it('names a guest that never loads the agent', async () => {
    fakeQemu('sleep 30');
    expect((await boot(plan({ bootTimeoutMs: 800 }))).failure).toEqual({ kind: 'boot', msg: 'the agent was not loaded within 800 ms' });
    expect(await groupGone()).toBe(true);
  });
});
