/**
 * The simulated DMA controller: the clock, system memory, one physical channel and
 * one peripheral endpoint per slave-map entry. `advance` moves every running channel
 * in channel order, so a run is a pure function of the command sequence.
 * @internal
 */
import type { EngineEvent, SlaveEntry } from '../../spec/api/index.ts';
import { HwChannel } from './channel.ts';
import { SimClock } from './clock.ts';
import { Memory } from './memory.ts';
import { Peripheral } from './peripheral.ts';

export class Controller {
  readonly clock = new SimClock();
  readonly memory = new Memory();
  readonly channels: readonly HwChannel[];
  readonly peripherals: readonly Peripheral[];

  constructor(
    slaves: readonly SlaveEntry[],
    private readonly bytesPerUnit: number,
    emit: (ev: EngineEvent) => void,
    streamSkew = 0,
  ) {
    this.peripherals = slaves.map((s, i) => new Peripheral(i, s.fifoDepth, emit, streamSkew));
    this.channels = this.peripherals.map((p, i) => new HwChannel(i, this.memory, p, emit));
  }

  /** Let `units` of time pass: each running channel moves at most bytesPerUnit × units bytes. */
  advance(units: number): void {
    this.clock.advance(units);
    const budget = this.bytesPerUnit * units;
    if (budget <= 0) return;
    for (const ch of this.channels) if (ch.running) ch.step(budget);
  }
}
