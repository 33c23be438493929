/**
 * Blocking line I/O on file descriptors, for the serving side of the protocol: a served
 * engine's callback must wait for `callback_return` inside a synchronous call, so the
 * server reads stdin with `readSync`, never with stream events.
 * @internal
 */
import { readSync, writeSync } from 'node:fs';

/** @internal */
export interface LineIO {
  /** Next line without its newline, or `null` at end of input. */
  readLine(): string | null;
  writeLine(line: string): void;
}

const pause = new Int32Array(new SharedArrayBuffer(4));
/** Sleep without spinning (for EAGAIN on a non-blocking descriptor). */
function nap(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

function isEagain(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'EAGAIN';
}

/** Line I/O over two descriptors (default stdin/stdout). Lines longer than `maxLine` bytes raise. @internal */
export class FdLineIO implements LineIO {
  private buf = Buffer.alloc(0);
  private eof = false;
  private readonly chunk = Buffer.alloc(64 * 1024);

  constructor(private readonly inFd = 0, private readonly outFd = 1, private readonly maxLine = 1 << 20) {}

  readLine(): string | null {
    for (;;) {
      const nl = this.buf.indexOf(10);
      if (nl !== -1) {
        const line = this.buf.subarray(0, nl).toString('utf8');
        this.buf = this.buf.subarray(nl + 1);
        return line.endsWith('\r') ? line.slice(0, -1) : line;
      }
      if (this.buf.length > this.maxLine) throw new Error(`input line longer than ${this.maxLine} bytes`);
      if (this.eof) {
        if (this.buf.length === 0) return null;
        const last = this.buf.toString('utf8');
        this.buf = Buffer.alloc(0);
        return last;
      }
      let n: number;
      try {
        n = readSync(this.inFd, this.chunk, 0, this.chunk.length, null);
      } catch (e) {
        if (isEagain(e)) { nap(2); continue; }
        if ((e as { code?: unknown }).code === 'EOF') { this.eof = true; continue; }
        throw e;
      }
      if (n === 0) this.eof = true;
      else this.buf = Buffer.concat([this.buf, this.chunk.subarray(0, n)]);
    }
  }

  writeLine(line: string): void {
    const data = Buffer.from(`${line}\n`, 'utf8');
    let off = 0;
    while (off < data.length) {
      try {
        off += writeSync(this.outFd, data, off, data.length - off);
      } catch (e) {
        if (isEagain(e)) { nap(1); continue; }
        throw e;
      }
    }
  }
}
