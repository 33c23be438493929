/**
 * One run of the built-in engine: the layers wired together (hardware → driver →
 * virt-dma → core) and the dispatch of client calls and environment steps. A run is a
 * pure function of the command sequence: no timers, no randomness, no I/O.
 * @internal
 */
import type { ChanId, ClientCall, Ctx, EngineConfig, EngineEvent, EngineHooks, EnvStep, Ret } from '../spec/api/index.ts';
import { ExecContext } from './ctx/exec.ts';
import { Splats } from './ctx/splats.ts';
import { DmaEngineCore } from './core/dmaengine.ts';
import { Buffers } from './core/mapping.ts';
import { MetadataCore } from './core/metadata.ts';
import { DescRegistry } from './core/registry.ts';
import { VOID } from './core/ret.ts';
import type { SimHw } from './drivers/sim-desc.ts';
import { SimDma } from './drivers/sim-dma.ts';
import type { DriverHost } from './drivers/state.ts';
import type { Faults } from './faults.ts';
import { Controller } from './hw/controller.ts';

export class EngineRun {
  readonly splats = new Splats();
  private readonly exec = new ExecContext(this.splats);
  private readonly ctrl: Controller;
  private readonly driver: SimDma;
  private readonly core: DmaEngineCore<SimHw>;
  private readonly meta: MetadataCore<SimHw>;
  private readonly bufs: Buffers;
  private readonly emit: (ev: EngineEvent) => void;

  constructor(cfg: EngineConfig, hooks: EngineHooks, faults: Faults) {
    const emit = hooks.event.bind(hooks);
    this.emit = emit;
    const descs = new DescRegistry<SimHw>();
    this.ctrl = new Controller(cfg.slaves, cfg.bytesPerUnit, emit, faults.has('data-corrupt') ? 1 : 0);
    const host: DriverHost = {
      cfg, exec: this.exec, faults, splats: this.splats, emit,
      invoke: (inv) => hooks.callback(inv),
      onDescFreed: (d) => {
        descs.freed(d);
        emit({ ev: 'desc_freed', chan: d.chan, desc: d.id, recycled: false });
      },
    };
    this.driver = new SimDma(host, this.ctrl);
    this.core = new DmaEngineCore(cfg, this.driver, descs, this.exec, faults);
    this.meta = new MetadataCore(this.driver, descs, faults, emit, (ch) => this.core.isHeld(ch));
    this.bufs = new Buffers(this.ctrl);
  }

  call(c: ClientCall, ctx: Ctx): Ret {
    const base = this.driver.lockLevels();
    const r = this.exec.within(ctx, undefined, () => this.dispatch(c));
    // PROV-8: a channel lock this call took and did not let go is reported before the return.
    for (const chan of this.driver.dropLeakedLocks(base)) this.emit({ ev: 'lock_splat', chan, why: 'held_at_return' });
    return r;
  }

  private dispatch(c: ClientCall): Ret {
    const k = this.core;
    switch (c.op) {
      case 'request_chan': return k.requestChan(c.name);
      case 'request_channel': return k.requestChannel(c.mask);
      case 'release_channel': return k.releaseChannel(c.chan);
      case 'slave_config': return k.slaveConfig(c.chan, c.cfg);
      case 'get_slave_caps': return k.getSlaveCaps(c.chan);
      case 'alloc_buf': return this.bufs.alloc(c.buf, c.len);
      case 'free_buf': return this.bufs.free(c.buf);
      case 'map_buf': return this.bufs.map(c.chan, c.buf, c.dev);
      case 'unmap_buf': return this.bufs.unmap(c.buf);
      case 'prep_slave_sg': return k.prepSlaveSg(c.chan, c.desc, c.sgl, c.dir, c.flags);
      case 'prep_dma_vec': return k.prepDmaVec(c.chan, c.desc, c.vecs, c.dir, c.flags);
      case 'prep_cyclic': return k.prepCyclic(c.chan, c.desc, c.buf, c.bufLen, c.periodLen, c.dir, c.flags);
      case 'prep_interleaved': return k.prepInterleaved(c.chan, c.desc, c.xt, c.flags);
      case 'prep_memcpy': return k.prepMemcpy(c.chan, c.desc, c.dst, c.src, c.len, c.flags);
      case 'set_callback': return k.setCallback(c.desc, c.fn);
      case 'set_reuse': return k.setReuse(c.desc);
      case 'desc_free': return k.descFree(c.desc);
      case 'metadata_supported': return this.meta.supported(c.chan, c.mode);
      case 'attach_metadata': return this.meta.attach(c.desc, c.len);
      case 'get_metadata_ptr': return this.meta.getPtr(c.desc);
      case 'set_metadata_len': return this.meta.setLen(c.desc, c.len);
      case 'access_metadata': return this.meta.access(c.desc);
      case 'submit': return k.submit(c.desc);
      case 'issue_pending': return k.issuePending(c.chan);
      case 'tx_status': return k.txStatus(c.chan, c.cookie, c.withState);
      case 'is_tx_complete': return k.isTxComplete(c.chan, c.cookie);
      case 'pause': return k.pause(c.chan);
      case 'resume': return k.resume(c.chan);
      case 'terminate_async': return k.terminateAsync(c.chan);
      case 'terminate_sync': return k.terminateSync(c.chan);
      case 'terminate_all': return k.terminateAll(c.chan);
      case 'synchronize': return k.synchronize(c.chan);
      case 'periph_teardown': return this.bufs.periphTeardown(c.chan);
      // The client's side only: its peripheral's enable bit, handing a buffer to its owner.
      case 'periph_enable': case 'give_back': return VOID;
      default: return unknownCall(c);
    }
  }

  env(step: EnvStep): void {
    switch (step.op) {
      case 'advance':
        if (Number.isSafeInteger(step.units) && step.units >= 0) this.ctrl.advance(step.units);
        return;
      case 'irq':
        if (this.validChan(step.chan)) this.driver.irq(step.chan);
        return;
      case 'tasklet':
        if (this.validChan(step.chan)) this.driver.tasklet(step.chan);
        return;
      case 'drain':
        if (this.validChan(step.chan) && Number.isSafeInteger(step.bytes) && step.bytes > 0) this.ctrl.peripherals[step.chan]!.drain(step.bytes);
        return;
      default:
        unknownStep(step);
    }
  }

  /** A copy of buffer `buf`'s bytes (tests check data integrity byte for byte). */
  readBuffer(buf: number): Uint8Array | undefined {
    const b = this.ctrl.memory.get(buf);
    return b === undefined ? undefined : b.bytes.slice();
  }

  private validChan(chan: ChanId): boolean {
    return Number.isInteger(chan) && chan >= 0 && chan < this.ctrl.channels.length;
  }
}

/** Exhaustiveness: a call outside the vocabulary (a foreign harness) is ignored. */
function unknownCall(_c: never): Ret {
  return VOID;
}

function unknownStep(_s: never): void {}
