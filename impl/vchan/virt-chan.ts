/**
 * struct virt_dma_chan and its helpers (drivers/dma/virt-dma.[ch]): descriptor lists
 * named by lifecycle state, the channel lock, cookie assignment at submit, completion
 * in the IRQ path and callbacks from the tasklet with the lock dropped. Every
 * transition is a move between lists.
 * @internal
 */
import type { CallbackInvocation, ChanId, Cookie, EngineCtx, EngineEvent } from '../../spec/api/index.ts';
import type { ExecContext } from '../ctx/exec.ts';
import { SpinLock, assertHeld } from '../ctx/lock.ts';
import type { Splats } from '../ctx/splats.ts';
import type { Faults } from '../faults.ts';
import { DMA_CTRL_REUSE, DMA_PREP_INTERRUPT } from '../lib/kernel-constants.ts';
import { nextCookie } from './cookie.ts';
import { DescList } from './list.ts';
import type { VirtDesc } from './virt-desc.ts';

/** What the vchan layer needs from the engine around it. */
export interface VchanHost {
  readonly exec: ExecContext;
  readonly faults: Faults;
  readonly splats: Splats;
  emit(ev: EngineEvent): void;
  /** hooks.callback: returns when the client's callback returned. */
  invoke(inv: CallbackInvocation): void;
}

export class VirtChan<P> {
  readonly lock: SpinLock;
  // protected by vc.lock
  readonly descAllocated = new DescList<VirtDesc<P>>('allocated');
  // protected by vc.lock
  readonly descSubmitted = new DescList<VirtDesc<P>>('submitted');
  // protected by vc.lock
  readonly descIssued = new DescList<VirtDesc<P>>('issued');
  // protected by vc.lock
  readonly descCompleted = new DescList<VirtDesc<P>>('completed');
  // protected by vc.lock
  readonly descTerminated = new DescList<VirtDesc<P>>('terminated');
  /** The cyclic descriptor whose period callback is pending (vc->cyclic). protected by vc.lock */
  cyclic: VirtDesc<P> | null = null;
  /** Periods recorded since the tasklet last ran (only a mutant calls back per period). protected by vc.lock */
  private cyclicPeriods = 0;
  /** chan->cookie (last assigned, "used") and chan->completed_cookie ("last"). protected by vc.lock */
  cookie: Cookie;
  completedCookie: Cookie;
  /** Cookie → descriptor for submitted, issued and active ones (O(1) tx_status lookup). protected by vc.lock */
  private readonly byCookie = new Map<Cookie, VirtDesc<P>>();
  taskletScheduled = false;
  taskletRunning = false;
  /** Bumped by free_chan_resources so a running tasklet notices the channel went away. */
  private epoch = 0;

  constructor(
    readonly chan: ChanId,
    private readonly cookieInit: Cookie,
    private readonly host: VchanHost,
    /** The driver's desc_free (vc->desc_free): releases a descriptor for good. */
    private readonly descFree: (d: VirtDesc<P>) => void,
  ) {
    this.lock = new SpinLock(`vc${chan}.lock`, host.splats, () => host.emit({ ev: 'lock_splat', chan, why: 'recursion' }));
    const init = host.faults.has('cookie-off-by-one') ? cookieInit - 1 : cookieInit;
    this.cookie = this.completedCookie = init; // dma_cookie_init (CH-9)
  }

  /** Mutant 'terminate-resets-cookies': dma_cookie_init again, as if the channel were new (TERM-10, CK-2 broken). vc lock must be held by caller. */
  resetCookies(): void {
    assertHeld(this.lock);
    this.cookie = this.completedCookie = this.cookieInit;
  }

  /** vchan_tx_prep: a new descriptor joins desc_allocated. */
  txPrep(d: VirtDesc<P>): void {
    this.lock.acquire();
    d.off = null;
    this.descAllocated.pushTail(d);
    this.lock.release();
  }

  /** vchan_tx_submit: assign the next cookie (CK-2, CK-3) and queue on desc_submitted; never starts (SUB-1). */
  txSubmit(d: VirtDesc<P>): Cookie {
    this.lock.acquire();
    const cookie = nextCookie(this.cookie, this.host.faults.has('cookie-wrap-wrong'));
    if (!this.host.faults.has('cookie-repeat')) this.cookie = cookie;
    d.cookie = cookie;
    this.byCookie.set(cookie, d);
    this.descSubmitted.pushTail(d);
    this.lock.release();
    return cookie;
  }

  /** The not-yet-completed descriptor holding `cookie`. vc lock must be held by caller. */
  findByCookie(cookie: Cookie): VirtDesc<P> | undefined {
    assertHeld(this.lock);
    return this.byCookie.get(cookie);
  }

  /** No descriptor on any list. vc lock must be held by caller. */
  idle(): boolean {
    assertHeld(this.lock);
    return [this.descAllocated, this.descSubmitted, this.descIssued, this.descCompleted, this.descTerminated].every((l) => l.first === null);
  }

  /** vchan_issue_pending: splice submitted onto issued; true if anything is issued. vc lock must be held by caller. */
  issuePending(): boolean {
    assertHeld(this.lock);
    this.descIssued.spliceTail(this.descSubmitted);
    return this.descIssued.size > 0;
  }

  /** Take `d` off its list to become the driver's current descriptor. vc lock must be held by caller. */
  takeActive(d: VirtDesc<P>): void {
    assertHeld(this.lock);
    d.list?.remove(d);
    d.off = 'active';
  }

  /** vchan_cookie_complete: mark the cookie complete (CK-4) and queue for the tasklet. vc lock must be held by caller. */
  cookieComplete(d: VirtDesc<P>): void {
    assertHeld(this.lock);
    if (!this.host.faults.has('complete-after-cb')) this.markComplete(d);
    d.off = null;
    this.descCompleted.pushTail(d);
  }

  /** dma_cookie_complete. vc lock must be held by caller. */
  markComplete(d: VirtDesc<P>): void {
    assertHeld(this.lock);
    if (d.cookie < 1) {
      this.host.splats.report(`BUG: dma_cookie_complete of cookie ${d.cookie} (desc ${d.id})`);
      return;
    }
    this.completedCookie = d.cookie;
    this.byCookie.delete(d.cookie);
    this.host.emit({ ev: 'complete', chan: this.chan, desc: d.id, cookie: d.cookie });
    d.cookie = 0;
  }

  /** vchan_cyclic_callback: record the pending period callback (`periods` elapsed). vc lock must be held by caller. */
  cyclicCallback(d: VirtDesc<P>, periods: number): void {
    assertHeld(this.lock);
    this.cyclic = d;
    this.cyclicPeriods += periods;
  }

  /** tasklet_schedule (`tasklet_scheduled` only when it was not already scheduled). */
  scheduleTasklet(): void {
    if (this.taskletScheduled) return;
    this.taskletScheduled = true;
    this.host.emit({ ev: 'tasklet_scheduled', chan: this.chan });
  }

  /** vchan_terminate_vdesc: park the active descriptor until synchronize (TERM-9). vc lock must be held by caller. */
  terminateVdesc(d: VirtDesc<P>): void {
    assertHeld(this.lock);
    if (this.cyclic === d) this.cyclic = null; // its period callback is cancelled (CB-13)
    this.byCookie.delete(d.cookie);
    d.off = null;
    this.descTerminated.pushTail(d);
  }

  /** vchan_get_all_descriptors: unlink every listed descriptor. vc lock must be held by caller. */
  getAllDescriptors(): VirtDesc<P>[] {
    assertHeld(this.lock);
    const all = [
      ...this.descAllocated.takeAll(), ...this.descSubmitted.takeAll(), ...this.descIssued.takeAll(),
      ...this.descCompleted.takeAll(), ...this.descTerminated.takeAll(),
    ];
    for (const d of all) this.forget(d);
    return all;
  }

  /** Unlink `d` from whatever list it is on (vchan_tx_desc_free's list_del). vc lock must be held by caller. */
  unlink(d: VirtDesc<P>): void {
    assertHeld(this.lock);
    d.list?.remove(d);
    this.forget(d);
  }

  private forget(d: VirtDesc<P>): void {
    if (d.cookie > 0 && this.byCookie.get(d.cookie) === d) this.byCookie.delete(d.cookie);
  }

  /** vchan_dma_desc_free_list: free each, or recycle REUSE ones onto desc_allocated. */
  freeList(descs: readonly VirtDesc<P>[]): void {
    for (const d of descs) this.vdescFini(d);
  }

  /** vchan_vdesc_fini: REUSE descriptors go back to desc_allocated (DESC-13), others are freed. */
  vdescFini(d: VirtDesc<P>): void {
    d.off = null;
    if (d.reuse && !this.host.faults.has('reuse-freed')) {
      this.lock.acquire();
      this.descAllocated.pushTail(d);
      this.lock.release();
      this.host.emit({ ev: 'desc_freed', chan: this.chan, desc: d.id, recycled: true });
      return;
    }
    this.descFree(d);
  }

  /**
   * vchan_complete, the completion tasklet: under the lock take the pending cyclic
   * descriptor and splice desc_completed to a local list; drop the lock; call the period
   * callback first (CB-10), then each completed descriptor's callback in order (CB-9),
   * freeing or recycling it after its callback returned (CB-16).
   */
  runTasklet(ctx: EngineCtx): void {
    if (!this.taskletScheduled || this.taskletRunning) return;
    this.taskletScheduled = false;
    this.taskletRunning = true;
    const epoch = this.epoch;
    try {
      this.host.exec.within(ctx, this.chan, () => {
        this.lock.acquire();
        const cyc = this.cyclic;
        const periods = this.cyclicPeriods;
        this.cyclic = null;
        this.cyclicPeriods = 0;
        const local = this.descCompleted.takeAll();
        for (const d of local) d.off = 'tasklet';
        this.lock.release();
        if (cyc !== null) {
          const times = this.host.faults.has('period-cb-doubled') ? Math.max(1, periods) : 1;
          for (let i = 0; i < times; i++) this.invoke(cyc, true, ctx);
        }
        for (let i = 0; i < local.length; i++) {
          const d = local[i]!;
          if (this.epoch !== epoch) {
            this.descFree(d); // the channel was released from a callback (CH-3 UB): no more callbacks
            continue;
          }
          this.completeOne(d, ctx);
        }
      });
    } finally {
      this.taskletRunning = false;
    }
  }

  private completeOne(d: VirtDesc<P>, ctx: EngineCtx): void {
    if (this.host.faults.has('interrupt-flag-inverted') && (d.flags & DMA_PREP_INTERRUPT) !== 0) {
      this.vdescFini(d); // the flag test is upside down: the descriptor that asked for a callback gets none
      return;
    }
    if (this.host.faults.has('free-before-cb')) {
      this.vdescFini(d);
      this.invoke(d, false, ctx);
      return;
    }
    this.invoke(d, false, ctx);
    if (d.cookie > 0 && this.host.faults.has('complete-after-cb')) {
      this.lock.acquire();
      this.markComplete(d);
      this.lock.release();
    }
    if (d.off === 'tasklet') this.vdescFini(d);
  }

  /** dmaengine_desc_callback_invoke (CB-7): callback_result if set, else callback. */
  private invoke(d: VirtDesc<P>, period: boolean, ctx: EngineCtx): void {
    const resultIgnored = this.host.faults.has('callback-result-ignored');
    const fn = d.hasCallbackResult && !resultIgnored ? 'callback_result' : d.hasCallback ? 'callback' : null;
    if (fn === null) return;
    const lockHeld = this.host.faults.has('cb-lock-held');
    if (lockHeld) this.lock.acquire();
    const base = { chan: this.chan, desc: d.id, period, ctx, locksHeld: this.lock.held };
    const inv: CallbackInvocation = fn === 'callback_result'
      ? { ...base, fn, result: d.txResult.result, residue: d.txResult.residue }
      : { ...base, fn };
    try {
      this.host.exec.within('callback', this.chan, () => this.host.invoke(inv));
    } finally {
      if (lockHeld) this.lock.release();
    }
  }

  /** vchan_synchronize: tasklet_kill (a scheduled tasklet still runs), then free desc_terminated (SYNC-5). */
  synchronize(): void {
    if (!this.host.faults.has('sync-no-tasklet-wait')) this.runTasklet('tasklet');
    this.lock.acquire();
    const parked = this.descTerminated.takeAll();
    // Mutant 'sync-frees-new-work': the deferred cleanup gathers the whole channel, work prepared after the terminate too
    if (this.host.faults.has('sync-frees-new-work')) parked.push(...this.getAllDescriptors());
    this.lock.release();
    this.freeList(parked);
  }

  /** vchan_free_chan_resources: release everything, REUSE ones too (DESC-14). */
  freeChanResources(): void {
    this.epoch++;
    this.lock.acquire();
    const all = this.getAllDescriptors();
    if (!this.host.faults.has('release-tasklet-live')) {
      this.cyclic = null;
      this.cyclicPeriods = 0;
    }
    for (const d of all) d.flags &= ~DMA_CTRL_REUSE;
    this.lock.release();
    this.freeList(all);
    if (!this.host.faults.has('release-tasklet-live')) this.taskletScheduled = false;
  }
}
