/** `dmaengine_desc_attach_metadata(desc, data, len)`: CLIENT mode, after prep, before submit (META-2, META-5, META-6). @public */
import fc from 'fast-check';
import type { DescView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { allDescs, DmaCommand, pick } from './index-base.ts';

const targets = (m: Readonly<Lockstep>): DescView[] =>
  allDescs(m, (d) => d.phase === 'prepared' && d.metaMode !== 'engine' && m.client.metaSupported(d.chan, 'client')
    // Its callback reads ENGINE metadata: attaching CLIENT metadata would mix modes (META-2).
    && m.client.descs.get(d.desc)?.action?.kind !== 'read_metadata');

/** @public */
export class AttachMetadata extends DmaCommand {
  readonly op = 'attach_metadata';
  constructor(readonly d: number, readonly len: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'attach_metadata', desc: pick(targets(m), this.d).desc, len: this.len }, ctx: 'process' }; }
}

/** @public */
export const attachMetadataArb = fc.tuple(fc.nat(7), fc.integer({ min: 1, max: 32 })).map(([d, l]) => new AttachMetadata(d, l));
