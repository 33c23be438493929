/**
 * Cookie rules (CK-1..CK-6): encoding, assignment, completion, order.
 * @public
 */
import { DE, DH, PR, VC } from './sources.ts';
import { defineGroup, MODEL } from './types.ts';

/** The CK rules in fact-sheet order. @public */
export const COOKIE_RULES = defineGroup('CK', [
  {
    id: 'CK-1', binds: 'engine', check: MODEL,
    statement: 'A dma_cookie_t is a signed 32-bit number in which 1 and above name a request and negative values carry an error that dma_submit_error extracts (0 otherwise).',
    source: { kernel: [DH('dma_cookie_t, dma_submit_error')] },
  },
  {
    id: 'CK-2', binds: 'engine', check: MODEL,
    statement: 'Each cookie is its predecessor plus 1, wrapping from INT_MAX to DMA_MIN_COOKIE (1), which makes 2 the first cookie after initialisation.',
    source: { kernel: [DE('dma_cookie_assign'), DE('dma_cookie_init')] },
  },
  {
    id: 'CK-3', binds: 'engine', check: MODEL,
    statement: 'Cookies are assigned at submit time, in submit order and under the channel lock, and submit returns the very cookie stored in the descriptor.',
    source: { kernel: [DE('dma_cookie_assign'), VC('vchan_tx_submit')] },
  },
  {
    id: 'CK-4', binds: 'engine', check: MODEL,
    statement: 'Completing a descriptor records its cookie as the channel\'s completed cookie and clears the descriptor\'s own cookie, and completing one descriptor twice is a bug.',
    source: { kernel: [DE('dma_cookie_complete')] },
  },
  {
    id: 'CK-5', binds: 'engine', check: MODEL,
    statement: 'Cookies complete in the order they were submitted unless the engine declares DMA_COMPLETION_NO_ORDER.',
    source: { kernel: [PR('DMA_COMPLETION_NO_ORDER'), DE('dma_cookie_complete')] },
    tags: ['derived'],
  },
  {
    id: 'CK-6', binds: 'client', check: MODEL,
    statement: 'On an engine with DMA_COMPLETION_NO_ORDER the client stays away from cookie status queries and follows completion through callbacks and identifiers of its own.',
    source: { kernel: [PR('DMA_COMPLETION_NO_ORDER')] },
  },
]);
