/** Misuse: a metadata call of the other mode on a descriptor whose mode is fixed (META-2). @public */
import fc from 'fast-check';
import type { DescView } from '../../../spec/api/index.ts';
import type { Lockstep } from '../../lockstep/runner.ts';
import type { Step } from '../../lockstep/step.ts';
import { allDescs, DmaCommand, type Misuse, pick } from '../index-base.ts';

/**
 * Prepared descriptors whose metadata mode is fixed, on a channel where the client checked
 * the other mode is supported: mixing is then the only misuse (else META-1 comes first).
 */
const targets = (m: Readonly<Lockstep>): DescView[] =>
  allDescs(m, (d) => d.phase === 'prepared' && d.metaMode !== 'none' && m.client.metaSupported(d.chan, d.metaMode === 'client' ? 'engine' : 'client'));

/** @public */
export class MixMetadata extends DmaCommand {
  readonly op = 'misuse:mix_metadata';
  constructor(readonly d: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step {
    const d = pick(targets(m), this.d);
    return d.metaMode === 'client'
      ? { k: 'call', call: { op: 'get_metadata_ptr', desc: d.desc }, ctx: 'process' }
      : { k: 'call', call: { op: 'attach_metadata', desc: d.desc, len: 4 }, ctx: 'process' };
  }
  override misuse(): Misuse { return { rules: ['META-2'], immediate: true }; }
}

/** @public */
export const mixMetadataArb = fc.nat(7).map((d) => new MixMetadata(d));
