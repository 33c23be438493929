/**
 * Pause/resume rules (PAUSE-1..PAUSE-6).
 * @public
 */
import { CR, DH, DRIVERS, PL330, PR, STM32 } from './sources.ts';
import { defineGroup, MODEL } from './types.ts';

/** The PAUSE rules in fact-sheet order. @public */
export const PAUSE_RULES = defineGroup('PAUSE', [
  {
    id: 'PAUSE-1', binds: 'engine', check: MODEL,
    statement: 'dmaengine_pause and dmaengine_resume return -ENOSYS when the driver lacks the matching operation.',
    source: { kernel: [DH('dmaengine_pause, dmaengine_resume')] },
  },
  {
    id: 'PAUSE-2', binds: 'engine', check: MODEL,
    statement: 'Pause halts channel activity at once without losing data, and resume carries on from exactly where it stopped.',
    source: { seed: CR('F2', 'F3'), kernel: [PR('device_pause'), PR('device_resume')] },
  },
  {
    id: 'PAUSE-3', binds: 'client', check: MODEL,
    statement: 'The client resumes only a channel it has paused, and engines may reject any other resume with -EPERM.',
    source: { seed: CR('F3'), kernel: [STM32('stm32_dma_resume')] },
    range: 'Q6: the engine returns 0 or EPERM; the model reports the call as client misuse either way.',
  },
  {
    id: 'PAUSE-4', binds: 'engine', check: MODEL,
    statement: 'No descriptor completes while its channel is paused, and a status query for the interrupted cookie usually reads DMA_PAUSED with a valid residue.',
    source: { kernel: [STM32('stm32_dma_chan_irq, stm32_dma_tx_status'), PL330('pl330_tx_status')] },
    tags: ['practice'],
    range: 'Q19: the interrupted cookie reads DMA_PAUSED or DMA_IN_PROGRESS; its residue stays frozen until resume or terminate.',
  },
  {
    id: 'PAUSE-5', binds: 'engine', check: MODEL,
    statement: 'Pause and resume act on the channel and its running transfer rather than on any one descriptor.',
    source: { kernel: [PR('device_pause'), DRIVERS('device_pause implementations')] },
    tags: ['derived'],
    range: 'Q7: issue_pending on a paused channel queues the work, and nothing new starts before resume.',
  },
  {
    id: 'PAUSE-6', binds: 'client', check: MODEL,
    statement: 'What pausing an idle channel does is up to the engine, with stm32 answering -EPERM and pl330 answering 0.',
    source: { kernel: [STM32('stm32_dma_pause'), PL330('pl330_pause')] },
    range: 'Q6: pause of an idle channel returns 0 (the channel is then paused) or EPERM (it is not).',
  },
]);
