/**
 * Writing an output file without ever destroying anything but a regular file.
 * A regular file (or a new one) is written to a temporary file beside it and renamed
 * over it, so a reader or an interrupted run sees the old or the whole new content.
 * A character device, FIFO or socket (`/dev/null`, `/dev/stdout`, a pipe) is written
 * directly — renaming over it would replace the device; `-` is standard output.
 * @public
 */
import { randomBytes } from 'node:crypto';
import { statSync, writeFileSync, renameSync, rmSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { OutputError } from './errors.ts';

function statOrUndefined(p: string): Stats | undefined {
  try { return statSync(p); } catch { return undefined; }
}

function why(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

/** Where `file` would be written: throws OutputError if it cannot be (checked before a run). */
export function checkOutputPath(file: string): void {
  if (file === '-') return;
  const st = statOrUndefined(file);
  if (st?.isDirectory()) throw new OutputError(`${file}: is a directory`);
  if (st !== undefined && !st.isFile()) return;
  const parent = statOrUndefined(dirname(file));
  if (parent === undefined) throw new OutputError(`${file}: directory ${dirname(file)} does not exist`);
  if (!parent.isDirectory()) throw new OutputError(`${file}: ${dirname(file)} is not a directory`);
}

/** Write `content` to `file` (see the module comment); returns the bytes written. */
export function writeOutput(file: string, content: string): number {
  const data = Buffer.from(content, 'utf8');
  if (file === '-') { process.stdout.write(data); return data.length; }
  const st = statOrUndefined(file);
  if (st?.isDirectory()) throw new OutputError(`${file}: is a directory`);
  try {
    if (st !== undefined && !st.isFile()) { writeFileSync(file, data); return data.length; }
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(tmp, data, { flag: 'wx' });
      renameSync(tmp, file);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  } catch (err) {
    throw new OutputError(`cannot write ${file}: ${why(err)}`);
  }
  return data.length;
}
