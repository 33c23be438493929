/**
 * Deprecated `dmaengine_terminate_all(chan)` (misuse mode): an advisory (TERM-6,
 * docs/SEVERITY.md), so the model reports it and goes on with it as terminate_async —
 * the engine's terminate_all is checked on (TERM-2 and what terminate_async promises).
 * Kept out of legal generation so the legal command mix stays as tuned.
 * @public
 */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { ChanOpCommand } from './chan-op.ts';
import { heldChans, type Misuse } from './index-base.ts';

/** @public */
export class TerminateAll extends ChanOpCommand {
  readonly op = 'terminate_all';
  targets(m: Readonly<Lockstep>): readonly ChanView[] { return heldChans(m); }
  override misuse(): Misuse { return { rules: ['TERM-6'], immediate: true }; }
}

/** @public */
export const terminateAllArb = fc.nat(7).map((c) => new TerminateAll(c, 'process'));
