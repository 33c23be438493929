/**
 * Severity of every client and shared rule (issue 15 item 1), decided from the kernel
 * docs and code: `undefined` when a breach can crash, corrupt or lose data on some
 * engine; `advisory` when the kernel defines what happens (an error return, engine
 * choice, deprecation) or the rule is a permission or best practice. docs/SEVERITY.md is
 * generated from this table (`severityTable`), and spec/rules/severity.ts lists the
 * advisory ids the model uses (spec/consistency.test.ts keeps the two equal).
 * @public
 */
import type { Severity } from './types.ts';

/** One decision: the severity and why, naming the kernel source it was read from. @public */
export interface SeverityDecision {
  readonly severity: Severity;
  readonly reason: string;
}

const U = (reason: string): SeverityDecision => ({ severity: 'undefined', reason });
const A = (reason: string): SeverityDecision => ({ severity: 'advisory', reason });

/** A permission (the client cannot break it; the engine side is checked as a violation). */
const PERMISSION = (what: string): SeverityDecision =>
  A(`A permission, not an obligation: ${what}; there is nothing for a client to break, and the engine side stays a violation.`);

/** Every rule with binds `client` or `both`, by id. @public */
export const SEVERITY_DECISIONS: Readonly<Record<string, SeverityDecision>> = {
  'CH-1': U('A client that tests the result against NULL goes on with an ERR_PTR and dereferences it (dma_request_chan in drivers/dma/dmaengine.c never returns NULL).'),
  'CH-3': U('dma_request_chan and dma_release_channel take dma_list_mutex and may sleep (drivers/dma/dmaengine.c): from atomic context that is a sleeping-in-atomic bug.'),
  'CH-5': U('A second dma_release_channel drops a reference the client does not hold: client_count underflows and the channel resources are freed under another user (dma_chan_put, drivers/dma/dmaengine.c).'),
  'CH-7': U('dma_release_channel frees the channel resources (device_free_chan_resources) while the controller may still write into client memory and callbacks may still run (drivers/dma/dmaengine.c dma_chan_put; include/linux/dmaengine.h dmaengine_synchronize).'),
  'CH-8': U('After dma_release_channel the driver frees the channel resources (device_free_chan_resources, called from dma_chan_put in drivers/dma/dmaengine.c): using the channel, its descriptors or cookies is a use after free of driver state.'),
  'CFG-1': A('Only engines whose transfers depend on the slave configuration need it first. On BAM-DMA (drivers/dma/qcom/bam_dma.c) bam_slave_config is optional, and crypto/qce (drivers/crypto/qce/dma.c) requests, preps, submits and issues without ever calling dmaengine_slave_config (i2c-qup likewise, per the issue 15 transcriptions). client.rst lists the step but the core does not enforce it; an engine that needs it refuses the prep or uses its defaults. Not portable, not undefined.'),
  'CFG-4': A('struct dma_slave_config.direction is deprecated (include/linux/dmaengine.h); setting it is harmless because the prep direction is the one engines use (the engine side, CFG-4 as a violation, checks exactly that).'),
  'CFG-5': U('A device-side address width left DMA_SLAVE_BUSWIDTH_UNDEFINED for the direction used: engines either refuse the prep or program the controller with a width of 0 (include/linux/dmaengine.h struct dma_slave_config); the bytes the peripheral sees are not defined.'),
  'CAPS-3': A('Without device_resume dmaengine_resume returns -ENOSYS (include/linux/dmaengine.h): the kernel defines the answer; relying on it is the client\'s own functional bug, not undefined behaviour.'),
  'CAPS-4': A('Advice on reading residue: with DESCRIPTOR granularity the residue reads 0 mid-transfer (include/linux/dmaengine.h enum dma_residue_granularity); nothing the engine does becomes undefined.'),
  'CAPS-5': U('Engines without descriptor_reuse free a descriptor after completion whatever its flags; a client that resubmits it uses freed memory (include/linux/dmaengine.h dmaengine_desc_set_reuse refuses the flag for that reason).'),
  'DESC-2': PERMISSION('prep may be called from any context (provider.rst device_prep_dma_*)'),
  'DESC-3': U('Setting callback or metadata after tx_submit races with the completion path that reads them (client.rst §3/§4): the callback may be lost or run with half-written fields.'),
  'DESC-4': U('Some engines take a lock in prep and release it in tx_submit (drivers/dma/ioat/dma.c ioat_check_space_lock / ioat_tx_submit_unlock): a prep never submitted leaves the channel locked; elsewhere the descriptor leaks.'),
  'DESC-5': U('A submitted descriptor belongs to the engine, which may free or recycle it at completion (client.rst §4 note; drivers/dma/virt-dma.c vchan_complete): touching it is a use after free.'),
  'DESC-7': U('Freeing a buffer the controller still writes or reads corrupts memory (client.rst §3, dmaengine_synchronize kernel-doc in include/linux/dmaengine.h).'),
  'DESC-8': A('Without DMA_PREP_INTERRUPT whether the callback runs is the engine\'s choice (include/linux/dmaengine.h enum dma_ctrl_flags); virt-dma engines run it anyway. A client that waits for the callback is not portable; the engine side (with the flag the callback must come) stays a violation.'),
  'DESC-9': A('DMA_CTRL_ACK matters for async_tx dependency chains only (include/linux/dmaengine.h enum dma_ctrl_flags; provider.rst DMA_CTRL_ACK). virt-dma engines (drivers/dma/virt-dma.c) never look at it, and spi-stm32, spi-rockchip, i2c-qup, tango_nand and xilinx_axienet prep with DMA_PREP_INTERRUPT alone. Best practice, not undefined.'),
  'DESC-12': U('dmaengine_desc_free of a descriptor still queued or running frees memory the engine lists still point at (drivers/dma/virt-dma.c vchan_tx_desc_free: list corruption, use after free).'),
  'DESC-14': U('A REUSE descriptor never given back is a leak of driver memory (provider.rst DMA_CTRL_REUSE; only vchan_free_chan_resources reclaims it); leaks are findings, as mapping leaks are (DATA-9).'),
  'DESC-16': U('virt-dma moves a completed REUSE descriptor back to desc_allocated (vchan_vdesc_fini) around its callback in vchan_complete (drivers/dma/virt-dma.c; before or after the callback depending on the kernel version, catalogue range Q8): resubmitting it from its own callback races with that list move (the descriptor ends on two lists or is resubmitted while still being recycled).'),
  'CK-6': U('With DMA_COMPLETION_NO_ORDER cookie polling is not supported (provider.rst DMA_COMPLETION_NO_ORDER): the status answer says nothing about completion, so a client acting on it may reuse buffers still in flight.'),
  'STAT-2': U('A cookie of another channel or never returned by submit is compared against this channel\'s counters (include/linux/dmaengine.h dma_async_is_complete) and may be looked up in its lists for residue: the answer is meaningless and acting on it loses data.'),
  'STAT-3': A('Advice on reading DMA_COMPLETE (drivers/dma/dmaengine.h dma_cookie_complete; pl330 and stm32 complete aborted cookies): no client call breaks it; the engine side is checked against the allowed range.'),
  'STAT-7': PERMISSION('tx_status may be called from any context (provider.rst device_tx_status)'),
  'STAT-8': A('Advice (client.rst, Further APIs 4 note): a residue read from a running channel is approximate; nothing undefined follows.'),
  'SUB-2': U('Some engines free the descriptor when tx_submit fails (drivers/dma/xilinx/xilinx_dma.c xilinx_dma_tx_submit): touching it afterwards is a use after free.'),
  'ISS-1': U('Without dma_async_issue_pending submitted work never starts on virt-dma engines (drivers/dma/virt-dma.h vchan_issue_pending): the client\'s data never moves. The model checks the engine side (nothing starts before issue).'),
  'CB-3': PERMISSION('a slave completion callback may prep, submit and issue on its own channel (client.rst §3 note)'),
  'CB-5': PERMISSION('a callback may call dmaengine_terminate_async on its own channel (include/linux/dmaengine.h dmaengine_terminate_async)'),
  'CB-4': U('Documentation/crypto/async-tx-api.rst (§3.6): async_tx completion callbacks run where submitting a new operation can recurse into the channel\'s cleanup path under its lock; the API forbids it.'),
  'CB-6': U('Callbacks run in softirq (tasklet) context: synchronize, terminate_sync, release and request may sleep, and synchronize from the callback waits for that very callback (include/linux/dmaengine.h dmaengine_synchronize: deadlock).'),
  'CB-11': A('Advice for cyclic clients (drivers/dma/virt-dma.h vchan_cyclic_callback merges period callbacks; sound/core/pcm_dmaengine.c takes the position from the residue): counting callbacks is not portable, nothing undefined follows.'),
  'CB-14': U('Callbacks may still run after terminate_async returns (include/linux/dmaengine.h dmaengine_terminate_async): a client that frees what they touch before synchronize causes a use after free.'),
  'CB-15': U('Freeing what a pending or running callback uses before synchronize or terminate_sync has returned is a use after free (include/linux/dmaengine.h dmaengine_synchronize).'),
  'TERM-4': PERMISSION('terminate_async may be called from atomic context and from a callback on the same channel (include/linux/dmaengine.h dmaengine_terminate_async)'),
  'TERM-5': U('dmaengine_terminate_sync calls dmaengine_synchronize, which may sleep and waits for callbacks (include/linux/dmaengine.h): from atomic context or its own callback it sleeps in atomic or deadlocks.'),
  'TERM-6': A('dmaengine_terminate_all is deprecated but still defined: it calls device_terminate_all, i.e. terminate_async without the synchronize (include/linux/dmaengine.h). The model goes on with it as terminate_async.'),
  'TERM-8': U('After terminate_async the controller may still access the buffers and callbacks may still run (include/linux/dmaengine.h dmaengine_terminate_async): freeing or unmapping before synchronize corrupts memory.'),
  'TERM-10': PERMISSION('after terminate and synchronize the channel takes new work (drivers/dma/dmaengine.h dma_cookie_assign)'),
  'SYNC-2': U('dmaengine_synchronize may sleep (include/linux/dmaengine.h; vchan_synchronize calls tasklet_kill): from atomic context it is a sleeping-in-atomic bug.'),
  'SYNC-3': U('include/linux/dmaengine.h dmaengine_synchronize: "The behavior of this function is undefined if dma_async_issue_pending() has been called between dmaengine_terminate_async() and this function."'),
  'SYNC-6': U('synchronize does not wait for the peripheral FIFO (seed 000; provider.rst device_synchronize): tearing the peripheral down then loses the bytes it still holds.'),
  'SYNC-7': U('Starting new work after terminate_async before synchronize makes that synchronize undefined (include/linux/dmaengine.h dmaengine_synchronize) and lets the old termination, still in progress, free or stop the new descriptor (drivers/dma/imx-sdma.c sdma_channel_terminate_work; the XRUN bug fixed by e8343410ddf0 in sound/core/pcm_dmaengine.c).'),
  'PAUSE-3': U('client.rst (Further APIs 3) calls resuming a channel that is not paused invalid; engines answer -EPERM (drivers/dma/stm32/stm32-dma.c) or restart the channel, whose state is then the driver\'s guess.'),
  'PAUSE-6': A('Pausing an idle channel is the engine\'s choice (stm32 -EPERM, pl330 0: drivers/dma/stm32/stm32-dma.c, drivers/dma/pl330.c); both answers are defined.'),
  'CYC-2': U('Engines disagree on a buf_len that is not a multiple of period_len (drivers/dma/pl330.c refuses, drivers/dma/bcm2835-dma.c only warns and builds a short last period): which bytes move and when periods end is not defined.'),
  'CYC-3': A('Without DMA_PREP_INTERRUPT period callbacks are the engine\'s choice (drivers/dma/bcm2835-dma.c; sound/core/pcm_dmaengine.c always sets the flag): not portable; the engine side stays a violation.'),
  'CYC-5': U('synchronize does not stop a cyclic transfer (include/linux/dmaengine.h): it keeps writing into memory the client believes idle.'),
  'CYC-8': A('Work queued behind a repeated transfer without LOAD_EOT waits until a terminate (provider.rst DMA_PREP_LOAD_EOT): defined behaviour the client must plan for; the engine side is checked.'),
  'META-1': A('client.rst says a client can ask dmaengine_is_metadata_mode_supported; when it does not and the mode is unsupported, dmaengine_desc_attach_metadata and friends fail with an error (drivers/dma/dmaengine.c desc_check_and_set_metadata_mode), which the model still checks.'),
  'META-4': U('dmaengine_desc_get_metadata_ptr returns an ERR_PTR on failure (drivers/dma/dmaengine.c): a client testing for NULL dereferences it.'),
  'META-5': U('Metadata attached after submit races with the engine reading it (client.rst §3, optional per-descriptor metadata): the engine may send none or half of it.'),
  'META-6': U('A DEV_TO_MEM metadata buffer attached after submit may be filled or not (provider.rst metadata): the client reads undefined bytes.'),
  'META-7': U('ENGINE-mode metadata written after submit races with the engine consuming it (client.rst §3).'),
  'META-8': U('ENGINE-mode DEV_TO_MEM metadata is valid only inside the completion callback (client.rst §3): reading it elsewhere reads memory the engine may have reused.'),
  'META-9': U('The ENGINE metadata pointer points into the descriptor, which is recycled after the callback or issue_pending (client.rst §3 metadata note): use after free.'),
  'DATA-1': U('On an IOMMU system the address dma_map_* returns belongs to the device it was mapped for: a buffer mapped with the client\'s own device has an IOVA the DMA controller\'s IOMMU domain does not translate (fault or another page), and dma-coherency may differ (include/linux/dmaengine.h dmaengine_get_dma_device; k3-udma maps with a device other than the channel\'s). Undefined on such systems, so undefined for a portable client.'),
  'DATA-2': U('dma_map_sg returning 0 means the mapping failed (include/linux/dma-mapping.h); a prep of an empty list gives the engine nothing valid to program.'),
  'DATA-3': U('Unmapping a buffer the controller still accesses: the IOMMU faults or the memory is reused while DMA writes it (client.rst §3).'),
  'DATA-4': U('MEM_TO_DEV completion does not mean the peripheral sent the data (seed 000): tearing it down then loses bytes.'),
  'DATA-7': U('dma_vec entries of length 0 or in a direction the channel cannot do: engines refuse or program an empty transfer (drivers/dma/dma-axi-dmac.c axi_dmac_prep_peripheral_dma_vec); the bytes that move are not defined.'),
  'DATA-9': U('Every dma_map_* needs its dma_unmap_* (Documentation/core-api/dma-api-howto.rst: the DMA address space is a shared resource and leaking it can render the machine unusable); a leaked mapping also leaves the device an IOVA into memory the kernel reuses (IOMMU) or a swiotlb slot that is never bounced back.'),
  'DATA-10': U('Until dma_unmap_* or dma_sync_*_for_cpu a DMA_FROM_DEVICE buffer may hold stale cache lines or sit in a swiotlb bounce buffer (Documentation/core-api/dma-api-howto.rst, the my_card_interrupt_handler example): the owner reads data the device did not write.'),
};

/** The decision for `id`, if the rule binds the client. @public */
export const severityOf = (id: string): SeverityDecision | undefined => SEVERITY_DECISIONS[id];
