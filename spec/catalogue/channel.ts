/**
 * Channel rules (CH-1..CH-10): request, exclusivity, release, cookie counters.
 * @public
 */
import { CR, DC, DE, DH, OF, PL330, PR, STM32, VC } from './sources.ts';
import { defineGroup, MODEL } from './types.ts';

/** The CH rules in fact-sheet order. @public */
export const CHANNEL_RULES = defineGroup('CH', [
  {
    id: 'CH-1', binds: 'client', check: MODEL,
    statement: 'dma_request_chan hands back either a usable channel or an ERR_PTR-encoded error and never NULL, so callers test the result with IS_ERR.',
    source: { kernel: [DC('dma_request_chan')] },
  },
  {
    id: 'CH-2', binds: 'engine', check: MODEL,
    statement: 'A requested channel belongs to its requester alone until dma_release_channel, and no other request is given that channel meanwhile.',
    source: { seed: CR('1'), kernel: [DC('private_candidate'), DC('dma_get_slave_channel')] },
  },
  {
    id: 'CH-3', binds: 'client', check: MODEL,
    statement: 'Channel request and release may sleep, so the client makes them from process context only.',
    source: { kernel: [DC('dma_request_chan'), DC('dma_release_channel'), PR('device_alloc_chan_resources')] },
  },
  {
    id: 'CH-4', binds: 'engine', check: MODEL,
    statement: 'A failed request gives -EPROBE_DEFER while the provider or a free mapped channel is missing, -ENODEV when the device tree has no matching channel or xlate turns a busy one down, and passes other lookup or allocation errors through unchanged.',
    source: { kernel: [DC('dma_request_chan'), DC('find_candidate'), OF('of_dma_request_slave_channel'), DH('dma_request_chan stub')] },
    range: 'Q22: requesting a channel that is already held, or an unknown name, fails with ENODEV (device-tree path) or EPROBE_DEFER (slave-map path); never NULL.',
  },
  {
    id: 'CH-5', binds: 'client', check: MODEL,
    statement: 'The client releases each requested channel exactly once, holding its only reference, and a second release is undefined.',
    source: { kernel: [DC('dma_release_channel')] },
  },
  {
    id: 'CH-6', binds: 'engine', check: MODEL,
    statement: 'The last release synchronizes the channel and then frees its resources, without terminating any transfer on its own.',
    source: { kernel: [DC('dma_chan_put')] },
    range: 'Q11: whether device_free_chan_resources stops transfers still running is driver-defined; after release returns nothing of the channel moves data or calls back.',
  },
  {
    id: 'CH-7', binds: 'client', check: MODEL,
    statement: 'Before releasing a channel the client stops every transfer on it with terminate_sync or terminate_async followed by synchronize, and it never releases from atomic context or a callback.',
    source: { kernel: [DC('dma_chan_put'), DH('dmaengine_synchronize')] },
    tags: ['derived'],
  },
  {
    id: 'CH-8', binds: 'client', check: MODEL,
    statement: 'Once a channel is released the client no longer uses it, any descriptor prepared on it, or any cookie it returned.',
    source: { seed: CR('1'), kernel: [] },
    tags: ['derived'],
  },
  {
    id: 'CH-9', binds: 'engine', check: MODEL,
    statement: 'dma_cookie_init starts both the last-used and the last-completed cookie at 1, and whether a later request of the same channel starts them afresh is up to the driver.',
    source: { kernel: [DE('dma_cookie_init'), VC('vchan_init'), PL330('pl330_alloc_chan_resources')] },
    range: 'After release and a new request the first cookie is either cookieInit + 1 again (counters reset) or the successor of the last cookie handed out.',
  },
  {
    id: 'CH-10', binds: 'engine', check: MODEL,
    statement: 'A channel requested again after release behaves like a new one: none of the previous holder\'s state survives device_free_chan_resources (its slave configuration, a pause, pending work), only the cookie counter may continue (CH-9).',
    source: {
      kernel: [
        DC('dma_chan_put → device_free_chan_resources'), VC('vchan_free_chan_resources'),
        STM32('5d4d4dfbda18: the channel configuration was not reset in stm32_dma_free_chan_resources, so the next user got the old thresholds'),
      ],
    },
    tags: ['derived'],
    range: 'A client that preps without a slave config (CFG-1, advisory) gets the driver\'s defaults (width DMA_SLAVE_BUSWIDTH_UNDEFINED, reported as 0), never the previous holder\'s.',
  },
]);
