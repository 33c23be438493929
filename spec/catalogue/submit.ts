/**
 * Submit and issue rules (SUB-1..SUB-3, ISS-1..ISS-5).
 * @public
 */
import { CR, DH, PL330, PR, VC, VH, XILINX } from './sources.ts';
import { defineGroup, invariant, MODEL } from './types.ts';

/** The SUB rules in fact-sheet order. @public */
export const SUBMIT_RULES = defineGroup('SUB', [
  {
    id: 'SUB-1', binds: 'engine', check: MODEL,
    statement: 'dmaengine_submit puts the descriptor on the pending queue and gives it a cookie without ever starting the hardware.',
    source: { seed: CR('4'), kernel: [] },
  },
  {
    id: 'SUB-2', binds: 'client', check: MODEL,
    statement: 'The client checks the submit result with dma_submit_error and leaves a descriptor whose submit failed alone, as some engines free it.',
    source: { kernel: [DH('dma_submit_error'), XILINX('xilinx_dma_tx_submit')] },
    tags: ['derived'],
    range: 'Q12: after a failed submit the engine may or may not have freed the descriptor; any later client use of it is undefined.',
  },
  {
    id: 'SUB-3', binds: 'engine', check: MODEL,
    statement: 'The virt-dma submit hook cannot fail.',
    source: { kernel: [VC('vchan_tx_submit'), XILINX('xilinx_dma_tx_submit')] },
    tags: ['vchan'],
    range: 'A submit error is accepted only as -EBUSY while a cyclic transfer is queued (xilinx); a submit that freed the descriptor must not return a cookie.',
  },
]);

/** The ISS rules in fact-sheet order. @public */
export const ISSUE_RULES = defineGroup('ISS', [
  {
    id: 'ISS-1', binds: 'client', check: MODEL,
    statement: 'The client calls dma_async_issue_pending to get its work going, because submitted descriptors never start without it.',
    source: { seed: CR('4', '5'), kernel: [] },
  },
  {
    id: 'ISS-2', binds: 'engine', check: MODEL,
    statement: 'issue_pending moves every submitted descriptor to the active queue, starts the first of them when the channel is idle, and may be called from interrupt context.',
    source: { seed: CR('5'), kernel: [PR('device_issue_pending'), VH('vchan_issue_pending')] },
  },
  {
    id: 'ISS-3', binds: 'engine',
    check: invariant('At most one descriptor per channel is running, and it is the oldest issued one not yet completed.'),
    statement: 'Transfers on one channel run one at a time in issue order, which is cookie order, and each completion starts the next and schedules the tasklet.',
    source: { seed: CR('5'), kernel: [PR('device_issue_pending')] },
  },
  {
    id: 'ISS-4', binds: 'engine', check: MODEL,
    statement: 'On virt-dma, issue_pending with nothing submitted has no effect.',
    source: { kernel: [VH('vchan_issue_pending'), PL330('pl330_issue_pending')] },
    tags: ['vchan'],
    range: 'pl330 also logs a warning; in every engine nothing starts and no event is raised.',
  },
  {
    id: 'ISS-5', binds: 'engine', check: MODEL,
    statement: 'Work issued after a running cyclic or repeated transfer stays queued until that transfer is terminated or, for REPEAT, replaced by a DMA_PREP_LOAD_EOT one.',
    source: { seed: CR('3-cyclic'), kernel: [DH('DMA_PREP_REPEAT, DMA_PREP_LOAD_EOT')] },
    tags: ['derived'],
  },
]);
