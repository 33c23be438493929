/**
 * Fault-injection seam for mutant engines: each name switches on one small, obvious
 * conditional at the place where that bug class lives (bug-classes.md §n). The
 * built-in engine runs with none.
 * @public
 */

/** The fault points of the built-in engine. */
export type FaultName =
  /** Callback invoked with the channel lock held (bug class 1, CB-2). */
  | 'cb-lock-held'
  /** Callbacks invoked straight from the hard-IRQ handler (class 2, CB-1). */
  | 'cb-hardirq'
  /** tx_submit starts the transfer when the channel is idle (class 4, SUB-1/PROV-4). */
  | 'start-on-submit'
  /** Completion starts the next *submitted* (never issued) descriptor too (class 4, ISS-1). */
  | 'start-unissued'
  /** Terminate queues the submitted, issued and active descriptors for callback instead of freeing them (class 15, CB-12). */
  | 'cb-on-abort'
  /** Terminate stops only the active transfer; issued ones stay queued and run later (class 16, TERM-7). */
  | 'resurrect-after-terminate'
  /** Synchronize does not wait for the scheduled tasklet: callbacks run after it (class 19, SYNC-4). */
  | 'sync-no-tasklet-wait'
  /** Terminate forgets the active descriptor without stopping the hardware (class 19, SYNC-4/DATA-3). */
  | 'write-after-sync'
  /** The driver starts the newest issued descriptor first, without NO_ORDER (class 24, CK-5/ISS-3). */
  | 'out-of-order-completion'
  /** Cookie assignment forgets the INT_MAX wrap and hands out negative cookies (CK-2). */
  | 'cookie-wrap-wrong'
  /** The first cookie after init equals cookieInit instead of cookieInit+1 (CK-2). */
  | 'cookie-off-by-one'
  /** Each period of a cyclic transfer marks its cookie complete (class 11, CYC-4). */
  | 'cyclic-complete'
  /** A cyclic transfer stops after one pass, completing like a one-shot (CYC-1). */
  | 'cyclic-stops'
  /** Every other period interrupt forgets to schedule the period callback (class 10, CB-11). */
  | 'period-cb-lost'
  /** One period callback per elapsed period in a single tasklet run (class 10, CB-11). */
  | 'period-cb-doubled'
  /** tx_status reports the residue of the active transfer for any cookie (class 26, STAT-6). */
  | 'residue-wrong-cookie'
  /** Residue reports bytes moved instead of bytes left, so it grows (class 26, STAT-6). */
  | 'residue-growing'
  /** Resume skips data that was in flight when the channel was paused (class 30, PAUSE-2). */
  | 'pause-loses-bytes'
  /** Resume reloads the running descriptor from its first byte instead of continuing (class 31, PAUSE-2/DATA-8). */
  | 'resume-restarts-desc'
  /** Pause returns 0 but the hardware keeps moving (class 31, PAUSE-2/PAUSE-4). */
  | 'pause-no-stop'
  /** The tasklet frees a descriptor before invoking its callback (class 9, CB-16). */
  | 'free-before-cb'
  /** A DMA_CTRL_REUSE descriptor is freed at completion instead of recycled (class 33, DESC-13). */
  | 'reuse-freed'
  /** ENGINE metadata memory is freed at completion, before the callback ran (class 34, META-10). */
  | 'meta-freed-early'
  /** CLIENT-mode DEV_TO_MEM metadata is copied after the cookie completed (META-6). */
  | 'meta-copied-late'
  /** A metadata call in the other mode is accepted (META-2). */
  | 'meta-mode-mix'
  /** tx_status of a never-issued, zero or negative cookie reports IN_PROGRESS (class 29, STAT-2). */
  | 'status-odd-cookie'
  /** Release leaves the completion tasklet scheduled: callbacks after release (class 39, CH-6). */
  | 'release-tasklet-live'
  /** Only desc->callback is ever called; callback_result is ignored (CB-7). */
  | 'callback-result-ignored'
  /** Interleaved prep accepts DMA_PREP_REPEAT without the DMA_REPEAT capability (CYC-6). */
  | 'repeat-without-cap'
  /** A LOAD_EOT descriptor never replaces the repeating one (CYC-7). */
  | 'load-eot-ignored'
  /** issue_pending starts new work on a paused channel (PAUSE-4, §7 Q7). */
  | 'issue-while-paused'
  /** Terminate leaves the channel paused (TERM-11). */
  | 'terminate-keeps-paused'
  /** Missing ops give the wrong errno: terminate_async -ENOSYS, pause/resume -EINVAL (TERM-1, PAUSE-1). */
  | 'wrong-errno-missing-op'
  /** The cookie is marked complete in the tasklet after the callback, not in the IRQ path (CB-8, STAT-9). */
  | 'complete-after-cb'
  /** The IRQ handler marks the finished descriptor complete twice (CK-4). */
  | 'double-complete'
  /** Submit does not advance the cookie counter: two descriptors share a cookie (CK-3). */
  | 'cookie-repeat'
  /** request_chan returns NULL instead of an ERR_PTR (class 40, CH-1). */
  | 'request-null'
  /** A held channel is handed out again (CH-2). */
  | 'request-not-exclusive'
  /** get_slave_caps reports cmd_pause/resume/terminate true whatever the ops (CAPS-2). */
  | 'caps-lie'
  /** dmaengine_desc_set_reuse succeeds without caps.descriptor_reuse (DESC-10). */
  | 'set-reuse-no-check'
  /** dmaengine_desc_free frees a descriptor without DMA_CTRL_REUSE (DESC-11). */
  | 'desc-free-no-check'
  /** slave_config returns 0 without device_config (CFG-3). */
  | 'config-no-enosys'
  /** A new slave config changes the bus width of already prepared descriptors (CFG-2). */
  | 'config-applies-to-queued'
  /** Prep accepts zero-length and out-of-range entries instead of returning NULL (class 35, DESC-1). */
  | 'prep-accepts-bad'
  /** DEV_TO_MEM writes the peripheral stream shifted by one byte (data integrity, DATA-*). */
  | 'data-corrupt'
  /** Terminate leaks the active descriptor: it is never freed, not even at synchronize (class 18, TERM-9). */
  | 'terminate-no-free'
  /** The completion path tests DMA_PREP_INTERRUPT inverted: descriptors that asked for it get no callback (class 14, DESC-8). */
  | 'interrupt-flag-inverted'
  /** Without DMA_PREP_INTERRUPT the driver enables no completion interrupt: the descriptor never completes and the queue stalls (class 14, ISS-3). */
  | 'irq-suppressed-without-flag'
  /** issue_pending restarts the descriptor already running from its first byte (class 7, ISS-3/DATA-8). */
  | 'issue-restarts-active'
  /** Terminate frees the active descriptor at once and leaves the pending period callback pointing at it (class 17, CB-12). */
  | 'terminate-frees-active'
  /** Synchronize (the deferred "worker") frees every descriptor of the channel, also those prepared after the terminate (class 20, TERM-10). */
  | 'sync-frees-new-work'
  /** Terminate re-initialises the cookie counter (dma_cookie_init), so cookies restart after it (class 23, TERM-10/CK-2). */
  | 'terminate-resets-cookies'
  /** A prepared descriptor freed without ever being submitted (terminate, release, desc_free) does not give its hardware descriptor back (DESC-17). */
  | 'pool-leak-unsubmitted'
  /** The descriptor running when terminate stopped it is freed but its hardware descriptor is not given back (DESC-17; tegra186-gpc-dma a7a7ee6f5a01). */
  | 'pool-leak-terminated-active'
  /** device_free_chan_resources keeps the slave config: the next holder's unconfigured preps use it (CH-10; stm32-dma 5d4d4dfbda18). */
  | 'config-survives-release'
  /** device_free_chan_resources leaves the channel paused: the next holder's issue_pending starts nothing (CH-10). */
  | 'pause-survives-release'
  /** A prep that fails on a full descriptor pool returns NULL with the channel lock still held (PROV-8). */
  | 'prep-returns-locked'
  /** issue_pending takes the channel lock again inside its locked section (PROV-8; coh901318 double lock). */
  | 'issue-pending-relock'
  /** tx_status returns from its residue path with the channel lock held when the cookie is not on any list (PROV-8). */
  | 'tx-status-leaks-lock'
  /** Terminate of an idle channel takes an early return that forgets the unlock (PROV-8). */
  | 'terminate-idle-leaks-lock';

/** Every fault name, for mutant generation and tests. */
export const ALL_FAULTS: readonly FaultName[] = [
  'cb-lock-held', 'cb-hardirq', 'start-on-submit', 'start-unissued', 'cb-on-abort',
  'resurrect-after-terminate', 'sync-no-tasklet-wait', 'write-after-sync', 'out-of-order-completion',
  'cookie-wrap-wrong', 'cookie-off-by-one', 'cyclic-complete', 'cyclic-stops', 'period-cb-lost',
  'period-cb-doubled', 'residue-wrong-cookie', 'residue-growing', 'pause-loses-bytes', 'pause-no-stop',
  'free-before-cb', 'reuse-freed', 'meta-freed-early', 'meta-copied-late', 'meta-mode-mix',
  'status-odd-cookie', 'release-tasklet-live', 'callback-result-ignored', 'repeat-without-cap',
  'load-eot-ignored', 'issue-while-paused', 'terminate-keeps-paused', 'wrong-errno-missing-op',
  'complete-after-cb', 'double-complete', 'cookie-repeat', 'request-null', 'request-not-exclusive',
  'caps-lie', 'set-reuse-no-check', 'desc-free-no-check', 'config-no-enosys', 'config-applies-to-queued',
  'prep-accepts-bad', 'data-corrupt', 'terminate-no-free', 'interrupt-flag-inverted', 'terminate-frees-active',
  'sync-frees-new-work', 'terminate-resets-cookies', 'irq-suppressed-without-flag',
  'issue-restarts-active', 'resume-restarts-desc', 'pool-leak-unsubmitted', 'pool-leak-terminated-active',
  'config-survives-release', 'pause-survives-release', 'prep-returns-locked', 'issue-pending-relock',
  'tx-status-leaks-lock', 'terminate-idle-leaks-lock',
];

/** The set of faults switched on for one engine instance. */
export type Faults = ReadonlySet<FaultName>;
