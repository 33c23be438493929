/** `dmaengine_desc_set_metadata_len(desc, len)` after get_ptr, before submit (META-7). @public */
import fc from 'fast-check';
import type { DescView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { allDescs, DmaCommand, pick } from './index-base.ts';

const targets = (m: Readonly<Lockstep>): DescView[] =>
  allDescs(m, (d) => d.phase === 'prepared' && d.metaMode === 'engine' && (m.client.descs.get(d.desc)?.metaPtr ?? false));

/** @public */
export class SetMetadataLen extends DmaCommand {
  readonly op = 'set_metadata_len';
  constructor(readonly d: number, readonly len: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step {
    const d = pick(targets(m), this.d);
    const max = m.client.descs.get(d.desc)?.metaMax ?? 1;
    return { k: 'call', call: { op: 'set_metadata_len', desc: d.desc, len: 1 + (this.len % Math.max(1, max)) }, ctx: 'process' };
  }
}

/** @public */
export const setMetadataLenArb = fc.tuple(fc.nat(7), fc.nat(63)).map(([d, l]) => new SetMetadataLen(d, l));
