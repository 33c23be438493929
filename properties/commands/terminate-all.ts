/**
 * Deprecated `dmaengine_terminate_all(chan)`: an advisory (TERM-6, docs/SEVERITY.md), so a
 * legal client may use it; the model takes it as terminate_async (TERM-2 checks its return).
 * @public
 */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { ChanOpCommand } from './chan-op.ts';
import { heldChans } from './index-base.ts';

/** @public */
export class TerminateAll extends ChanOpCommand {
  readonly op = 'terminate_all';
  targets(m: Readonly<Lockstep>): ChanView[] { return heldChans(m); }
}

/** @public */
export const terminateAllArb = fc.nat(7).map((c) => new TerminateAll(c, 'process'));
