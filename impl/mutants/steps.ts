/**
 * Builders for triggering sequences, in the terms of the probe prelude: channel 0 "tx"
 * (MEM_TO_DEV, buffers 1 = 64 B and 2 = 256 B), channel 1 "rx" (DEV_TO_MEM, buffers
 * 3 = 64 B and 4 = 256 B). Descriptor ids start at 1 (the prelude prepares none).
 * @internal
 */
import type { CallbackAction, ClientCall, Cookie, Ctx, DescId, Direction, EnvStep, MetadataMode, PrepFlags, SlaveConfig } from '../../spec/api/index.ts';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT, DMA_PREP_LOAD_EOT, DMA_PREP_REPEAT } from '../lib/kernel-constants.ts';
import type { TriggerStep } from './spec.ts';

/** Channel ids of the default configuration. */
export const TX = 0;
export const RX = 1;
/** The usual slave prep flags. */
export const INT_ACK = DMA_PREP_INTERRUPT | DMA_CTRL_ACK;
/** A polled transfer: no DMA_PREP_INTERRUPT. */
export const ACK_ONLY = DMA_CTRL_ACK;
export const REPEAT_FLAGS = INT_ACK | DMA_PREP_REPEAT;
export const LOAD_EOT_FLAGS = INT_ACK | DMA_PREP_LOAD_EOT;

const DIR: readonly Direction[] = ['MEM_TO_DEV', 'DEV_TO_MEM'];
/** The small buffer mapped for each channel by the prelude. */
const SMALL_BUF: readonly number[] = [1, 3];
const BIG_BUF: readonly number[] = [2, 4];

export function call(c: ClientCall, ctx: Ctx = 'process'): TriggerStep {
  return { k: 'call', call: c, ctx };
}

export function env(step: EnvStep): TriggerStep {
  return { k: 'env', step };
}

/** prep_slave_sg of `len` bytes of the channel's small buffer (big one above 64 B), in its direction. */
export function sg(desc: DescId, chan: number, len: number, flags: PrepFlags = INT_ACK): TriggerStep {
  const buf = (len > 64 ? BIG_BUF : SMALL_BUF)[chan]!;
  return call({ op: 'prep_slave_sg', chan, desc, sgl: [{ buf, offset: 0, len }], dir: DIR[chan]!, flags });
}

/** prep_cyclic over the channel's big buffer. */
export function cyclic(desc: DescId, chan: number, bufLen: number, periodLen: number): TriggerStep {
  return call({ op: 'prep_cyclic', chan, desc, buf: BIG_BUF[chan]!, bufLen, periodLen, dir: DIR[chan]!, flags: INT_ACK });
}

export function setCb(desc: DescId, action: CallbackAction = { kind: 'none' }, fn: 'callback' | 'callback_result' = 'callback'): TriggerStep {
  return call({ op: 'set_callback', desc, fn, action });
}

export const submit = (desc: DescId): TriggerStep => call({ op: 'submit', desc });
export const issue = (chan: number): TriggerStep => call({ op: 'issue_pending', chan });
export const status = (chan: number, cookie: Cookie): TriggerStep => call({ op: 'tx_status', chan, cookie, withState: true });
export const pause = (chan: number): TriggerStep => call({ op: 'pause', chan });
export const resume = (chan: number): TriggerStep => call({ op: 'resume', chan });
export const terminateAsync = (chan: number): TriggerStep => call({ op: 'terminate_async', chan });
export const terminateSync = (chan: number): TriggerStep => call({ op: 'terminate_sync', chan });
export const synchronize = (chan: number): TriggerStep => call({ op: 'synchronize', chan });
export const advance = (units: number): TriggerStep => env({ op: 'advance', units });
export const irq = (chan: number): TriggerStep => env({ op: 'irq', chan });
export const tasklet = (chan: number): TriggerStep => env({ op: 'tasklet', chan });

/** prep_slave_sg over the channel's big buffer with several entries of these lengths (each from offset 0). */
export function sgEntries(desc: DescId, chan: number, lens: readonly number[]): TriggerStep {
  return call({ op: 'prep_slave_sg', chan, desc, sgl: lens.map((len) => ({ buf: BIG_BUF[chan]!, offset: 0, len })), dir: DIR[chan]!, flags: INT_ACK });
}

/** prep_interleaved of one frame of `size` bytes from the channel's small buffer. */
export function interleaved(desc: DescId, chan: number, size: number, flags: PrepFlags): TriggerStep {
  return call({ op: 'prep_interleaved', chan, desc, xt: { dir: DIR[chan]!, buf: SMALL_BUF[chan]!, offset: 0, numf: 1, chunks: [{ size, icg: 0 }] }, flags });
}

export const setReuse = (desc: DescId): TriggerStep => call({ op: 'set_reuse', desc });
export const metaSupported = (chan: number, mode: MetadataMode): TriggerStep => call({ op: 'metadata_supported', chan, mode });
export const attachMeta = (desc: DescId, len: number): TriggerStep => call({ op: 'attach_metadata', desc, len });
export const getCaps = (chan: number): TriggerStep => call({ op: 'get_slave_caps', chan });
export const release = (chan: number): TriggerStep => call({ op: 'release_channel', chan });
export const request = (name: string): TriggerStep => call({ op: 'request_chan', name });
export const descFree = (desc: DescId): TriggerStep => call({ op: 'desc_free', desc });
/** slave_config with both widths `width` and bursts 8. */
export function config(chan: number, width: SlaveConfig['srcAddrWidth']): TriggerStep {
  return call({ op: 'slave_config', chan, cfg: { srcAddrWidth: width, dstAddrWidth: width, srcMaxburst: 8, dstMaxburst: 8 } });
}
