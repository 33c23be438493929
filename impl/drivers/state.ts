/**
 * Shared state of the simulated provider driver, handed to the files that implement
 * its ops (start/IRQ, status, control).
 * @internal
 */
import type { EngineConfig } from '../../spec/api/index.ts';
import type { Controller } from '../hw/controller.ts';
import type { VchanHost } from '../vchan/virt-chan.ts';
import type { SimDesc } from './sim-desc.ts';
import type { SimChan } from './sim-chan.ts';

/** What the driver needs from the engine around it. */
export interface DriverHost extends VchanHost {
  readonly cfg: EngineConfig;
  /** A descriptor was released for good (`desc_freed`, registry update). */
  onDescFreed(d: SimDesc): void;
}

export interface DriverState {
  readonly host: DriverHost;
  readonly ctrl: Controller;
  readonly chans: readonly SimChan[];
}
