/**
 * Where an engine event happens: predicates over the frame that owns it.
 * @internal
 */
import type { ChanId, ClientOp, EnvOp } from '../api/index.ts';
import type { Frame } from './state.ts';

/** The frame is a call of one of `ops` on channel `chan`. @internal */
export const inCall = (fr: Frame, chan: ChanId, ...ops: ClientOp[]): boolean =>
  fr.k === 'call' && fr.chan === chan && ops.includes(fr.call.op);

/** The frame is an environment step `op`. @internal */
export const inEnv = (fr: Frame, op: EnvOp): boolean => fr.k === 'env' && fr.step.op === op;

/** The terminate calls. @internal */
export const TERMINATES: ClientOp[] = ['terminate_async', 'terminate_sync', 'terminate_all'];
/** The calls that synchronize (and may run a scheduled tasklet). @internal */
export const SYNCS: ClientOp[] = ['synchronize', 'terminate_sync', 'release_channel'];

/** The descriptor a call frame names, if any. */
export function callDesc(fr: Frame): number | undefined {
  if (fr.k !== 'call') return undefined;
  const c = fr.call;
  return 'desc' in c ? c.desc : undefined;
}

/** Bit per event kind, for the `evs` set of a frame. @internal */
export const EV_BIT = {
  irq_raised: 1, tasklet_scheduled: 2, hw_start: 4, xfer: 8, periph_rx: 16, periph_lost: 32,
  complete: 64, period: 128, meta_copied: 256, desc_freed: 512, dma_fault: 1024, meta_fault: 2048, cb: 4096, lock_splat: 8192,
} as const;
