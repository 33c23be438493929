/**
 * The racy-region row of mixed generation: a slot that applies only while some held
 * channel has an interrupt or completion tasklet pending, and then issues one of the
 * calls that race the completion (terminate, synchronize, pause; TERM-7, CB-12, CB-13,
 * SYNC-4). A static weight would let the tasklet (weight 3) run first almost always;
 * this row gives those calls extra weight exactly while the race is open, as the
 * fuzzer's racy weighting (fuzz/racy.ts) does. Outside that region its precondition
 * fails and fast-check skips it, like any other inapplicable command.
 * @public
 */
import fc from 'fast-check';
import type { CapabilityProfile } from '../../spec/api/index.ts';
import { COMMANDS, DmaCommand } from '../commands/index.ts';
import { chansWhere } from '../commands/env-chan.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';

/** Relative weights of the racing calls inside the row; fuzz/racy.ts boosts the same calls. @public */
export const RACING: Readonly<Record<string, number>> = {
  terminate_async: 4, terminate_sync: 3, synchronize: 3, pause: 3, resume: 2, tx_status: 2, release_channel: 2, issue_pending: 2,
};

/** Weight of the row in mixed generation (the tasklet's is 3). @internal */
export const RACY_ROW_WEIGHT = 8;

/** Is a completion racing anything right now? */
function raceOpen(m: Readonly<Lockstep>): boolean {
  return chansWhere(m, (c) => c.held && !c.poisoned && (c.irqPending || c.taskletPending)).length > 0;
}

/** @public */
export class RacyCall extends DmaCommand {
  readonly op = 'racy';
  private chosen: DmaCommand | undefined;
  /** `u` picks among `candidates` (one of each racing call) by weight, among those applicable. */
  constructor(readonly u: number, readonly candidates: readonly DmaCommand[]) { super(); }
  private applicable(m: Readonly<Lockstep>): DmaCommand[] { return this.candidates.filter((c) => c.check(m)); }
  check(m: Readonly<Lockstep>): boolean { return raceOpen(m) && this.applicable(m).length > 0; }
  resolve(m: Lockstep): Step { return this.pick(m).resolve(m); }
  override run(m: Lockstep, r: Lockstep): void {
    this.chosen = this.pick(r);
    this.chosen.run(m, r);
  }
  override toString(): string { return this.chosen?.toString() ?? 'racy(?)'; }
  private pick(m: Readonly<Lockstep>): DmaCommand {
    const cs = this.applicable(m);
    const total = cs.reduce((s, c) => s + (RACING[c.op] ?? 1), 0);
    let x = this.u % total;
    for (const c of cs) {
      x -= RACING[c.op] ?? 1;
      if (x < 0) return c;
    }
    throw new Error('racy: no applicable call (check() should have refused)');
  }
}

/** The row's arbitrary: one instance of each racing call the profile has, and the choice. @public */
export function racyCallArb(p: CapabilityProfile): fc.Arbitrary<DmaCommand> {
  const rows = COMMANDS.filter((s) => s.op in RACING && (s.needs === undefined || p[s.needs]));
  return fc.tuple(fc.nat(1 << 16), fc.tuple(...rows.map((s) => s.arb))).map(([u, cs]) => new RacyCall(u, cs));
}
