import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDirCreatable, ensureDir } from './ensure-dir.ts';
import { OutputError } from './errors.ts';
import { checkOutputPath, writeOutput } from './write-output.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'dmacheck-io-'));

describe('ensureDir', () => {
  it('creates missing parents one at a time', () => {
    const d = join(scratch(), 'a', 'b', 'c');
    ensureDir(d);
    expect(statSync(d).isDirectory()).toBe(true);
  });
  it('fails (does not spin) under procfs', () => {
    expect(() => ensureDir('/proc/self/dmacheck-x/y')).toThrow(OutputError);
  });
  it('names a file in the way', () => {
    const f = join(scratch(), 'file');
    writeFileSync(f, 'x');
    expect(() => ensureDir(join(f, 'sub'))).toThrow(/not a directory/);
  });
});

describe('checkDirCreatable', () => {
  it('accepts a new directory under a writable one', () => {
    expect(() => checkDirCreatable(join(scratch(), 'x', 'y'))).not.toThrow();
  });
  it('refuses procfs and files in the way before any run', () => {
    expect(() => checkDirCreatable('/proc/self/x')).toThrow(OutputError);
    const f = join(scratch(), 'file');
    writeFileSync(f, 'x');
    expect(() => checkDirCreatable(join(f, 'y'))).toThrow(/not a directory/);
  });
});

describe('writeOutput', () => {
  it('replaces a regular file whole and leaves no temporary file', () => {
    const d = scratch();
    const f = join(d, 'out.json');
    writeFileSync(f, 'old');
    expect(writeOutput(f, 'new content')).toBe(11);
    expect(readFileSync(f, 'utf8')).toBe('new content');
    expect(execFileSync('ls', [d], { encoding: 'utf8' }).trim()).toBe('out.json');
  });
  it('writes a character device directly instead of renaming over it', () => {
    writeOutput('/dev/null', 'x'.repeat(100));
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
  it('writes into a FIFO without replacing it', async () => {
    const fifo = join(scratch(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('sh', ['-c', `cat '${fifo}' > '${fifo}.got'`], { stdio: 'ignore' });
    const done = new Promise((res) => reader.on('exit', res));
    writeOutput(fifo, 'through the pipe');
    await done;
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(`${fifo}.got`, 'utf8')).toBe('through the pipe');
  });
  it('refuses a directory and a missing parent with one line', () => {
    expect(() => checkOutputPath(tmpdir())).toThrow(/is a directory/);
    expect(() => checkOutputPath('/nonexistent-dir/x.json')).toThrow(/does not exist/);
    expect(() => writeOutput('/nonexistent-dir/x.json', 'x')).toThrow(OutputError);
  });
});
