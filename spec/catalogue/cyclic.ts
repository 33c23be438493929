/**
 * Cyclic and repeated-transfer rules (CYC-1..CYC-9).
 * @public
 */
import { BCM2835, CR, DH, PCM, PL330, PR, VH } from './sources.ts';
import { defineGroup, invariant, MODEL } from './types.ts';

/** The CYC rules in fact-sheet order. @public */
export const CYCLIC_RULES = defineGroup('CYC', [
  {
    id: 'CYC-1', binds: 'engine',
    check: invariant('After every advance and interrupt step a running cyclic descriptor has signalled one period per period_len bytes moved, never more.'),
    statement: 'A cyclic descriptor goes round its buf_len-byte buffer until it is terminated and signals a period after every period_len bytes.',
    source: { seed: CR('3-cyclic'), kernel: [DH('device_prep_dma_cyclic')] },
  },
  {
    id: 'CYC-2', binds: 'client', check: MODEL,
    statement: 'The client makes buf_len a whole multiple of period_len, which pl330 enforces by failing the prep and bcm2835 only by a warning.',
    source: { kernel: [PL330('pl330_prep_dma_cyclic'), BCM2835('bcm2835_dma_prep_dma_cyclic')] },
    range: 'A prep whose buf_len is not a multiple of period_len may return NULL or a descriptor; the model reports the prep as client misuse in both cases.',
  },
  {
    id: 'CYC-3', binds: 'client',
    check: invariant('After every tasklet run, and when the trace ends, an elapsed period of a cyclic descriptor with DMA_PREP_INTERRUPT and a callback has led to a period callback.'),
    statement: 'A cyclic client that wants period callbacks prepares with DMA_PREP_INTERRUPT.',
    source: { kernel: [BCM2835('bcm2835_dma_prep_dma_cyclic'), PCM('dmaengine_pcm_prepare_and_submit')] },
    range: 'Without DMA_PREP_INTERRUPT period callbacks may or may not run.',
  },
  {
    id: 'CYC-4', binds: 'engine', check: MODEL,
    statement: 'A cyclic cookie never reads DMA_COMPLETE in normal operation, and its status is IN_PROGRESS or PAUSED with the residue measured over the whole buffer.',
    source: { kernel: [VH('vchan_cyclic_callback'), PR('device_tx_status')] },
  },
  {
    id: 'CYC-5', binds: 'client', check: MODEL,
    statement: 'The only way the client ends a cyclic transfer is a terminate call, and terminate_async may come from inside the transfer\'s own callback.',
    source: { seed: CR('3-note'), kernel: [] },
  },
  {
    id: 'CYC-6', binds: 'engine', check: MODEL,
    statement: 'An interleaved prep that asks for DMA_PREP_REPEAT fails with NULL on a device that does not advertise DMA_REPEAT.',
    source: { kernel: [DH('dmaengine_prep_interleaved_dma')] },
  },
  {
    id: 'CYC-7', binds: 'engine', check: MODEL,
    statement: 'A repeated transfer keeps repeating until the transfer issued directly behind it carries DMA_PREP_LOAD_EOT, which takes over when the current repetition ends.',
    source: { kernel: [DH('enum dma_ctrl_flags'), PR('DMA_PREP_REPEAT')] },
  },
  {
    id: 'CYC-8', binds: 'both', check: MODEL,
    statement: 'Work queued after a repeated transfer that lacks LOAD_EOT stays issued and unprocessed until a terminate, while LOAD_EOT behind a transfer that does not repeat changes nothing.',
    source: { kernel: [DH('enum dma_ctrl_flags'), PR('DMA_PREP_LOAD_EOT')] },
  },
  {
    id: 'CYC-9', binds: 'engine', check: MODEL,
    statement: 'DMA_PREP_REPEAT has a defined meaning for interleaved transfers only, and other prep types ignore it.',
    source: { kernel: [DH('enum dma_ctrl_flags')] },
    range: 'Q15: the model accepts only the mainline meaning: a slave_sg, dma_vec or cyclic prep with REPEAT succeeds whatever DMA_REPEAT says, and a slave_sg or dma_vec one completes once like any other transfer. Looping (the 2026 dma-axi-dmac proposal for dma_vec, not mainline) is reported as a CYC-9 violation.',
  },
]);
