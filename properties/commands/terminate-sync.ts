/** `dmaengine_terminate_sync(chan)` from process context (TERM-3, TERM-5). @public */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { restartArb } from './restart.ts';
import { TerminateCommand } from './terminate-common.ts';
import { heldChans } from './index-base.ts';

/** @public */
export class TerminateSync extends TerminateCommand {
  readonly op = 'terminate_sync';
  targets(m: Readonly<Lockstep>): readonly ChanView[] { return heldChans(m); }
}

/** @public */
export const terminateSyncArb = fc.tuple(fc.nat(7), restartArb).map(([c, p]) => new TerminateSync(c, 'process', p));
