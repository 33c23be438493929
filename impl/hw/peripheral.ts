/**
 * A peripheral endpoint of one slave-map entry. MEM_TO_DEV bytes wait in its FIFO
 * (`fifoDepth` bytes) until `drain` delivers them (`periph_rx`), so a completion can
 * precede delivery (seed 000, DATA-4). DEV_TO_MEM reads its endless stream.
 * @internal
 */
import type { ChanId, EngineEvent } from '../../spec/api/index.ts';
import { fnvRange, periphByte } from '../lib/data.ts';

export class Peripheral {
  private readonly fifo: Uint8Array;
  private head = 0;
  private count = 0;
  /** Next index of the DEV_TO_MEM stream (counts from the run's first byte, never reset). */
  private streamPos = 0;

  /** `skew` shifts the stream (0; 1 only in the 'data-corrupt' mutant). */
  constructor(
    readonly chan: ChanId,
    readonly fifoDepth: number,
    private readonly emit: (ev: EngineEvent) => void,
    private readonly skew = 0,
  ) {
    this.fifo = new Uint8Array(Math.max(0, fifoDepth));
  }

  /** Bytes the FIFO can still accept. */
  get free(): number {
    return this.fifo.length - this.count;
  }

  get held(): number {
    return this.count;
  }

  /** Push `src[from, to)` into the FIFO; the caller checked `free`. */
  push(src: Uint8Array, from: number, to: number): void {
    const cap = this.fifo.length;
    for (let i = from; i < to; i++) {
      this.fifo[(this.head + this.count) % cap] = src[i]!;
      this.count++;
    }
  }

  /** Fill `dst[from, to)` from the DEV_TO_MEM stream. */
  readStream(dst: Uint8Array, from: number, to: number): void {
    for (let i = from; i < to; i++) dst[i] = periphByte(this.chan, this.skew + this.streamPos++);
  }

  /** The peripheral consumes up to `max` bytes from its FIFO. */
  drain(max: number): void {
    const n = Math.min(max, this.count);
    if (n <= 0) return;
    const out = new Uint8Array(n);
    const cap = this.fifo.length;
    for (let i = 0; i < n; i++) out[i] = this.fifo[(this.head + i) % cap]!;
    this.head = (this.head + n) % cap;
    this.count -= n;
    this.emit({ ev: 'periph_rx', chan: this.chan, len: n, sum: fnvRange(out, 0, n) });
  }

  /** The client disabled the peripheral: what the FIFO holds is lost. */
  teardown(): void {
    if (this.count === 0) return;
    const len = this.count;
    this.head = 0;
    this.count = 0;
    this.emit({ ev: 'periph_lost', chan: this.chan, len });
  }
}
