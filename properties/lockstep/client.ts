/**
 * What the simulated client driver knows about its own objects, learned only from its
 * calls, their returns and the engine's events (never from the model): the same in
 * lockstep and engine-alone runs, so callback actions and quiescence expand identically.
 * @internal
 */
import type {
  BufId, CallbackAction, ChanId, ClientCall, Cookie, DescId, Direction, DmaCapMask, EngineEvent, MetadataMode, Ret,
} from '../../spec/api/index.ts';

/** A descriptor as the client remembers it. @internal */
export interface ClientDesc {
  readonly chan: ChanId;
  readonly dir: Direction;
  readonly cyclic: boolean;
  readonly bufs: readonly BufId[];
  action: CallbackAction | undefined;
  cookie: Cookie;
  metaPtr: boolean;
  reuse: boolean;
  /** maxLen of the ENGINE metadata buffer, from get_metadata_ptr. */
  metaMax: number;
}

/** Client bookkeeping; `observe*` are called by the runner for every call and event. @internal */
export class ClientState {
  /** `capable(chan, mask)`: does the channel have that capability (dma_request_channel picks the first free one)? */
  constructor(
    private readonly slaveNames: readonly string[],
    private readonly capable: (chan: ChanId, mask: DmaCapMask) => boolean = () => false,
  ) {}
  nextDesc = 1;
  nextBuf = 1;
  readonly held = new Set<ChanId>();
  /** Channels requested at least once in this run. */
  readonly everHeld = new Set<ChanId>();
  /** Cookies handed to the client by submit on each channel since it was requested (STAT-2, CH-8). */
  readonly cookies = new Map<ChanId, Cookie[]>();
  readonly descs = new Map<DescId, ClientDesc>();
  readonly bufs = new Map<BufId, { readonly len: number; mapped: ChanId | 'client' | null }>();
  /** Prepared descriptors not yet submitted (DESC-4: the client submits every one). */
  readonly unsubmitted = new Set<DescId>();
  /** terminate_* called and not yet synchronized: a careful client's "stopping" flag. */
  readonly stopping = new Set<ChanId>();
  /** `chan:mode` pairs metadata_supported answered true for (META-1). */
  readonly metaOk = new Set<string>();
  readonly irqPending = new Set<ChanId>();
  readonly taskletPending = new Set<ChanId>();
  readonly periphBytes = new Map<ChanId, number>();
  /**
   * Channels whose peripheral got MEM_TO_DEV bytes since the last terminate or teardown:
   * the client still wants them delivered (DATA-4; after a terminate they are abandoned).
   */
  readonly periphOwed = new Set<ChanId>();
  /** Channels whose release_channel is running: it runs owed callbacks, which chain nothing there. */
  readonly releasing = new Set<ChanId>();

  /** Learn from a finished call. */
  observeCall(c: ClientCall, ret: Ret): void {
    // Ids are never reused in a run, whoever chose them (prelude, replayed file, callback).
    if ('desc' in c && c.op.startsWith('prep_')) this.nextDesc = Math.max(this.nextDesc, c.desc + 1);
    if (c.op === 'alloc_buf') this.nextBuf = Math.max(this.nextBuf, c.buf + 1);
    switch (c.op) {
      case 'request_chan': {
        const ch = this.slaveNames.indexOf(c.name);
        if (ret.t === 'ok' && ch >= 0) this.hold(ch);
        return;
      }
      case 'request_channel': {
        const ch = this.slaveNames.findIndex((_, i) => !this.held.has(i) && this.capable(i, c.mask));
        if (ret.t === 'ok' && ch >= 0) this.hold(ch);
        return;
      }
      case 'release_channel':
        this.releasing.delete(c.chan);
        this.dropUnsubmitted(c.chan, true);
        this.held.delete(c.chan); this.cookies.delete(c.chan); this.stopping.delete(c.chan);
        for (const k of [...this.metaOk]) if (k.startsWith(`${c.chan}:`)) this.metaOk.delete(k);
        return;
      case 'alloc_buf':
        if (ret.t === 'int') this.bufs.set(c.buf, { len: c.len, mapped: null });
        return;
      case 'free_buf': this.bufs.delete(c.buf); return;
      case 'map_buf': { const b = this.bufs.get(c.buf); if (b) b.mapped = c.dev === 'dma' ? c.chan : 'client'; return; }
      case 'unmap_buf': { const b = this.bufs.get(c.buf); if (b) b.mapped = null; return; }
      case 'prep_slave_sg': case 'prep_dma_vec':
        if (ret.t === 'ok') this.addDesc(c.desc, c.chan, c.dir, false, (c.op === 'prep_slave_sg' ? c.sgl : c.vecs).map((e) => e.buf));
        return;
      case 'prep_cyclic': if (ret.t === 'ok') this.addDesc(c.desc, c.chan, c.dir, true, [c.buf]); return;
      case 'prep_interleaved': if (ret.t === 'ok') this.addDesc(c.desc, c.chan, c.xt.dir, false, [c.xt.buf]); return;
      case 'prep_memcpy': if (ret.t === 'ok') this.addDesc(c.desc, c.chan, 'MEM_TO_MEM', false, [c.src.buf, c.dst.buf]); return;
      case 'set_callback': { const d = this.descs.get(c.desc); if (d) d.action = c.action; return; }
      case 'get_metadata_ptr': { const d = this.descs.get(c.desc); if (d && ret.t === 'metaptr') { d.metaPtr = true; d.metaMax = ret.maxLen; } return; }
      case 'metadata_supported': if (ret.t === 'bool' && ret.v) this.metaOk.add(`${c.chan}:${c.mode}`); return;
      case 'submit': {
        const d = this.descs.get(c.desc);
        if (d && ret.t === 'cookie') {
          d.cookie = ret.v; this.cookies.get(d.chan)?.push(ret.v); this.unsubmitted.delete(c.desc);
        }
        return;
      }
      case 'terminate_async': case 'terminate_all':
        if (ret.t === 'int' && ret.v === 0) { this.stopping.add(c.chan); this.dropUnsubmitted(c.chan); this.periphOwed.delete(c.chan); }
        // Refused (no device_terminate_all): nothing is stopping (the runner marked it at the call).
        else this.stopping.delete(c.chan);
        return;
      // Without REUSE it is refused (-EPERM, DESC-11) and stays the client's to submit.
      case 'desc_free': if (ret.t === 'int' && ret.v === 0) this.unsubmitted.delete(c.desc); return;
      case 'set_reuse': { const d = this.descs.get(c.desc); if (d && ret.t === 'int' && ret.v === 0) d.reuse = true; return; }
      case 'terminate_sync':
        if (ret.t === 'int' && ret.v === 0) { this.dropUnsubmitted(c.chan); this.periphOwed.delete(c.chan); }
        this.stopping.delete(c.chan);
        return;
      case 'synchronize': this.stopping.delete(c.chan); return;
      default: return;
    }
  }

  /** Learn from an engine event (pending interrupts/tasklets, peripheral FIFO fill). */
  observeEvent(ev: EngineEvent): void {
    switch (ev.ev) {
      case 'irq_raised': this.irqPending.add(ev.chan); return;
      case 'tasklet_scheduled': this.taskletPending.add(ev.chan); return;
      case 'xfer':
        if (this.descs.get(ev.desc)?.dir === 'MEM_TO_DEV') { this.addPeriph(ev.chan, ev.len); this.periphOwed.add(ev.chan); }
        return;
      case 'periph_rx': this.addPeriph(ev.chan, -ev.len); return;
      case 'periph_lost': this.addPeriph(ev.chan, -ev.len); this.periphOwed.delete(ev.chan); return;
      default: return;
    }
  }

  /** The channel `ch` now belongs to the client. */
  private hold(ch: ChanId): void {
    this.held.add(ch); this.everHeld.add(ch); this.cookies.set(ch, []);
  }

  /** Is `mode` metadata known supported on `chan` (META-1)? */
  metaSupported(chan: ChanId, mode: MetadataMode): boolean {
    return this.metaOk.has(`${chan}:${mode}`);
  }

  private addDesc(desc: DescId, chan: ChanId, dir: Direction, cyclic: boolean, bufs: readonly BufId[]): void {
    this.unsubmitted.add(desc);
    this.descs.set(desc, { chan, dir, cyclic, bufs, action: undefined, cookie: 0, metaPtr: false, metaMax: 0, reuse: false });
  }

  /** Terminate frees prepared, unsubmitted non-REUSE descriptors (DESC-15); release frees all. */
  private dropUnsubmitted(chan: ChanId, all = false): void {
    for (const id of [...this.unsubmitted]) {
      const d = this.descs.get(id);
      if (d && d.chan === chan && (all || !d.reuse)) this.unsubmitted.delete(id);
    }
  }

  private addPeriph(chan: ChanId, n: number): void {
    this.periphBytes.set(chan, Math.max(0, (this.periphBytes.get(chan) ?? 0) + n));
  }
}
