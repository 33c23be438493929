/**
 * The simulated clock (style.md §11, after XState's SimulatedClock): time is a counter
 * of units moved only by `advance`. No real timers exist anywhere in impl/.
 * @internal
 */
export class SimClock {
  private t = 0;

  get now(): number {
    return this.t;
  }

  /** Move time forward by `units` (a non-negative integer). */
  advance(units: number): void {
    if (!Number.isInteger(units) || units < 0) throw new Error(`clock: cannot go backwards or by a fraction (${units} units)`);
    this.t += units;
  }
}
