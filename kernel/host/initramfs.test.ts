import { describe, expect, it } from 'vitest';
import { newcArchive } from './initramfs.ts';

/** Reads a newc archive back: name, mode, size, rdev and data of each entry. */
function readNewc(bytes: Uint8Array): { name: string; mode: number; data: string; rdev: [number, number] }[] {
  const text = new TextDecoder('latin1').decode(bytes);
  const out: { name: string; mode: number; data: string; rdev: [number, number] }[] = [];
  let at = 0;
  for (;;) {
    expect(text.slice(at, at + 6)).toBe('070701');
    const field = (i: number): number => parseInt(text.slice(at + 6 + 8 * i, at + 14 + 8 * i), 16);
    const mode = field(1);
    const size = field(6);
    const nameSize = field(11);
    const name = text.slice(at + 110, at + 110 + nameSize - 1);
    const dataAt = at + 110 + nameSize + ((4 - ((110 + nameSize) % 4)) % 4);
    expect(dataAt % 4).toBe(0);
    if (name === 'TRAILER!!!') return out;
    out.push({ name, mode, data: text.slice(dataAt, dataAt + size), rdev: [field(9), field(10)] });
    at = dataAt + size + ((4 - (size % 4)) % 4);
  }
}

describe('newcArchive', () => {
  it('writes directories, files and device nodes the kernel unpacks, 4-byte aligned, with a trailer', () => {
    const bytes = newcArchive([
      { kind: 'dir', path: 'dev' },
      { kind: 'chardev', path: 'dev/console', major: 5, minor: 1 },
      { kind: 'file', path: 'init', data: new TextEncoder().encode('#!/bin/sh\n'), mode: 0o755 },
      { kind: 'file', path: 'batch', data: new TextEncoder().encode('P 0 1 0\n') },
    ]);
    expect(bytes.length % 4).toBe(0);
    expect(readNewc(bytes)).toEqual([
      { name: 'dev', mode: 0o040755, data: '', rdev: [0, 0] },
      { name: 'dev/console', mode: 0o020600, data: '', rdev: [5, 1] },
      { name: 'init', mode: 0o100755, data: '#!/bin/sh\n', rdev: [0, 0] },
      { name: 'batch', mode: 0o100644, data: 'P 0 1 0\n', rdev: [0, 0] },
    ]);
  });
});
