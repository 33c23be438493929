/**
 * What the trace shows (trace format 1.1 `observe`), as the few facts the clauses ask
 * about. An unobserved kind is existentially quantified: the model assumes it happened
 * whenever that makes the observed entries legal, and never evaluates a clause that
 * could only be judged from it (so its rule stays "not exercised", never "passed").
 * @internal
 */
import type { Observation } from '../api/index.ts';

/** @internal */
export interface Obs {
  /** Byte progress (`xfer`): moved counts, residues, period timing, data. */
  readonly xfer: boolean;
  /** The interrupt going pending (`irq_raised`). */
  readonly irqRaised: boolean;
  /** The tasklet being scheduled (`tasklet_scheduled`). */
  readonly taskletScheduled: boolean;
  /** Cyclic periods elapsing (`period`). */
  readonly period: boolean;
  /** CLIENT-mode metadata written back (`meta_copied`). */
  readonly metaCopied: boolean;
  /** The peripheral FIFO: `periph_rx`, `periph_lost` and the `drain` step. */
  readonly fifo: boolean;
  /** Byte contents (xfer / periph_rx sums). */
  readonly data: boolean;
  /** The engine's lock debugging (`lock_splat`, PROV-8). */
  readonly locks: boolean;
}

/** Everything observed (format 1.0, or 1.1 without `observe`). @internal */
export const OBSERVE_ALL: Obs = { xfer: true, irqRaised: true, taskletScheduled: true, period: true, metaCopied: true, fifo: true, data: true, locks: true };

/** The facts of a header's `observe`. @internal */
export function obsOf(o: Observation | undefined): Obs {
  if (o === undefined) return OBSERVE_ALL;
  const ev = new Set(o.events);
  return {
    xfer: ev.has('xfer'),
    irqRaised: ev.has('irq_raised'),
    taskletScheduled: ev.has('tasklet_scheduled'),
    period: ev.has('period'),
    metaCopied: ev.has('meta_copied'),
    fifo: ev.has('periph_rx') && ev.has('periph_lost') && o.env.includes('drain'),
    data: o.data && ev.has('xfer'),
    locks: ev.has('lock_splat'),
  };
}
