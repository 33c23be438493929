/**
 * Per-channel driver state (struct bcm2835_chan-like): the virtual channel, the
 * physical channel it drives, the descriptor the hardware runs (`current`) and the
 * copied slave config (CFG-2: read at prep time).
 * @internal
 */
import type { Direction, SlaveConfig } from '../../spec/api/index.ts';
import type { HwChannel } from '../hw/channel.ts';
import type { Peripheral } from '../hw/peripheral.ts';
import type { VirtChan } from '../vchan/virt-chan.ts';
import type { SimDesc, SimHw } from './sim-desc.ts';

export class SimChan {
  /** The descriptor the hardware executes, off every vchan list. protected by vc.lock */
  current: SimDesc | null = null;
  /** device_pause succeeded and no resume/terminate since. protected by vc.lock */
  paused = false;
  /** An interrupt arrived while paused; resume raises it again. protected by vc.lock */
  irqWhilePaused = false;
  /** The config copied by device_config (c->cfg = *cfg), null until configured. */
  config: SlaveConfig | null = null;
  /** Period interrupts handled (the 'period-cb-lost' mutant drops every other one). */
  periodIrqs = 0;
  /** Hardware descriptors of the pool in use: one per descriptor not yet freed, plus any leaked (DESC-17). */
  slotsUsed = 0;

  constructor(
    readonly vc: VirtChan<SimHw>,
    readonly hw: HwChannel,
    readonly periph: Peripheral,
    readonly directions: readonly Direction[],
  ) {}
}
