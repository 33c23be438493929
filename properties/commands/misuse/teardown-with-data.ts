/**
 * Misuse: disable the peripheral while its FIFO still holds MEM_TO_DEV data the client
 * wants delivered (DATA-4, seed 000; SYNC-6 once synchronize ran after the push). Data left
 * behind by a terminate is abandoned, so tearing it down then is legal.
 * @public
 */
import fc from 'fast-check';
import type { ChanView } from '../../../spec/api/index.ts';
import type { Lockstep } from '../../lockstep/runner.ts';
import type { Step } from '../../lockstep/step.ts';
import { chansWhere } from '../env-chan.ts';
import { DmaCommand, type Misuse, pick } from '../index-base.ts';

const targets = (m: Readonly<Lockstep>): ChanView[] =>
  chansWhere(m, (c) => c.held && !c.poisoned && c.periphBytes > 0 && m.client.periphOwed.has(c.chan));

/** @public */
export class TeardownWithData extends DmaCommand {
  readonly op = 'misuse:teardown_with_data';
  constructor(readonly ch: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: 'periph_teardown', chan: pick(targets(m), this.ch).chan }, ctx: 'process' }; }
  override misuse(): Misuse { return { rules: ['DATA-4', 'SYNC-6'], immediate: true }; }
}

/** @public */
export const teardownWithDataArb = fc.nat(7).map((c) => new TeardownWithData(c));
