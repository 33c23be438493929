/**
 * `dmaengine_synchronize(chan)` from process context after a terminate, with no issue_pending since
 * (SYNC-2..SYNC-5). Without a terminate it is undefined on a running cyclic channel (CYC-5, Q24), so
 * it is generated only to finish a termination.
 * @public
 */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { ChanOpCommand } from './chan-op.ts';
import { heldChans } from './index-base.ts';

/** @public */
export class Synchronize extends ChanOpCommand {
  readonly op = 'synchronize';
  targets(m: Readonly<Lockstep>): ChanView[] { return heldChans(m).filter((c) => c.terminating && !c.issuedSinceTerminate); }
}

/** @public */
export const synchronizeArb = fc.nat(7).map((c) => new Synchronize(c, 'process'));
