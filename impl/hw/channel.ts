/**
 * One physical channel of the simulated controller: executes a programmed job at most
 * `budget` bytes per clock advance, stalls on a full peripheral FIFO, latches "done"
 * and elapsed periods and raises its interrupt line (pending until the IRQ handler
 * acknowledges it). It never calls into software: drivers read its state in their IRQ
 * handler.
 * @internal
 */
import type { ChanId, EngineEvent } from '../../spec/api/index.ts';
import { fnvRange } from '../lib/data.ts';
import type { HwJob } from './job.ts';
import { Memory } from './memory.ts';
import type { Peripheral } from './peripheral.ts';

export class HwChannel {
  job: HwJob | null = null;
  /** Index of the segment being moved and the position inside it. */
  private segIdx = 0;
  private segPos = 0;
  /** Bytes moved in the current pass (cyclic / repeat passes restart at 0). */
  passPos = 0;
  paused = false;
  /** The job's last byte moved; the channel idles until the driver acknowledges. */
  done = false;
  /** Cyclic period ends not yet acknowledged by the IRQ handler. */
  periods = 0;
  irqPending = false;
  /** LOAD_EOT loaded: a repeating job ends at the end of its current repetition (CYC-7). */
  stopAtRepeatEnd = false;

  constructor(
    readonly id: ChanId,
    private readonly memory: Memory,
    private readonly periph: Peripheral,
    private readonly emit: (ev: EngineEvent) => void,
  ) {}

  /** True while a job is programmed, not finished and not paused. */
  get running(): boolean {
    return this.job !== null && !this.done && !this.paused;
  }

  /** Program and start `job` from its first byte. */
  start(job: HwJob): void {
    this.job = job;
    this.segIdx = 0;
    this.segPos = 0;
    this.passPos = 0;
    this.done = false;
    this.periods = 0;
    this.stopAtRepeatEnd = false;
    if (job.total === 0) this.finish();
  }

  /** Stop at once and forget the job (terminate); also clears the latched status. */
  stop(): void {
    this.job = null;
    this.done = false;
    this.periods = 0;
    this.irqPending = false;
    this.paused = false;
    this.stopAtRepeatEnd = false;
  }

  /** The IRQ handler acknowledges the interrupt line. */
  ackIrq(): void {
    this.irqPending = false;
  }

  /** Raise the interrupt line (`irq_raised` only on the transition to pending). */
  raiseIrq(): void {
    if (this.irqPending) return;
    this.irqPending = true;
    this.emit({ ev: 'irq_raised', chan: this.id });
  }

  /** Skip `n` bytes of the current segment without moving data (a lossy pause, mutants only). */
  skip(n: number): void {
    const job = this.job;
    if (job === null || this.done) return;
    const seg = job.segs[this.segIdx];
    if (seg === undefined) return;
    const k = Math.min(n, seg.len - this.segPos - 1);
    if (k > 0) {
      this.segPos += k;
      this.passPos += k;
    }
  }

  /** Move up to `budget` bytes; returns the bytes moved. */
  step(budget: number): number {
    const job = this.job;
    let left = budget;
    while (left > 0 && job !== null && this.job === job && !this.done && !this.paused) {
      const seg = job.segs[this.segIdx];
      if (seg === undefined) break;
      let n = Math.min(left, seg.len - this.segPos);
      if (job.dir === 'MEM_TO_DEV') n = Math.min(n, this.periph.free);
      if (n <= 0) break; // a full peripheral FIFO stalls the channel
      this.move(job, seg.buf, seg.offset + this.segPos, n);
      left -= n;
      this.segPos += n;
      this.passPos += n;
      if (this.segPos === seg.len) this.endSegment(job);
    }
    return budget - left;
  }

  private move(job: HwJob, bufId: number, at: number, n: number): void {
    const buf = this.memory.get(bufId);
    const offset = this.passPos;
    if (buf === undefined) return;
    const why = Memory.faultOf(buf);
    if (why !== undefined) this.emit({ ev: 'dma_fault', chan: this.id, desc: job.tag, buf: bufId, why });
    let sum: number;
    if (job.dir === 'MEM_TO_MEM') {
      sum = fnvRange(buf.bytes, at, at + n);
      this.copy(job, buf.bytes.subarray(at, at + n), offset);
    } else if (job.dir === 'MEM_TO_DEV') {
      sum = fnvRange(buf.bytes, at, at + n);
      this.periph.push(buf.bytes, at, at + n);
    } else if (why === undefined) {
      this.periph.readStream(buf.bytes, at, at + n);
      sum = fnvRange(buf.bytes, at, at + n);
    } else {
      const scratch = new Uint8Array(n); // the write faults: data is not written
      this.periph.readStream(scratch, 0, n);
      sum = fnvRange(scratch, 0, n);
    }
    this.emit({ ev: 'xfer', chan: this.id, desc: job.tag, offset, len: n, sum, width: job.width });
  }

  /** memcpy: write `bytes` at `offset` of the destination; a destination not mapped for the DMA faults and is not written. */
  private copy(job: HwJob, bytes: Uint8Array, offset: number): void {
    const dst = job.dst === undefined ? undefined : this.memory.get(job.dst.buf);
    if (dst === undefined || job.dst === undefined) return;
    const why = Memory.faultOf(dst);
    if (why !== undefined) this.emit({ ev: 'dma_fault', chan: this.id, desc: job.tag, buf: dst.id, why });
    else dst.bytes.set(bytes, job.dst.offset + offset);
  }

  private endSegment(job: HwJob): void {
    this.segIdx++;
    this.segPos = 0;
    if (job.loop === 'cyclic') {
      this.periods++;
      this.raiseIrq();
      if (this.segIdx === job.segs.length) this.wrap();
      return;
    }
    if (this.segIdx < job.segs.length) return;
    if (job.loop === 'repeat' && !this.stopAtRepeatEnd) this.wrap();
    else this.finish();
  }

  private wrap(): void {
    this.segIdx = 0;
    this.passPos = 0;
  }

  private finish(): void {
    this.done = true;
    if (this.job?.noIrqAtEnd !== true) this.raiseIrq();
  }

  /** Bytes of the current pass not yet moved, exact (burst granularity). */
  residueExact(): number {
    return this.job === null ? 0 : this.job.total - this.passPos;
  }

  /** Bytes of the current pass not yet moved, counting only whole segments as moved. */
  residueSegments(): number {
    if (this.job === null || this.done) return 0;
    return this.job.total - (this.passPos - this.segPos);
  }
}
