/**
 * Starting transfers and the hard-IRQ handler (bcm2835_dma_start_desc /
 * bcm2835_dma_callback shape): the IRQ handler completes the finished descriptor in
 * the IRQ path, starts the next issued one, records cyclic periods and schedules the
 * tasklet — it never calls back itself (CB-1).
 * @internal
 */
import { assertHeld } from '../ctx/lock.ts';
import { DMA_PREP_INTERRUPT, ENGINE_META_RX_LEN } from '../lib/kernel-constants.ts';
import { jobOf } from './sim-desc.ts';
import type { SimChan } from './sim-chan.ts';
import type { DriverState } from './state.ts';

/** Start the head of desc_issued if the channel is idle. vc lock must be held by caller. */
export function startNext(drv: DriverState, c: SimChan): void {
  assertHeld(c.vc.lock);
  if (c.current !== null) return;
  const faults = drv.host.faults;
  const d = faults.has('out-of-order-completion') ? c.vc.descIssued.last : c.vc.descIssued.first;
  if (d === null) return;
  c.vc.takeActive(d);
  c.current = d;
  drv.host.emit({ ev: 'hw_start', chan: c.hw.id, desc: d.id });
  if (faults.has('issue-while-paused')) c.hw.paused = false;
  let job = jobOf(d);
  if (faults.has('cyclic-stops') && job.loop === 'cyclic') job = { ...job, loop: 'once' };
  // omap-dma before b96c033cc8fa: no DMA_PREP_INTERRUPT, so no completion interrupt is enabled at all (class 14)
  if (faults.has('irq-suppressed-without-flag') && (d.flags & DMA_PREP_INTERRUPT) === 0) job = { ...job, noIrqAtEnd: true };
  c.hw.start(job);
  loadEotCheck(drv, c);
}

/**
 * Mutant 'issue-restarts-active' (class 7, pl330 0091b9d6c1ef): issue_pending reprograms the
 * channel with the descriptor it is already running, which starts again from its first byte.
 * vc lock must be held by caller.
 */
export function restartCurrent(drv: DriverState, c: SimChan): void {
  assertHeld(c.vc.lock);
  const d = c.current;
  if (d === null || c.paused || c.hw.done) return;
  drv.host.emit({ ev: 'hw_start', chan: c.hw.id, desc: d.id });
  c.hw.start(jobOf(d));
}

/** A LOAD_EOT descriptor at the head of the queue ends a repeating transfer at its end (CYC-7, CYC-8). vc lock must be held by caller. */
export function loadEotCheck(drv: DriverState, c: SimChan): void {
  assertHeld(c.vc.lock);
  const cur = c.current;
  const next = c.vc.descIssued.first;
  if (cur === null || cur.drv.loop !== 'repeat' || next === null) return;
  if (next.drv.loadEot && !drv.host.faults.has('load-eot-ignored')) c.hw.stopAtRepeatEnd = true;
}

/** The hard-IRQ handler of channel `c` (the `irq` env step). */
export function handleIrq(drv: DriverState, c: SimChan): void {
  const hw = c.hw;
  if (!hw.irqPending) return;
  const faults = drv.host.faults;
  let kick = false;
  drv.host.exec.within('hardirq', hw.id, () => {
    c.vc.lock.acquire();
    hw.ackIrq();
    if (c.paused && !faults.has('pause-no-stop')) {
      c.irqWhilePaused = true; // PAUSE-4: nothing completes while paused; resume re-raises
      c.vc.lock.release();
      return;
    }
    const d = c.current;
    if (d !== null && hw.done) {
      finishCurrent(drv, c);
      kick = true;
    }
    if (d !== null && hw.periods > 0) kick = periodsElapsed(drv, c) || kick;
    if (kick) c.vc.scheduleTasklet();
    c.vc.lock.release();
  });
  if (kick && faults.has('cb-hardirq')) c.vc.runTasklet('hardirq');
}

/** The current descriptor's last byte moved: complete it and start the next. vc lock must be held by caller. */
function finishCurrent(drv: DriverState, c: SimChan): void {
  assertHeld(c.vc.lock);
  const d = c.current;
  if (d === null) return;
  const faults = drv.host.faults;
  const copyMeta = d.metaMode === 'client' && d.drv.dir === 'DEV_TO_MEM' && d.drv.meta.clientLen > 0;
  if (copyMeta && !faults.has('meta-copied-late')) drv.host.emit({ ev: 'meta_copied', chan: c.hw.id, desc: d.id });
  // ENGINE mode, DEV_TO_MEM: the engine fills its area; the client reads it in the callback (META-8)
  if (d.metaMode !== 'client' && d.drv.dir === 'DEV_TO_MEM' && drv.host.cfg.caps.metadataEngine) d.drv.meta.enginePayload = ENGINE_META_RX_LEN;
  if (faults.has('meta-freed-early')) d.drv.meta.engineFreed = true;
  c.current = null;
  c.hw.stop();
  const cookie = d.cookie;
  c.vc.cookieComplete(d);
  if (faults.has('double-complete') && cookie > 0) {
    d.cookie = cookie;
    c.vc.markComplete(d);
  }
  if (copyMeta && faults.has('meta-copied-late')) drv.host.emit({ ev: 'meta_copied', chan: c.hw.id, desc: d.id });
  if (faults.has('start-unissued')) c.vc.issuePending();
  startNext(drv, c);
}

/** Cyclic period ends: `period` events and the (coalesced) period callback. vc lock must be held by caller. */
function periodsElapsed(drv: DriverState, c: SimChan): boolean {
  assertHeld(c.vc.lock);
  const d = c.current;
  if (d === null) return false;
  const n = c.hw.periods;
  c.hw.periods = 0;
  for (let i = 0; i < n; i++) drv.host.emit({ ev: 'period', chan: c.hw.id, desc: d.id });
  if (drv.host.faults.has('cyclic-complete') && d.cookie > 0) {
    c.vc.completedCookie = d.cookie;
    drv.host.emit({ ev: 'complete', chan: c.hw.id, desc: d.id, cookie: d.cookie });
  }
  c.periodIrqs++;
  if (drv.host.faults.has('period-cb-lost') && c.periodIrqs % 2 === 0) return false;
  c.vc.cyclicCallback(d, n);
  return true;
}
