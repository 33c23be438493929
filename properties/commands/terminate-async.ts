/** `dmaengine_terminate_async(chan)`, also from atomic context (TERM-1, TERM-4, TERM-7, CB-12). @public */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { restartArb } from './restart.ts';
import { TerminateCommand } from './terminate-common.ts';
import { ctxArb, heldChans } from './index-base.ts';

/** @public */
export class TerminateAsync extends TerminateCommand {
  readonly op = 'terminate_async';
  targets(m: Readonly<Lockstep>): readonly ChanView[] { return heldChans(m); }
}

/** @public */
export const terminateAsyncArb = fc.tuple(fc.nat(7), ctxArb('atomic'), restartArb).map(([c, x, p]) => new TerminateAsync(c, x, p));
