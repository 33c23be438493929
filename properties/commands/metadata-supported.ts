/** `dmaengine_is_metadata_mode_supported(chan, mode)`, the check META-1 asks for first. @public */
import fc from 'fast-check';
import type { MetadataMode } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { DmaCommand, heldChans, pick } from './index-base.ts';

/** @public */
export class MetadataSupported extends DmaCommand {
  readonly op = 'metadata_supported';
  constructor(readonly ch: number, readonly mode: MetadataMode) { super(); }
  check(m: Readonly<Lockstep>): boolean { return heldChans(m).length > 0; }
  resolve(m: Lockstep): Step {
    return { k: 'call', call: { op: 'metadata_supported', chan: pick(heldChans(m), this.ch).chan, mode: this.mode }, ctx: 'process' };
  }
}

/** @public */
export const metadataSupportedArb = fc.tuple(fc.nat(7), fc.constantFrom<MetadataMode>('client', 'engine')).map(([c, x]) => new MetadataSupported(c, x));
