/** Deprecated `dmaengine_terminate_all(chan)`: the model calls any use client UB (TERM-6), so it is a misuse command (TERM-2 is checked on the way). @public */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { ChanOpCommand } from './chan-op.ts';
import { heldChans, type Misuse } from './index-base.ts';

/** @public */
export class TerminateAll extends ChanOpCommand {
  readonly op = 'terminate_all';
  targets(m: Readonly<Lockstep>): ChanView[] { return heldChans(m); }
  override misuse(): Misuse { return { rules: ['TERM-6'], immediate: true }; }
}

/** @public */
export const terminateAllArb = fc.nat(7).map((c) => new TerminateAll(c, 'process'));
