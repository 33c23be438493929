/**
 * The dmaengine core and its inline client wrappers (drivers/dma/dmaengine.c,
 * include/linux/dmaengine.h): channel request/release through the slave map, the
 * capability query, and the wrappers with their fallbacks (-ENOSYS / -EINVAL / NULL
 * when an op is missing). Channel ids not held by the client are bad input and get
 * the call's error convention.
 * @internal
 */
import type {
  ChanId, Cookie, DescId, Direction, DmaCapMask, EngineConfig, InterleavedTemplate, MemcpyEnd, PrepFlags, Ret, SgEntry, SlaveCaps, SlaveConfig,
} from '../../spec/api/index.ts';
import type { ExecContext } from '../ctx/exec.ts';
import type { Faults } from '../faults.ts';
import { DMA_CTRL_REUSE, DMA_PREP_REPEAT } from '../lib/kernel-constants.ts';
import type { VirtDesc } from '../vchan/virt-desc.ts';
import type { DmaDevice } from './device.ts';
import type { DescRegistry } from './registry.ts';
import { NULL, OK, VOID, ZERO, err, fromOp, status } from './ret.ts';

export class DmaEngineCore<P> {
  /** client_count != 0 per channel (CH-2). */
  private readonly held: boolean[];

  constructor(
    private readonly cfg: EngineConfig,
    readonly dev: DmaDevice<P>,
    readonly descs: DescRegistry<P>,
    private readonly exec: ExecContext,
    private readonly faults: Faults,
  ) {
    this.held = cfg.slaves.map(() => false);
  }

  /** True if `chan` names a channel the client holds. */
  isHeld(chan: ChanId): boolean {
    return this.held[chan] === true;
  }

  /** dma_request_chan via the dma_slave_map path: never NULL (CH-1), -EPROBE_DEFER when nothing matches or all are busy (CH-4). */
  requestChan(name: string): Ret {
    this.exec.mightSleep('dma_request_chan');
    let matched = false;
    for (let i = 0; i < this.cfg.slaves.length; i++) {
      if (this.cfg.slaves[i]!.name !== name) continue;
      matched = true;
      if (this.held[i] && !this.faults.has('request-not-exclusive')) continue; // private_candidate skips held channels
      const r = this.dev.allocChanResources(i);
      if (r !== 0) return err(r);
      this.held[i] = true;
      return OK;
    }
    if (!matched && this.faults.has('request-null')) return NULL;
    return err('EPROBE_DEFER');
  }

  /**
   * dma_request_channel(mask): the first free channel whose device has the capability
   * (__dma_request_channel → private_candidate); NULL when there is none.
   */
  requestChannel(mask: DmaCapMask): Ret {
    this.exec.mightSleep('dma_request_channel');
    for (let i = 0; i < this.cfg.slaves.length; i++) {
      if (this.held[i] || !this.capable(i, mask)) continue;
      const r = this.dev.allocChanResources(i);
      if (r !== 0) return NULL;
      this.held[i] = true;
      return OK;
    }
    return NULL;
  }

  /** dma_has_cap for channel `i`'s device: memcpy = MEM_TO_MEM among its directions. */
  private capable(i: number, mask: DmaCapMask): boolean {
    const dirs = this.cfg.slaves[i]?.directions ?? [];
    const slave = dirs.some((d) => d !== 'MEM_TO_MEM');
    switch (mask) {
      case 'memcpy': return dirs.includes('MEM_TO_MEM');
      case 'slave': return slave;
      case 'cyclic': return slave && this.cfg.caps.cyclic;
    }
  }

  /** dma_release_channel: synchronize, then free the channel's resources (CH-6); no terminate. */
  releaseChannel(chan: ChanId): Ret {
    this.exec.mightSleep('dma_release_channel');
    if (!this.isHeld(chan)) return VOID;
    if (!this.faults.has('release-tasklet-live')) this.dev.synchronize?.(chan);
    this.dev.freeChanResources(chan);
    this.held[chan] = false;
    return VOID;
  }

  /** dmaengine_slave_config: -ENOSYS without device_config (CFG-3). */
  slaveConfig(chan: ChanId, cfg: SlaveConfig): Ret {
    if (!this.isHeld(chan) || typeof cfg !== 'object' || cfg === null) return err('EINVAL');
    if (this.dev.config === undefined) return this.faults.has('config-no-enosys') ? ZERO : err('ENOSYS');
    return fromOp(this.dev.config(chan, cfg));
  }

  /** dma_get_slave_caps (CAPS-1, CAPS-2). */
  getSlaveCaps(chan: ChanId): Ret {
    const c = this.slaveCaps(chan);
    return typeof c === 'string' ? err(c) : { t: 'caps', caps: c };
  }

  private slaveCaps(chan: ChanId): SlaveCaps | 'EINVAL' | 'ENXIO' {
    if (!this.isHeld(chan)) return 'EINVAL';
    const d = this.dev;
    const directions = d.directionsOf(chan);
    if (!d.capSlaveOrCyclic || directions.length === 0) return 'ENXIO';
    const lie = this.faults.has('caps-lie');
    return {
      srcAddrWidths: d.srcAddrWidths, dstAddrWidths: d.dstAddrWidths, directions,
      minBurst: d.minBurst, maxBurst: d.maxBurst, maxSgBurst: 0,
      residueGranularity: d.residueGranularity, descriptorReuse: d.descriptorReuse,
      cmdPause: lie || d.pause !== undefined, cmdResume: lie || d.resume !== undefined,
      cmdTerminate: lie || d.terminateAll !== undefined,
    };
  }

  prepSlaveSg(chan: ChanId, id: DescId, sgl: readonly SgEntry[], dir: Direction, flags: PrepFlags): Ret {
    const op = this.dev.prepSlaveSg;
    return this.prep(chan, id, op && (() => op(chan, id, sgl, dir, flags)));
  }

  prepDmaVec(chan: ChanId, id: DescId, vecs: readonly SgEntry[], dir: Direction, flags: PrepFlags): Ret {
    const op = this.dev.prepDmaVec;
    return this.prep(chan, id, op && (() => op(chan, id, vecs, dir, flags)));
  }

  prepCyclic(chan: ChanId, id: DescId, buf: number, bufLen: number, periodLen: number, dir: Direction, flags: PrepFlags): Ret {
    const op = this.dev.prepCyclic;
    return this.prep(chan, id, op && (() => op(chan, id, buf, bufLen, periodLen, dir, flags)));
  }

  /** dmaengine_prep_interleaved_dma: NULL for DMA_PREP_REPEAT without DMA_REPEAT (CYC-6). */
  prepInterleaved(chan: ChanId, id: DescId, xt: InterleavedTemplate, flags: PrepFlags): Ret {
    const op = this.dev.prepInterleaved;
    if (typeof xt !== 'object' || xt === null) return NULL;
    const repeatRefused = (flags & DMA_PREP_REPEAT) !== 0 && !this.dev.capRepeat && !this.faults.has('repeat-without-cap');
    return this.prep(chan, id, op && !repeatRefused ? () => op(chan, id, xt, flags) : undefined);
  }

  /** dmaengine_prep_dma_memcpy: NULL without device_prep_dma_memcpy. */
  prepMemcpy(chan: ChanId, id: DescId, dst: MemcpyEnd, src: MemcpyEnd, len: number, flags: PrepFlags): Ret {
    const op = this.dev.prepMemcpy;
    if (typeof dst !== 'object' || dst === null || typeof src !== 'object' || src === null) return NULL;
    return this.prep(chan, id, op && (() => op(chan, id, dst, src, len, flags)));
  }

  /** Common to the prep wrappers: NULL for a bad channel, a used id or a missing op (DESC-1). */
  private prep(chan: ChanId, id: DescId, call: (() => VirtDesc<P> | null) | undefined): Ret {
    if (!this.isHeld(chan) || typeof id !== 'number' || this.descs.used(id) || call === undefined) return NULL;
    const d = call();
    if (d === null) return NULL;
    this.descs.add(d);
    return OK;
  }

  /** desc->callback / desc->callback_result = ... (DESC-3). */
  setCallback(id: DescId, fn: 'callback' | 'callback_result'): Ret {
    const d = this.descs.get(id);
    if (d === undefined) return VOID;
    if (fn === 'callback_result') d.hasCallbackResult = true;
    else d.hasCallback = true;
    return VOID;
  }

  /** dmaengine_submit → tx_submit; only a prepared (or idle REUSE) descriptor can be submitted. */
  submit(id: DescId): Ret {
    const d = this.descs.get(id);
    if (d === undefined || d.list === null || d.list.name !== 'allocated') return err('EINVAL');
    const cookie: Cookie = this.dev.txSubmit(d);
    return { t: 'cookie', v: cookie };
  }

  issuePending(chan: ChanId): Ret {
    if (this.isHeld(chan)) this.dev.issuePending(chan);
    return VOID;
  }

  /** dmaengine_tx_status; DMA_ERROR for a channel the client does not hold. */
  txStatus(chan: ChanId, cookie: Cookie, withState: boolean): Ret {
    if (!this.isHeld(chan) || typeof cookie !== 'number') return status({ status: 'DMA_ERROR' });
    return status(this.dev.txStatus(chan, cookie, withState === true));
  }

  /** dma_async_is_tx_complete: status plus last/used (STAT-10). */
  isTxComplete(chan: ChanId, cookie: Cookie): Ret {
    if (!this.isHeld(chan) || typeof cookie !== 'number') return status({ status: 'DMA_ERROR' });
    const st = this.dev.txStatus(chan, cookie, true);
    const last = st.last ?? 0;
    const used = st.used ?? 0;
    return status({ status: st.status, last, used });
  }

  /** dmaengine_pause: -ENOSYS without the op (PAUSE-1). */
  pause(chan: ChanId): Ret {
    if (!this.isHeld(chan)) return err('EINVAL');
    const op = this.dev.pause;
    return op === undefined ? err(this.missingPauseErrno()) : fromOp(op(chan));
  }

  resume(chan: ChanId): Ret {
    if (!this.isHeld(chan)) return err('EINVAL');
    const op = this.dev.resume;
    return op === undefined ? err(this.missingPauseErrno()) : fromOp(op(chan));
  }

  private missingPauseErrno(): 'ENOSYS' | 'EINVAL' {
    return this.faults.has('wrong-errno-missing-op') ? 'EINVAL' : 'ENOSYS';
  }

  /** dmaengine_terminate_async: -EINVAL without device_terminate_all (TERM-1). */
  terminateAsync(chan: ChanId): Ret {
    if (!this.isHeld(chan)) return err('EINVAL');
    const op = this.dev.terminateAll;
    if (op === undefined) return err(this.faults.has('wrong-errno-missing-op') ? 'ENOSYS' : 'EINVAL');
    return fromOp(op(chan));
  }

  /** Deprecated dmaengine_terminate_all: -ENOSYS without the op (TERM-2). */
  terminateAll(chan: ChanId): Ret {
    if (!this.isHeld(chan)) return err('EINVAL');
    const op = this.dev.terminateAll;
    return op === undefined ? err('ENOSYS') : fromOp(op(chan));
  }

  /** dmaengine_terminate_sync: synchronize only when terminate_async succeeded (TERM-3). */
  terminateSync(chan: ChanId): Ret {
    this.exec.mightSleep('dmaengine_terminate_sync');
    const r = this.terminateAsync(chan);
    if (r.t !== 'int') return r;
    this.synchronize(chan);
    return ZERO;
  }

  /** dmaengine_synchronize: might_sleep, then device_synchronize if present (SYNC-1). */
  synchronize(chan: ChanId): Ret {
    this.exec.mightSleep('dmaengine_synchronize');
    if (!this.isHeld(chan) || this.dev.synchronize === undefined) return VOID;
    this.exec.waitsForTasklet(chan, 'dmaengine_synchronize');
    this.dev.synchronize(chan);
    return VOID;
  }

  /** dmaengine_desc_set_reuse: the caps error, -EPERM without descriptor_reuse, else 0 (DESC-10). */
  setReuse(id: DescId): Ret {
    const d = this.descs.get(id);
    if (d === undefined) return err('EINVAL');
    const caps = this.slaveCaps(d.chan);
    if (typeof caps === 'string') return err(caps);
    if (!caps.descriptorReuse && !this.faults.has('set-reuse-no-check')) return err('EPERM');
    d.flags |= DMA_CTRL_REUSE;
    return ZERO;
  }

  /** dmaengine_desc_free: -EPERM unless REUSE is set (DESC-11). */
  descFree(id: DescId): Ret {
    const d = this.descs.get(id);
    if (d === undefined) return err('EINVAL');
    if (!d.reuse && !this.faults.has('desc-free-no-check')) return err('EPERM');
    return fromOp(this.dev.descFree(d));
  }
}
