/**
 * Packs the guest's initramfs: a newc ("070701") cpio archive, written here so no
 * root and no cpio binary is needed (device nodes included). Pure: entries in, bytes out.
 * @internal
 */

export type CpioEntry =
  | { readonly kind: 'dir'; readonly path: string; readonly mode?: number }
  | { readonly kind: 'file'; readonly path: string; readonly data: Uint8Array; readonly mode?: number }
  | { readonly kind: 'chardev'; readonly path: string; readonly major: number; readonly minor: number; readonly mode?: number };

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFCHR = 0o020000;

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
const pad4 = (n: number): number => (4 - (n % 4)) % 4;

function header(ino: number, mode: number, size: number, nlink: number, rdev: readonly [number, number], nameSize: number): string {
  // magic, ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor, namesize, check
  return `070701${[ino, mode, 0, 0, nlink, 0, size, 0, 0, rdev[0], rdev[1], nameSize, 0].map(hex8).join('')}`;
}

/** The archive of `entries` (in order), ending with the TRAILER!!! entry. */
export function newcArchive(entries: readonly CpioEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  const push = (ino: number, mode: number, path: string, data: Uint8Array, nlink: number, rdev: readonly [number, number]): void => {
    const name = enc.encode(`${path}\0`);
    const head = enc.encode(header(ino, mode, data.length, nlink, rdev, name.length));
    parts.push(head, name, new Uint8Array(pad4(head.length + name.length)), data, new Uint8Array(pad4(data.length)));
  };
  entries.forEach((e, i) => {
    const ino = i + 1;
    switch (e.kind) {
      case 'dir': push(ino, S_IFDIR | (e.mode ?? 0o755), e.path, new Uint8Array(0), 2, [0, 0]); return;
      case 'file': push(ino, S_IFREG | (e.mode ?? 0o644), e.path, e.data, 1, [0, 0]); return;
      case 'chardev': push(ino, S_IFCHR | (e.mode ?? 0o600), e.path, new Uint8Array(0), 1, [e.major, e.minor]); return;
    }
  });
  push(0, 0, 'TRAILER!!!', new Uint8Array(0), 1, [0, 0]);
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The guest's files: busybox, /init, the agent module and the encoded batch. */
export function guestArchive(files: { readonly busybox: Uint8Array; readonly init: Uint8Array; readonly agentKo: Uint8Array; readonly batch: Uint8Array }): Uint8Array {
  return newcArchive([
    { kind: 'dir', path: 'bin' },
    { kind: 'dir', path: 'dev' },
    { kind: 'dir', path: 'proc' },
    { kind: 'dir', path: 'sys' },
    { kind: 'chardev', path: 'dev/console', major: 5, minor: 1 },
    { kind: 'chardev', path: 'dev/null', major: 1, minor: 3, mode: 0o666 },
    { kind: 'file', path: 'bin/busybox', data: files.busybox, mode: 0o755 },
    { kind: 'file', path: 'init', data: files.init, mode: 0o755 },
    { kind: 'file', path: 'dmacheck_agent.ko', data: files.agentKo },
    { kind: 'file', path: 'batch', data: files.batch },
  ]);
}
