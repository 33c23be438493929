/**
 * The client disables its peripheral once its FIFO is empty or holds only data a terminate
 * abandoned (tearing it down with data still owed is DATA-4 misuse; SYNC-6, seed 000).
 * @public
 */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { ChanOpCommand } from './chan-op.ts';
import { heldChans } from './index-base.ts';

/** @public */
export class PeriphTeardown extends ChanOpCommand {
  readonly op = 'periph_teardown';
  targets(m: Readonly<Lockstep>): readonly ChanView[] { return heldChans(m).filter((c) => c.periphBytes === 0 || !m.client.periphOwed.has(c.chan)); }
}

/** @public */
export const periphTeardownArb = fc.nat(7).map((c) => new PeriphTeardown(c, 'process'));
