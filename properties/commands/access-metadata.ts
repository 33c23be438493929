/** The client writes ENGINE metadata through the pointer it got, before submit (META-7, META-9). @public */
import fc from 'fast-check';
import type { DescView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { allDescs, DmaCommand, pick } from './index-base.ts';

const targets = (m: Readonly<Lockstep>): DescView[] =>
  allDescs(m, (d) => d.phase === 'prepared' && d.metaMode === 'engine' && (m.client.descs.get(d.desc)?.metaPtr ?? false));

/** @public */
export class AccessMetadata extends DmaCommand {
  readonly op = 'access_metadata';
  constructor(readonly d: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'access_metadata', desc: pick(targets(m), this.d).desc, write: true }, ctx: 'process' }; }
}

/** @public */
export const accessMetadataArb = fc.nat(7).map((d) => new AccessMetadata(d));
