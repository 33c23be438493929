/**
 * Weights for the racy regions of the API: what the model says is pending right now
 * selects a row of multipliers. An interrupt or tasklet pending makes terminate,
 * synchronize and pause likelier (TERM-*, SYNC-4, CB-13: the completion races the
 * stop); a paused channel makes resume and status queries likelier (PAUSE-*, STAT-*);
 * a terminating one, synchronize and the interrupts that may still arrive (SYNC-*);
 * data left in a peripheral FIFO, drain and teardown (DATA-4); a cookie counter close to
 * INT_MAX, submit and status queries (CK-2 wrap-around).
 * @public
 */
import { INT_MAX } from '../spec/api/index.ts';
import type { ChanView } from '../spec/api/index.ts';
import { RACING } from '../properties/gen/racy.ts';

/** Bits of the situation mask. @public */
export const SIT = { irq: 1, tasklet: 2, paused: 4, terminating: 8, periph: 16, nearWrap: 32 } as const;
/** Number of distinct masks. @public */
export const SIT_COUNT = 64;

/** The situation mask of the held channels. @public */
export function situation(chans: readonly (ChanView | undefined)[]): number {
  let m = 0;
  for (const c of chans) {
    if (!c || !c.held || c.poisoned) continue;
    if (c.irqPending) m |= SIT.irq;
    if (c.taskletPending) m |= SIT.tasklet;
    if (c.paused) m |= SIT.paused;
    if (c.terminating) m |= SIT.terminating;
    if (c.periphBytes > 0) m |= SIT.periph;
    if (c.used > INT_MAX - 8) m |= SIT.nearWrap;
  }
  return m;
}

const BOOSTS: readonly (readonly [number, Readonly<Record<string, number>>])[] = [
  // The calls that race a completion: certify's racy row, plus the deprecated terminate_all.
  [SIT.irq | SIT.tasklet, { ...RACING, terminate_all: 2 }],
  [SIT.paused, { resume: 4, tx_status: 2, terminate_async: 2, is_tx_complete: 2, issue_pending: 2 }],
  [SIT.terminating, { synchronize: 4, irq: 2, tasklet: 2, terminate_sync: 2, release_channel: 2 }],
  [SIT.periph, { drain: 2, periph_teardown: 2 }],
  [SIT.nearWrap, { submit: 3, tx_status: 2, is_tx_complete: 3 }],
];

/** Multipliers by op, one per mask, made on first use (each sequence weights its rows again). */
const BY_OP = new Map<string, Float64Array>();

/** Multiplier of command `op` in situation `mask`. @public */
export function racyBoost(op: string, mask: number): number {
  let ws = BY_OP.get(op);
  if (ws === undefined) {
    ws = new Float64Array(SIT_COUNT);
    for (let m = 0; m < SIT_COUNT; m++) {
      let w = 1;
      for (const [bits, row] of BOOSTS) if ((m & bits) !== 0) w *= row[op] ?? 1;
      ws[m] = w;
    }
    BY_OP.set(op, ws);
  }
  return ws[mask]!;
}
