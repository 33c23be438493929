/**
 * Reads a trace file with every line bounded (issue 13, item 10): `check-trace /dev/zero`
 * or a file with no newline must end with one line and exit 2, not grow without bound.
 * Works on regular files, FIFOs and character devices alike (read in chunks to EOF).
 * @public
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../io/errors.ts';

/** The longest line a trace may have: a recorded entry is a few hundred bytes. @public */
export const MAX_TRACE_LINE = 1 << 20;

const CHUNK = 1 << 16;

/** What a failed open or read means for the user. */
function why(e: unknown): string {
  const code = (e as { code?: string }).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : 'cannot read';
}

/** The whole text; InputError `file:line: ...` when a line exceeds `maxLine` bytes. @public */
export function readTraceFile(file: string, maxLine = MAX_TRACE_LINE): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new InputError(`${file}: ${why(e)}`);
  }
  try {
    const buf = Buffer.alloc(CHUNK);
    const decoder = new StringDecoder('utf8');
    const parts: string[] = [];
    let line = 1;
    let lineBytes = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, CHUNK, null);
      } catch (e) {
        throw new InputError(`${file}: ${why(e)}`);
      }
      if (n === 0) break;
      for (let i = 0; i < n;) {
        const nl = buf.indexOf(0x0a, i);
        const end = nl === -1 || nl >= n ? n : nl;
        lineBytes += end - i;
        if (lineBytes > maxLine) throw new InputError(`${file}:${line}: line longer than ${maxLine} bytes; not a dmacheck trace`);
        if (end === n) break;
        line++;
        lineBytes = 0;
        i = end + 1;
      }
      parts.push(decoder.write(buf.subarray(0, n)));
    }
    parts.push(decoder.end());
    return parts.join('');
  } finally {
    closeSync(fd);
  }
}
