/** `dmaengine_synchronize(chan)` from process context, with no issue_pending since the terminate (SYNC-2..SYNC-5). @public */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { ChanOpCommand } from './chan-op.ts';
import { heldChans } from './index-base.ts';

/** @public */
export class Synchronize extends ChanOpCommand {
  readonly op = 'synchronize';
  targets(m: Readonly<Lockstep>): ChanView[] { return heldChans(m).filter((c) => !c.issuedSinceTerminate); }
}

/** @public */
export const synchronizeArb = fc.nat(7).map((c) => new Synchronize(c, 'process'));
