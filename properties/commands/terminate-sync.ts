/** `dmaengine_terminate_sync(chan)` from process context (TERM-3, TERM-5). @public */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { ChanOpCommand } from './chan-op.ts';
import { heldChans } from './index-base.ts';

/** @public */
export class TerminateSync extends ChanOpCommand {
  readonly op = 'terminate_sync';
  targets(m: Readonly<Lockstep>): ChanView[] { return heldChans(m); }
}

/** @public */
export const terminateSyncArb = fc.nat(7).map((c) => new TerminateSync(c, 'process'));
