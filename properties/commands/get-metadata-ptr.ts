/** `dmaengine_desc_get_metadata_ptr(desc, ...)`: ENGINE mode, MEM_TO_DEV, before submit (META-2, META-4, META-7). @public */
import fc from 'fast-check';
import type { DescView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { allDescs, DmaCommand, pick } from './index-base.ts';

const targets = (m: Readonly<Lockstep>): DescView[] =>
  allDescs(m, (d) => d.phase === 'prepared' && d.dir === 'MEM_TO_DEV' && d.metaMode !== 'client' && m.client.metaSupported(d.chan, 'engine'));

/** @public */
export class GetMetadataPtr extends DmaCommand {
  readonly op = 'get_metadata_ptr';
  constructor(readonly d: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'get_metadata_ptr', desc: pick(targets(m), this.d).desc }, ctx: 'process' }; }
}

/** @public */
export const getMetadataPtrArb = fc.nat(7).map((d) => new GetMetadataPtr(d));
