/**
 * A minimal DMA engine written against the dmacheck contract, to show what
 * `dmacheck certify --impl ./examples/ts-engine/engine.ts` expects: a module whose
 * default export (or named `createImplementation`) returns an `Implementation`.
 * Profile: slave_sg, submit/issue, callbacks (re-entrant), terminate, synchronize,
 * tx_status, several channels. Everything else returns the kernel's "not supported".
 * Follows docs/SEMANTICS.md; virt-dma is the model for the lists and the tasklet.
 * @public
 */
import type {
  BusWidth, CapabilityProfile, ChanId, ClientCall, Ctx, DescId, EngineConfig, EngineEvent, EngineHooks,
  EnvStep, Implementation, Ret, SgEntry, SlaveConfig, TxState,
} from '../../adapters/index.ts';
import { DMA_MIN_COOKIE, INT_MAX, fnv1a, memPatternByte, periphPatternByte } from '../../adapters/index.ts';

interface Buf { bytes: Uint8Array; map: 'no' | 'dma' | 'client'; freed: boolean }
interface Desc {
  readonly id: DescId; readonly chan: ChanId; readonly dir: 'MEM_TO_DEV' | 'DEV_TO_MEM';
  readonly sgl: readonly SgEntry[]; readonly len: number; readonly width: BusWidth;
  cookie: number; fn: 'callback' | 'callback_result' | undefined; freed: boolean; submitted: boolean;
}
interface Chan {
  readonly id: ChanId; held: boolean; cfg: SlaveConfig | undefined;
  used: number; done: number;                      // chan->cookie, chan->completed_cookie
  submitted: Desc[]; issued: Desc[]; completed: Desc[];
  active: Desc | undefined; pos: number; hwDone: boolean; terminated: Desc[];
  irqPending: boolean; taskletPending: boolean; fifo: number[]; streamK: number;
}

export const profile: CapabilityProfile = {
  slaveSg: true, dmaVec: false, cyclic: false, interleave: false, repeat: false, pause: false, resume: false,
  terminate: true, synchronize: true, reuse: false, metadata: false, callbacks: true, multiChannel: true,
  cookieInit: true, configurableCaps: false,
};

const VOID: Ret = { t: 'void' };
const ZERO: Ret = { t: 'int', v: 0 };
const err = (e: 'EINVAL' | 'ENOSYS' | 'EPERM' | 'ENOTSUPP' | 'EPROBE_DEFER'): Ret => ({ t: 'err', e });

class TsEngine implements Implementation {
  readonly name = 'example:ts-engine';
  readonly profile = profile;
  private cfg!: EngineConfig;
  private hooks!: EngineHooks;
  private chans: Chan[] = [];
  private descs = new Map<DescId, Desc>();
  private bufs = new Map<number, Buf>();

  reset(config: EngineConfig, hooks: EngineHooks): void {
    this.cfg = config;
    this.hooks = hooks;
    this.descs.clear();
    this.bufs.clear();
    this.chans = config.slaves.map((_, id) => ({
      id, held: false, cfg: undefined, used: config.cookieInit, done: config.cookieInit, submitted: [], issued: [],
      completed: [], active: undefined, pos: 0, hwDone: false, terminated: [], irqPending: false, taskletPending: false,
      fifo: [], streamK: 0,
    }));
  }

  private emit(ev: EngineEvent): void { this.hooks.event(ev); }
  private held(id: ChanId): Chan | undefined { const c = this.chans[id]; return c?.held ? c : undefined; }
  private live(id: DescId): Desc | undefined { const d = this.descs.get(id); return d && !d.freed ? d : undefined; }

  call(c: ClientCall, _ctx: Ctx): Ret {
    switch (c.op) {
      case 'request_chan': {
        const ch = this.chans.find((x) => this.cfg.slaves[x.id]?.name === c.name);
        if (!ch || ch.held) return err('EPROBE_DEFER');
        ch.held = true;
        return { t: 'ok' };
      }
      case 'request_channel': {
        // dma_request_channel: the first free channel with the capability (memcpy: MEM_TO_MEM).
        const ok = (dirs: readonly string[]): boolean => (c.mask === 'memcpy' ? dirs.includes('MEM_TO_MEM') : dirs.some((d) => d !== 'MEM_TO_MEM') && (c.mask === 'slave' || this.cfg.caps.cyclic));
        const ch = this.chans.find((x) => !x.held && ok(this.cfg.slaves[x.id]?.directions ?? []));
        if (!ch) return { t: 'null' };
        ch.held = true;
        return { t: 'ok' };
      }
      case 'release_channel': {
        // CH-6: dma_release_channel synchronizes first (tasklet_kill lets a scheduled tasklet run its
        // callbacks), then frees the channel's resources: the next holder starts from the defaults (CH-10).
        const ch = this.held(c.chan);
        if (ch) { if (ch.taskletPending) this.tasklet(ch); this.stop(ch); this.sync(ch); ch.held = false; ch.cfg = undefined; }
        return VOID;
      }
      case 'slave_config': { const ch = this.held(c.chan); if (!ch) return err('EINVAL'); ch.cfg = c.cfg; return ZERO; }
      case 'get_slave_caps': {
        const s = this.cfg.slaves[c.chan];
        if (!s) return err('EINVAL');
        const k = this.cfg.caps;
        return { t: 'caps', caps: { srcAddrWidths: this.cfg.addrWidths, dstAddrWidths: this.cfg.addrWidths, directions: s.directions,
          minBurst: 1, maxBurst: this.cfg.maxBurst, maxSgBurst: 0, residueGranularity: this.cfg.residueGranularity,
          descriptorReuse: false, cmdPause: false, cmdResume: false, cmdTerminate: k.terminate } };
      }
      case 'alloc_buf': {
        if (c.len <= 0 || this.bufs.has(c.buf)) return err('EINVAL');
        this.bufs.set(c.buf, { bytes: Uint8Array.from({ length: c.len }, (_, i) => memPatternByte(c.buf, i)), map: 'no', freed: false });
        return ZERO;
      }
      case 'free_buf': { const b = this.bufs.get(c.buf); if (b) { b.freed = true; b.map = 'no'; } return VOID; }
      case 'map_buf': { const b = this.bufs.get(c.buf); if (b && !b.freed) b.map = c.dev; return ZERO; }
      case 'unmap_buf': { const b = this.bufs.get(c.buf); if (b) b.map = 'no'; return VOID; }
      case 'prep_slave_sg': return this.prep(c.chan, c.desc, c.sgl, c.dir) ? { t: 'ok' } : { t: 'null' };
      case 'prep_dma_vec': case 'prep_cyclic': case 'prep_interleaved': case 'prep_memcpy': return { t: 'null' };
      case 'periph_enable': case 'give_back': return VOID;
      // CB-7: with both set, dmaengine_desc_callback_invoke calls callback_result only.
      case 'set_callback': { const d = this.live(c.desc); if (d && d.fn !== 'callback_result') d.fn = c.fn; return VOID; }
      case 'set_reuse': case 'desc_free': return err('EPERM');
      case 'metadata_supported': return { t: 'bool', v: false };
      case 'attach_metadata': case 'set_metadata_len': case 'get_metadata_ptr': return err('ENOTSUPP');
      case 'access_metadata': return VOID;
      case 'submit': return this.submit(c.desc);
      case 'issue_pending': { const ch = this.held(c.chan); if (ch) { ch.issued.push(...ch.submitted.splice(0)); this.startNext(ch); } return VOID; }
      case 'tx_status': return { t: 'status', st: this.status(c.chan, c.cookie, c.withState) };
      case 'is_tx_complete': { const st = this.status(c.chan, c.cookie, true); return { t: 'status', st: { status: st.status, last: st.last ?? 0, used: st.used ?? 0 } }; }
      case 'pause': case 'resume': return err('ENOSYS');
      case 'terminate_async': case 'terminate_all': { const ch = this.held(c.chan); if (!ch) return err('EINVAL'); this.stop(ch); return ZERO; }
      case 'terminate_sync': { const ch = this.held(c.chan); if (!ch) return err('EINVAL'); this.stop(ch); this.sync(ch); return ZERO; }
      case 'synchronize': { const ch = this.held(c.chan); if (ch) this.sync(ch); return VOID; }
      case 'periph_teardown': {
        const ch = this.chans[c.chan];
        if (ch && ch.fifo.length > 0) { this.emit({ ev: 'periph_lost', chan: ch.id, len: ch.fifo.length }); ch.fifo = []; }
        return VOID;
      }
    }
  }

  private prep(chanId: ChanId, id: DescId, sgl: readonly SgEntry[], dir: string): boolean {
    const ch = this.held(chanId);
    const slave = this.cfg.slaves[chanId];
    if (!ch || !slave || this.descs.has(id) || (dir !== 'MEM_TO_DEV' && dir !== 'DEV_TO_MEM') || !slave.directions.includes(dir)) return false;
    let len = 0;
    for (const e of sgl) {
      const b = this.bufs.get(e.buf);
      if (!b || e.len <= 0 || e.offset < 0 || e.offset + e.len > b.bytes.length) return false;
      len += e.len;
    }
    if (len === 0 || len > this.cfg.maxTransferLen) return false;
    const width = dir === 'MEM_TO_DEV' ? ch.cfg?.dstAddrWidth ?? 0 : ch.cfg?.srcAddrWidth ?? 0; // CFG-2: at prep time
    this.descs.set(id, { id, chan: chanId, dir, sgl, len, width, cookie: 0, fn: undefined, freed: false, submitted: false });
    return true;
  }

  private submit(id: DescId): Ret {
    const d = this.live(id);
    const ch = d ? this.held(d.chan) : undefined;
    if (!d || !ch || d.submitted) return err('EINVAL');
    ch.used = ch.used >= INT_MAX ? DMA_MIN_COOKIE : ch.used + 1; // CK-2 wrap
    d.cookie = ch.used;
    d.submitted = true;
    ch.submitted.push(d);
    return { t: 'cookie', v: d.cookie };
  }

  private startNext(ch: Chan): void {
    if (ch.active) return;
    const d = ch.issued.shift();
    if (!d) return;
    ch.active = d;
    ch.pos = 0;
    ch.hwDone = false;
    this.emit({ ev: 'hw_start', chan: ch.id, desc: d.id });
  }

  /** Terminate: stop the hardware, free everything queued or prepared; the active one waits for synchronize (TERM-9). */
  private stop(ch: Chan): void {
    if (ch.active) ch.terminated.push(ch.active);
    ch.active = undefined;
    ch.hwDone = false;
    ch.irqPending = false;
    for (const d of [...ch.submitted.splice(0), ...ch.issued.splice(0), ...ch.completed.splice(0)]) this.free(d);
    // virt-dma also frees the descriptors prepared but never submitted (desc_allocated, DESC-15).
    for (const d of this.descs.values()) if (d.chan === ch.id && !d.submitted && !d.freed) this.free(d);
  }

  /** vchan_synchronize: tasklet_kill waits for a scheduled tasklet to run (SYNC-4), then the terminated ones are freed. */
  private sync(ch: Chan): void {
    if (ch.taskletPending) this.tasklet(ch);
    for (const d of ch.terminated.splice(0)) this.free(d);
  }

  private free(d: Desc): void {
    d.freed = true;
    this.emit({ ev: 'desc_freed', chan: d.chan, desc: d.id, recycled: false });
  }

  private status(chanId: ChanId, cookie: number, withState: boolean): TxState {
    const ch = this.held(chanId);
    if (!ch) return { status: 'DMA_ERROR' };
    const { done: last, used } = ch;
    const complete = last <= used ? cookie <= last || cookie > used : cookie <= last && cookie > used; // dma_async_is_complete
    if (!withState) return { status: complete ? 'DMA_COMPLETE' : 'DMA_IN_PROGRESS' };
    return { status: complete ? 'DMA_COMPLETE' : 'DMA_IN_PROGRESS', last, used, residue: complete ? 0 : this.residue(ch, cookie), inFlight: 0 };
  }

  private residue(ch: Chan, cookie: number): number {
    const a = ch.active;
    if (a && a.cookie === cookie) {
      if (this.cfg.residueGranularity === 'descriptor') return 0;
      if (this.cfg.residueGranularity === 'burst') return a.len - ch.pos;
      let whole = 0;
      for (const e of a.sgl) { if (whole + e.len > ch.pos) break; whole += e.len; }
      return a.len - whole;
    }
    const queued = [...ch.issued, ...ch.submitted].find((d) => d.cookie === cookie);
    return queued ? queued.len : 0;
  }

  env(step: EnvStep): void {
    switch (step.op) {
      case 'advance': for (const ch of this.chans) this.run(ch, step.units * this.cfg.bytesPerUnit); return;
      case 'irq': { const ch = this.chans[step.chan]; if (ch?.irqPending) this.irq(ch); return; }
      case 'tasklet': { const ch = this.chans[step.chan]; if (ch?.taskletPending) this.tasklet(ch); return; }
      case 'drain': {
        const ch = this.chans[step.chan];
        const n = ch ? Math.min(step.bytes, ch.fifo.length) : 0;
        if (ch && n > 0) this.emit({ ev: 'periph_rx', chan: ch.id, len: n, sum: fnv1a(ch.fifo.splice(0, n)) });
        return;
      }
    }
  }

  /** The hardware moves up to `budget` bytes of the active descriptor, one xfer per sg piece. */
  private run(ch: Chan, budget: number): void {
    const d = ch.active;
    if (!d || ch.hwDone) return;
    const fifoDepth = this.cfg.slaves[ch.id]?.fifoDepth ?? 0;
    let base = 0;
    for (const e of d.sgl) {
      if (budget <= 0) break;
      const from = Math.max(ch.pos - base, 0);
      let n = Math.min(budget, e.len - from);
      if (d.dir === 'MEM_TO_DEV') n = Math.min(n, fifoDepth - ch.fifo.length); // a full FIFO stalls
      base += e.len;
      if (n <= 0) { if (from < e.len) break; continue; }
      this.move(ch, d, e, from, n);
      budget -= n;
    }
    if (ch.pos === d.len) {
      ch.hwDone = true;
      if (!ch.irqPending) { ch.irqPending = true; this.emit({ ev: 'irq_raised', chan: ch.id }); }
    }
  }

  private move(ch: Chan, d: Desc, e: SgEntry, from: number, n: number): void {
    const b = this.bufs.get(e.buf)!;
    const why = b.freed ? 'freed' : b.map === 'no' ? 'unmapped' : b.map === 'client' ? 'wrong_device' : undefined;
    if (why) this.emit({ ev: 'dma_fault', chan: ch.id, desc: d.id, buf: e.buf, why });
    const at = e.offset + from;
    let bytes: number[];
    if (d.dir === 'MEM_TO_DEV') {
      bytes = Array.from(b.bytes.subarray(at, at + n));
      ch.fifo.push(...bytes);
    } else {
      bytes = Array.from({ length: n }, () => periphPatternByte(ch.id, ch.streamK++));
      if (!why) b.bytes.set(bytes, at); // a faulting write does not land
    }
    this.emit({ ev: 'xfer', chan: ch.id, desc: d.id, offset: ch.pos, len: n, sum: fnv1a(bytes), width: d.width });
    ch.pos += n;
  }

  /** Hard-IRQ handler: complete the finished descriptor, start the next, schedule the tasklet. No callbacks here (CB-1). */
  private irq(ch: Chan): void {
    ch.irqPending = false;
    const d = ch.active;
    if (!d || !ch.hwDone) return;
    ch.done = d.cookie;
    this.emit({ ev: 'complete', chan: ch.id, desc: d.id, cookie: d.cookie });
    ch.completed.push(d);
    ch.active = undefined;
    this.startNext(ch);
    if (!ch.taskletPending) { ch.taskletPending = true; this.emit({ ev: 'tasklet_scheduled', chan: ch.id }); }
  }

  /** Completion tasklet: lock dropped, callbacks in completion order (CB-9), each then freed. */
  private tasklet(ch: Chan): void {
    ch.taskletPending = false;
    for (const d of ch.completed.splice(0)) {
      if (d.fn === 'callback_result') {
        this.hooks.callback({ chan: ch.id, desc: d.id, fn: d.fn, result: 'DMA_TRANS_NOERROR', residue: 0, period: false, ctx: 'tasklet', locksHeld: false });
      } else if (d.fn === 'callback') {
        this.hooks.callback({ chan: ch.id, desc: d.id, fn: d.fn, period: false, ctx: 'tasklet', locksHeld: false });
      }
      this.free(d);
    }
  }
}

/** The factory `dmacheck certify --impl` calls. @public */
export function createImplementation(): Implementation {
  return new TsEngine();
}
export default createImplementation;
