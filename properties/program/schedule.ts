/**
 * The schedule of environment steps around a client program: a list of decisions read
 * one at a time at each scheduling point (between two program steps, inside waits and
 * sleeps). Decision 0 — and every point after the list ran out — lets the client go on
 * (between steps) or makes the default progress (inside a wait: deliver what is pending,
 * else let time pass); decision k > 0 runs the ((k-1) mod n)-th of the n environment
 * steps enabled at that point, in a fixed order: interrupts, tasklets, peripheral drains
 * by channel, then a short and a long advance. So every interleaving of interrupts,
 * tasklets and drains with the client's calls is some list, the empty list is the
 * default run, and fast-check shrinks a failing list towards the shortest one.
 * @public
 */
import type { ChanId, EnvStep } from '../../spec/api/index.ts';
import type { ClientState } from '../lockstep/client.ts';

/** A schedule: the decisions, in the order the scheduling points ask for them. @public */
export type Schedule = readonly number[];

/** Reads a schedule; counts what it was asked. @internal */
export class ScheduleCursor {
  private at = 0;
  constructor(private readonly decisions: Schedule) {}

  /** The next decision; 0 once the list ran out. */
  next(): number {
    return this.at < this.decisions.length ? this.decisions[this.at++]! : 0;
  }

  /** Decisions read so far (≤ the list's length). */
  get used(): number {
    return this.at;
  }
}

/**
 * The environment steps enabled now, in the schedule's fixed order. `shortUnits` moves a
 * few bursts; `longUnits` lets a long time pass (inside a wait: up to its deadline).
 * @internal
 */
export function enabledSteps(cl: ClientState, shortUnits: number, longUnits: number): EnvStep[] {
  const byChan = (s: ReadonlySet<ChanId>) => [...s].sort((a, b) => a - b);
  const out: EnvStep[] = [];
  for (const chan of byChan(cl.irqPending)) out.push({ op: 'irq', chan });
  for (const chan of byChan(cl.taskletPending)) out.push({ op: 'tasklet', chan });
  for (const [chan, bytes] of [...cl.periphBytes].sort((a, b) => a[0] - b[0])) if (bytes > 0) out.push({ op: 'drain', chan, bytes });
  out.push({ op: 'advance', units: shortUnits });
  if (longUnits > shortUnits) out.push({ op: 'advance', units: longUnits });
  return out;
}

/** The step decision `k` (> 0) picks among `enabled`. @internal */
export const pick = (enabled: readonly EnvStep[], k: number): EnvStep => enabled[(k - 1) % enabled.length]!;
