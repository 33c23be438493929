/**
 * Channel control ops: device_pause / device_resume (PAUSE-2, act at once),
 * device_terminate_all (TERM-7, TERM-9: collect every list, then park the active
 * descriptor until synchronize), device_synchronize and device_free_chan_resources.
 * @internal
 */
import type { OpResult } from '../core/device.ts';
import type { SimChan } from './sim-chan.ts';
import { jobOf, type SimDesc } from './sim-desc.ts';
import { startNext } from './start.ts';
import type { DriverState } from './state.ts';

/** device_pause: 0 also on an idle channel (engine default, PAUSE-6). */
export function pause(drv: DriverState, c: SimChan): OpResult {
  c.vc.lock.acquire();
  c.paused = true;
  if (!drv.host.faults.has('pause-no-stop')) c.hw.paused = true;
  c.vc.lock.release();
  return 0;
}

/** device_resume: -EPERM when not paused (stm32); re-raises an interrupt that came while paused. */
export function resume(drv: DriverState, c: SimChan): OpResult {
  c.vc.lock.acquire();
  if (!c.paused) {
    c.vc.lock.release();
    return 'EPERM';
  }
  c.paused = false;
  c.hw.paused = false;
  if (drv.host.faults.has('pause-loses-bytes')) c.hw.skip(Math.max(1, drv.host.cfg.bytesPerUnit));
  // Mutant 'resume-restarts-desc' (class 31b, omap-dma resume fixes): the channel registers are reloaded from the descriptor's start
  if (drv.host.faults.has('resume-restarts-desc') && c.current !== null && !c.hw.done) c.hw.start(jobOf(c.current));
  if (c.irqWhilePaused || (c.current !== null && (c.hw.done || c.hw.periods > 0))) c.hw.raiseIrq();
  c.irqWhilePaused = false;
  startNext(drv, c);
  c.vc.lock.release();
  return 0;
}

/** device_terminate_all. */
export function terminateAll(drv: DriverState, c: SimChan): OpResult {
  const faults = drv.host.faults;
  const vc = c.vc;
  vc.lock.acquire();
  // Mutant 'terminate-idle-leaks-lock': "nothing to stop" returns early without the unlock (PROV-8).
  if (faults.has('terminate-idle-leaks-lock') && c.current === null && vc.idle()) return 0;
  const keepQueued = faults.has('resurrect-after-terminate');
  const kept = keepQueued ? [...vc.descSubmitted.takeAll(), ...vc.descIssued.takeAll()] : [];
  // Mutant 'cb-on-abort' (at_hdmac shape): the submitted, issued and active work is "completed" with a callback; prepared descriptors are freed
  const calledBack = faults.has('cb-on-abort') ? [...vc.descSubmitted.takeAll(), ...vc.descIssued.takeAll()] : [];
  for (const d of calledBack) vc.unlink(d);
  const cur = c.current;
  if (cur !== null) cur.drv.stage = 'aborted_running';
  const choices = drv.host.cfg.choices;
  // TERM-9 / Q10: parked before the collection, the running descriptor is freed now (bcm2835 order).
  const freeNow = cur !== null && choices?.freeActiveAt === 'terminate' && !faults.has('cb-on-abort') && !faults.has('terminate-frees-active') && !faults.has('terminate-no-free');
  if (freeNow) vc.terminateVdesc(cur);
  const aborted = vc.getAllDescriptors();
  c.current = null;
  // STAT-3 / Q1: a pl330-like engine cookie-completes what it aborted.
  if (choices?.abortedStatus === 'complete') vc.completedCookie = vc.cookie;
  if (cur !== null && faults.has('cb-on-abort')) calledBack.push(cur);
  else if (cur !== null && faults.has('terminate-frees-active')) {
    vc.unlink(cur); // freed now, yet vc.cyclic still names it: the pending period callback runs on it (class 17)
    aborted.push(cur);
  } else if (cur !== null && !freeNow && !faults.has('terminate-no-free')) vc.terminateVdesc(cur);
  if (!faults.has('write-after-sync')) c.hw.stop();
  const stillPaused = faults.has('terminate-keeps-paused') && c.paused;
  c.paused = stillPaused;
  c.hw.paused = stillPaused;
  c.irqWhilePaused = false;
  if (faults.has('terminate-resets-cookies')) vc.resetCookies();
  if (keepQueued) {
    for (const d of kept) vc.descIssued.pushTail(d);
    startNext(drv, c); // the "aborted" work runs on
  }
  vc.lock.release();
  if (faults.has('cb-on-abort')) abortWithCallbacks(c, calledBack);
  vc.freeList(aborted);
  return 0;
}

/** Mutant 'cb-on-abort': aborted descriptors are queued for callback with DMA_TRANS_ABORTED (CB-12 broken). */
function abortWithCallbacks(c: SimChan, aborted: readonly SimDesc[]): void {
  c.vc.lock.acquire();
  for (const d of aborted) {
    d.txResult = { result: 'DMA_TRANS_ABORTED', residue: d.drv.total };
    d.off = null;
    c.vc.descCompleted.pushTail(d);
  }
  c.vc.lock.release();
  if (aborted.length > 0) c.vc.scheduleTasklet();
}

/** device_synchronize: vchan_synchronize (the hardware already stopped in terminate). */
export function synchronize(_drv: DriverState, c: SimChan): void {
  c.vc.synchronize();
}

/** device_free_chan_resources: stop the hardware, release every descriptor, forget the config. */
export function freeChanResources(drv: DriverState, c: SimChan): void {
  c.vc.lock.acquire();
  const cur = c.current;
  c.current = null;
  if (cur !== null) c.vc.terminateVdesc(cur);
  c.hw.stop();
  // Mutant 'pause-survives-release': the pause flag is the previous holder's, kept (CH-10).
  if (!drv.host.faults.has('pause-survives-release')) c.paused = false;
  c.irqWhilePaused = false;
  c.vc.lock.release();
  c.vc.freeChanResources();
  // Mutant 'config-survives-release' (stm32-dma before 5d4d4dfbda18): the next holder inherits the config (CH-10).
  if (!drv.host.faults.has('config-survives-release')) c.config = null;
}
