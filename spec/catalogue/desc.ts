/**
 * Descriptor rules (DESC-1..DESC-17): prep, ownership, flags, reuse, freeing.
 * @public
 */
import { BCM2835, CR, DE, DH, DRIVERS, IIO_DMA, PR, STM32, TEGRA_GPC, VC, VH } from './sources.ts';
import { atEnd, defineGroup, documentedOnly, invariant, MODEL } from './types.ts';

/** The DESC rules in fact-sheet order. @public */
export const DESC_RULES = defineGroup('DESC', [
  {
    id: 'DESC-1', binds: 'engine', check: MODEL,
    statement: 'Every prep wrapper reports failure by returning NULL, with no errno, whether the channel or op is missing, a parameter is bad or resources ran out.',
    source: { kernel: [DH('dmaengine_prep_* wrappers'), DRIVERS('device_prep_* implementations')] },
  },
  {
    id: 'DESC-2', binds: 'both', check: MODEL,
    statement: 'Prep calls are allowed from any context including hard interrupts, so engines allocate descriptors without sleeping (GFP_NOWAIT).',
    source: { kernel: [PR('device_prep_dma_*')] },
  },
  {
    id: 'DESC-3', binds: 'client', check: MODEL,
    statement: 'The client fills in callback, callback_result, callback_param and metadata only in the window between prep and submit.',
    source: { seed: CR('3', '4'), kernel: [] },
  },
  {
    id: 'DESC-4', binds: 'client',
    check: atEnd('When the trace ends no descriptor is still prepared, neither submitted nor freed by a terminate or release.'),
    statement: 'Each successfully prepared descriptor is submitted soon afterwards, because prep and submit form a pair that an engine may bracket with a held spinlock.',
    source: { seed: CR('3'), kernel: [] },
  },
  {
    id: 'DESC-5', binds: 'client', check: MODEL,
    statement: 'Once submitted, a descriptor is the engine\'s and the client stops dereferencing it, apart from REUSE descriptors and reading ENGINE metadata inside its completion callback.',
    source: { seed: CR('4-note', '3-meta'), kernel: [] },
  },
  {
    id: 'DESC-6', binds: 'engine',
    statement: 'Engines copy what they need from the scatterlist, dma_vec array or interleaved template during prep, since the caller may throw those containers away right after.',
    source: { kernel: [DH('dmaengine_prep_slave_single'), IIO_DMA('dma_vec submission')] },
    tags: ['derived'],
    check: documentedOnly('The vocabulary passes sg lists, vecs and templates by value inside the prep call, so no later client step can change or free them and no trace can tell a copy from a kept reference.'),
  },
  {
    id: 'DESC-7', binds: 'client', check: MODEL,
    statement: 'Data buffers stay mapped and valid until their transfer completes or, after a terminate, until synchronize has returned.',
    source: { seed: CR('3', 'F5'), kernel: [] },
  },
  {
    id: 'DESC-8', binds: 'client',
    check: invariant('After every tasklet run, and when the trace ends, each completed descriptor that had DMA_PREP_INTERRUPT and a callback set has been called back.'),
    statement: 'A client that wants a completion callback prepares with DMA_PREP_INTERRUPT, because without that flag whether an interrupt or callback happens is the engine\'s choice.',
    source: { kernel: [DH('enum dma_ctrl_flags'), DRIVERS('prep flag handling')] },
    range: 'Q16: with DMA_PREP_INTERRUPT and a callback set, a completed descriptor is called back before the trace ends quiescent; without the flag the callback may or may not run (virt-dma runs it), and the prep may return NULL on engines that demand the flag.',
  },
  {
    id: 'DESC-9', binds: 'client', check: MODEL,
    statement: 'Slave descriptors are prepared with DMA_CTRL_ACK unless the client is building a dependency chain, and the ACK gives the client no right to reuse the descriptor.',
    source: { kernel: [DH('enum dma_ctrl_flags'), PR('DMA_CTRL_ACK')] },
  },
  {
    id: 'DESC-10', binds: 'engine', check: MODEL,
    statement: 'dmaengine_desc_set_reuse returns the capability query\'s error, -EPERM when the channel cannot reuse descriptors, or 0 after marking the descriptor reusable.',
    source: { kernel: [DH('dmaengine_desc_set_reuse')] },
  },
  {
    id: 'DESC-11', binds: 'engine', check: MODEL,
    statement: 'dmaengine_desc_free refuses with -EPERM unless the descriptor carries REUSE and otherwise passes it to the driver\'s desc_free, which on virt-dma unlinks and frees it and returns 0.',
    source: { kernel: [DH('dmaengine_desc_free'), VC('vchan_tx_desc_free')] },
  },
  {
    id: 'DESC-12', binds: 'client', check: MODEL,
    statement: 'The client hands dmaengine_desc_free only idle reusable descriptors, never one that is submitted, issued, running or still owed its callback.',
    source: { kernel: [VC('vchan_tx_desc_free')] },
    tags: ['derived'],
  },
  {
    id: 'DESC-13', binds: 'engine', check: MODEL,
    statement: 'A REUSE descriptor survives both completion and terminate, returning to the allocated state with cookie 0 so that a new submit gives it a fresh cookie (channel release may recycle it and then free it).',
    source: { kernel: [PR('DMA_CTRL_REUSE'), VH('vchan_vdesc_fini'), DE('dma_cookie_complete')] },
  },
  {
    id: 'DESC-14', binds: 'client',
    check: atEnd('When the trace ends every REUSE descriptor has been given back by desc_free, a final submit without REUSE, or the release of its channel.'),
    statement: 'Every reusable descriptor is eventually given back, by clearing REUSE and submitting it one last time, by dmaengine_desc_free, or by releasing its channel.',
    source: { kernel: [PR('DMA_CTRL_REUSE'), VH('vchan_free_chan_resources')] },
  },
  {
    id: 'DESC-15', binds: 'engine', check: MODEL,
    statement: 'On virt-dma engines a terminate frees descriptors that were prepared but never submitted (unless they carry REUSE), so any client pointer to them dangles afterwards.',
    source: { kernel: [VH('vchan_get_all_descriptors'), BCM2835('bcm2835_dma_terminate_all'), STM32('stm32_dma_terminate_all')] },
    tags: ['vchan', 'derived'],
    range: 'Q9: the engine may free such descriptors at terminate (desc_freed) or keep them; later client use of them is undefined either way.',
  },
  {
    id: 'DESC-16', binds: 'client', check: MODEL,
    statement: 'On virt-dma engines a REUSE descriptor is resubmitted only after its own completion callback has returned, never from inside it.',
    source: { kernel: [VC('vchan_complete')] },
    tags: ['vchan', 'derived'],
    range: 'Q8: older virt-dma recycled the descriptor before the callback, which made resubmission from the callback work; the model follows the recent order and reports it as client misuse.',
  },
  {
    id: 'DESC-17', binds: 'engine', check: MODEL,
    statement: 'Descriptor resources come back: when the engine holds no descriptor at all (every one completed, aborted and synchronized, or freed), a prep that succeeded before on the channel (same op, direction and flags, no more bytes or entries) succeeds again instead of returning NULL.',
    source: {
      kernel: [
        VC('vchan_dma_desc_free_list'), VH('vchan_terminate_vdesc'),
        TEGRA_GPC('a7a7ee6f5a01 "Fix memory leak in terminate_all()": the running descriptor was never freed'),
        DRIVERS('prep taking a hardware descriptor from a fixed pool and returning it only for submitted descriptors'),
      ],
    },
    tags: ['derived'],
    range: 'NULL stays allowed for bad arguments (DESC-1) and whenever some descriptor is still outstanding on the engine (a full pool); only the empty engine must accept again what it accepted before.',
  },
]);
