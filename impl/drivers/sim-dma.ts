/**
 * The simulated provider driver: struct dma_device ops on the simulated controller,
 * built on virt-dma like bcm2835-dma / stm32-dma. It only programs the hardware and
 * keeps each channel's `current` descriptor; lists, cookies and callbacks belong to
 * vchan. Ops of switched-off capabilities are left undefined so the core's error
 * branches are the kernel's (fact sheet §4 "What a client gets when a capability is absent").
 * @internal
 */
import type {
  ChanId, Cookie, DescId, Direction, MemcpyEnd, InterleavedTemplate, PrepFlags, SgEntry, SlaveConfig, TxState,
} from '../../spec/api/index.ts';
import type { DmaDevice, MetadataOps, OpResult } from '../core/device.ts';
import type { Controller } from '../hw/controller.ts';
import { DMA_PREP_LOAD_EOT, DMA_PREP_REPEAT, ENGINE_META_MAX } from '../lib/kernel-constants.ts';
import { VirtChan } from '../vchan/virt-chan.ts';
import { VirtDesc } from '../vchan/virt-desc.ts';
import * as control from './control.ts';
import { type PrepEnv, prepCyclic, prepInterleaved, prepList, prepMemcpy } from './prep.ts';
import { SimChan } from './sim-chan.ts';
import type { SimDesc, SimHw } from './sim-desc.ts';
import { handleIrq, loadEotCheck, restartCurrent, startNext } from './start.ts';
import type { DriverHost, DriverState } from './state.ts';
import { txStatus } from './status.ts';

export class SimDma implements DmaDevice<SimHw> {
  private readonly st: DriverState;
  readonly srcAddrWidths;
  readonly dstAddrWidths;
  readonly minBurst = 1;
  readonly maxBurst: number;
  readonly residueGranularity;
  readonly descriptorReuse: boolean;
  readonly capSlaveOrCyclic: boolean;
  readonly capRepeat: boolean;
  readonly metadataModes;
  readonly metadataOps: MetadataOps<SimHw> | undefined;
  readonly config;
  readonly prepSlaveSg;
  readonly prepDmaVec;
  readonly prepCyclic;
  readonly prepInterleaved;
  readonly prepMemcpy;
  readonly pause;
  readonly resume;
  readonly terminateAll;
  readonly synchronize;

  constructor(private readonly host: DriverHost, ctrl: Controller) {
    const cfg = host.cfg;
    const caps = cfg.caps;
    const chans = ctrl.channels.map((hw, i) => {
      const vc = new VirtChan<SimHw>(i, cfg.cookieInit, host, (d) => this.release(d));
      return new SimChan(vc, hw, ctrl.peripherals[i]!, cfg.slaves[i]?.directions ?? []);
    });
    this.st = { host, ctrl, chans };
    this.srcAddrWidths = cfg.addrWidths;
    this.dstAddrWidths = cfg.addrWidths;
    this.maxBurst = cfg.maxBurst;
    this.residueGranularity = cfg.residueGranularity;
    this.descriptorReuse = caps.descriptorReuse;
    this.capSlaveOrCyclic = caps.slaveSg || caps.dmaVec || caps.cyclic;
    this.capRepeat = caps.repeat;
    this.metadataModes = { client: caps.metadataClient, engine: caps.metadataEngine };
    this.metadataOps = caps.metadataClient || caps.metadataEngine ? metadataOps : undefined;
    const on = <T>(flag: boolean, op: T): T | undefined => (flag ? op : undefined);
    this.config = on(caps.config, (ch: ChanId, c: SlaveConfig) => this.deviceConfig(ch, c));
    this.prepSlaveSg = on(caps.slaveSg, (ch: ChanId, id: DescId, sgl: readonly SgEntry[], dir: Direction, flags: PrepFlags) =>
      this.adopt(ch, id, flags, (eot) => prepList(this.env(ch), 'slave_sg', sgl, dir, eot)));
    this.prepDmaVec = on(caps.dmaVec, (ch: ChanId, id: DescId, vecs: readonly SgEntry[], dir: Direction, flags: PrepFlags) =>
      this.adopt(ch, id, flags, (eot) => prepList(this.env(ch), 'dma_vec', vecs, dir, eot)));
    this.prepCyclic = on(caps.cyclic, (ch: ChanId, id: DescId, buf: number, bufLen: number, periodLen: number, dir: Direction, flags: PrepFlags) =>
      this.adopt(ch, id, flags, () => prepCyclic(this.env(ch), buf, bufLen, periodLen, dir)));
    this.prepInterleaved = on(caps.interleave, (ch: ChanId, id: DescId, xt: InterleavedTemplate, flags: PrepFlags) =>
      this.adopt(ch, id, flags, (eot) => prepInterleaved(this.env(ch), xt, (flags & DMA_PREP_REPEAT) !== 0, eot)));
    this.prepMemcpy = (ch: ChanId, id: DescId, dst: MemcpyEnd, src: MemcpyEnd, len: number, flags: PrepFlags): SimDesc | null =>
      this.adopt(ch, id, flags, () => prepMemcpy(this.env(ch), { ...dst, len }, { ...src, len }));
    this.pause = on(caps.pause, (ch: ChanId) => control.pause(this.st, this.chan(ch)));
    this.resume = on(caps.resume, (ch: ChanId) => control.resume(this.st, this.chan(ch)));
    this.terminateAll = on(caps.terminate, (ch: ChanId) => control.terminateAll(this.st, this.chan(ch)));
    this.synchronize = on(caps.synchronize, (ch: ChanId) => control.synchronize(this.st, this.chan(ch)));
  }

  /** The driver channel of `ch` (the core validated the id). */
  chan(ch: ChanId): SimChan {
    const c = this.st.chans[ch];
    if (c === undefined) throw new Error(`internal: no channel ${ch}`);
    return c;
  }

  /** Each channel lock's depth (taken before a client call). */
  lockLevels(): number[] {
    return this.st.chans.map((c) => c.vc.lock.level);
  }

  /** Channels whose lock is deeper than at `base` (a leak, PROV-8), each let go down to it. */
  dropLeakedLocks(base: readonly number[]): ChanId[] {
    const leaked: ChanId[] = [];
    this.st.chans.forEach((c, i) => { if (c.vc.lock.leakedSince(base[i] ?? 0)) leaked.push(i); });
    return leaked;
  }

  directionsOf(ch: ChanId): readonly Direction[] {
    return this.chan(ch).directions.filter((d) => d === 'MEM_TO_DEV' || d === 'DEV_TO_MEM');
  }

  allocChanResources(_ch: ChanId): OpResult {
    return 0; // cookies were initialised at probe (vchan_init) and continue (CH-9)
  }

  freeChanResources(ch: ChanId): void {
    control.freeChanResources(this.st, this.chan(ch));
  }

  txSubmit(d: SimDesc): Cookie {
    const c = this.chan(d.chan);
    const cookie = c.vc.txSubmit(d);
    d.drv.stage = 'submitted';
    if (this.host.faults.has('start-on-submit')) this.issuePending(d.chan);
    return cookie;
  }

  /** device_issue_pending (bcm2835_dma_issue_pending). */
  issuePending(ch: ChanId): void {
    const c = this.chan(ch);
    c.vc.lock.acquire();
    const running = c.current;
    const queued = c.vc.issuePending();
    // Mutant 'issue-pending-relock' (coh901318 double lock): a start helper takes the lock its caller holds (PROV-8).
    if (queued && this.host.faults.has('issue-pending-relock')) { c.vc.lock.acquire(); c.vc.lock.release(); }
    if (queued && (!c.paused || this.host.faults.has('issue-while-paused'))) startNext(this.st, c);
    if (running !== null && this.host.faults.has('issue-restarts-active')) restartCurrent(this.st, c);
    loadEotCheck(this.st, c);
    c.vc.lock.release();
  }

  txStatus(ch: ChanId, cookie: Cookie, withState: boolean): TxState {
    return txStatus(this.st, this.chan(ch), cookie, withState);
  }

  /** vchan_tx_desc_free: unlink and free; refuses (-EBUSY) for the running or called-back descriptor. */
  descFree(d: SimDesc): OpResult {
    if (d.off === 'active' || d.off === 'tasklet') return 'EBUSY';
    const vc = this.chan(d.chan).vc;
    vc.lock.acquire();
    vc.unlink(d);
    vc.lock.release();
    this.release(d);
    return 0;
  }

  /** Hard IRQ of channel `ch` (env step). */
  irq(ch: ChanId): void {
    handleIrq(this.st, this.chan(ch));
  }

  /** Completion tasklet of channel `ch` (env step). */
  tasklet(ch: ChanId): void {
    this.chan(ch).vc.runTasklet('tasklet');
  }

  private deviceConfig(ch: ChanId, cfg: SlaveConfig): OpResult {
    const c = this.chan(ch);
    const okWidth = (w: number): boolean => w === 0 || this.srcAddrWidths.includes(w as SlaveConfig['srcAddrWidth']);
    const okBurst = (b: number): boolean => Number.isSafeInteger(b) && b >= 0 && b <= this.maxBurst;
    if (!okWidth(cfg.srcAddrWidth) || !okWidth(cfg.dstAddrWidth) || !okBurst(cfg.srcMaxburst) || !okBurst(cfg.dstMaxburst)) return 'EINVAL';
    c.config = { ...cfg };
    if (this.host.faults.has('config-applies-to-queued')) this.rewidthQueued(c);
    return 0;
  }

  /** Mutant 'config-applies-to-queued': a new config reaches prepared and queued descriptors (CFG-2). */
  private rewidthQueued(c: SimChan): void {
    const cfg = c.config;
    if (cfg === null) return;
    for (const l of [c.vc.descAllocated, c.vc.descSubmitted, c.vc.descIssued]) {
      for (let d = l.first; d !== null; d = d.next) if (d.drv.dir !== 'MEM_TO_MEM') d.drv.width = d.drv.dir === 'MEM_TO_DEV' ? cfg.dstAddrWidth : cfg.srcAddrWidth;
    }
  }

  private env(ch: ChanId): PrepEnv {
    const c = this.chan(ch);
    const lax = this.host.faults.has('prep-accepts-bad');
    return { memory: this.st.ctrl.memory, directions: c.directions, config: c.config, maxTransferLen: this.host.cfg.maxTransferLen, lax };
  }

  /** DMA_PREP_LOAD_EOT needs DMA_LOAD_EOT; `null` = reject the prep. */
  private eot(flags: PrepFlags): boolean | null {
    const want = (flags & DMA_PREP_LOAD_EOT) !== 0;
    return want && !this.host.cfg.caps.loadEot ? null : want;
  }

  /**
   * Build with `make` (given the LOAD_EOT choice), take a hardware descriptor from the
   * channel's pool (NULL when it is full, DESC-1) and queue on desc_allocated (vchan_tx_prep).
   */
  private adopt(ch: ChanId, id: DescId, flags: PrepFlags, make: (loadEot: boolean) => SimHw | null): SimDesc | null {
    const eot = this.eot(flags);
    const hw = eot === null ? null : make(eot);
    if (hw === null) return null;
    const c = this.chan(ch);
    if (!this.takeSlot(c)) return null;
    const d = new VirtDesc<SimHw>(id, ch, flags, hw);
    c.vc.txPrep(d);
    return d;
  }

  /** One hardware descriptor from the pool of `c` (EngineChoices.descSlots), under the channel lock. */
  private takeSlot(c: SimChan): boolean {
    c.vc.lock.acquire();
    if (c.slotsUsed >= (this.host.cfg.choices?.descSlots ?? Infinity)) {
      // Mutant 'prep-returns-locked': the pool-full error path returns without the unlock (PROV-8).
      if (!this.host.faults.has('prep-returns-locked')) c.vc.lock.release();
      return false;
    }
    c.slotsUsed++;
    c.vc.lock.release();
    return true;
  }

  /** vc->desc_free: the descriptor, its hardware descriptor and its metadata memory are gone. */
  private release(d: SimDesc): void {
    d.off = 'freed';
    d.drv.meta.engineFreed = true;
    if (!this.leaks(d)) this.chan(d.chan).slotsUsed--;
    this.host.onDescFreed(d);
  }

  /** The pool-leak mutants: the hardware descriptor of `d` is never given back (DESC-17). */
  private leaks(d: SimDesc): boolean {
    const f = this.host.faults;
    // Only submitted descriptors return theirs through the completion path.
    if (f.has('pool-leak-unsubmitted') && d.drv.stage === 'prepared') return true;
    // tegra186-gpc-dma before a7a7ee6f5a01: the running descriptor of a terminate is lost.
    return f.has('pool-leak-terminated-active') && d.drv.stage === 'aborted_running';
  }
}

const metadataOps: MetadataOps<SimHw> = {
  attach(d, len) {
    if (!Number.isSafeInteger(len) || len < 0) return 'EINVAL';
    d.drv.meta.clientLen = len;
    return 0;
  },
  getPtr(d) {
    return { payloadLen: d.drv.meta.enginePayload, maxLen: ENGINE_META_MAX };
  },
  setLen(d, len) {
    if (!Number.isSafeInteger(len) || len < 0 || len > ENGINE_META_MAX) return 'EINVAL';
    d.drv.meta.enginePayload = len;
    return 0;
  },
  engineMemAlive(d) {
    return !d.drv.meta.engineFreed;
  },
};
