/**
 * Slave configuration and capability rules (CFG-1..CFG-6, CAPS-1..CAPS-5).
 * @public
 */
import { BCM2835, CR, DC, DH, PCM, PL330, PR } from './sources.ts';
import { defineGroup, documentedOnly, MODEL } from './types.ts';

/** The CFG rules in fact-sheet order. @public */
export const CONFIG_RULES = defineGroup('CFG', [
  {
    id: 'CFG-1', binds: 'client', check: MODEL,
    statement: 'The client sets the slave configuration before it prepares any descriptor whose transfer depends on it.',
    source: { seed: CR('2'), kernel: [] },
  },
  {
    id: 'CFG-2', binds: 'engine', check: MODEL,
    statement: 'A new slave configuration governs only descriptors prepared after it and leaves queued or running ones as they were.',
    source: { kernel: [PR('device_config')] },
  },
  {
    id: 'CFG-3', binds: 'engine', check: MODEL,
    statement: 'dmaengine_slave_config fails with -ENOSYS when the driver has no device_config and otherwise passes on the driver\'s 0 or negative errno.',
    source: { kernel: [DH('dmaengine_slave_config')] },
  },
  {
    id: 'CFG-4', binds: 'client', check: MODEL,
    statement: 'The direction member of dma_slave_config is on its way out, and the direction given to the prep call or the interleaved template is the one that counts.',
    source: { seed: CR('2'), kernel: [DH('struct dma_slave_config')] },
  },
  {
    id: 'CFG-5', binds: 'client', check: MODEL,
    statement: 'A MEM_TO_DEV configuration supplies the destination address, width and burst while a DEV_TO_MEM one supplies the source fields, with maxburst counted in words of that width.',
    source: { kernel: [DH('struct dma_slave_config')] },
  },
  {
    id: 'CFG-6', binds: 'engine',
    statement: 'Every engine that offers slave transfers provides a device_config operation.',
    source: { kernel: [PR('device_config')] },
    check: documentedOnly('A property of the provider\'s op table fixed at registration; a trace only sees its consequence, the -ENOSYS return of CFG-3, which the model checks.'),
  },
]);

/** The CAPS rules in fact-sheet order. @public */
export const CAPS_RULES = defineGroup('CAPS', [
  {
    id: 'CAPS-1', binds: 'engine', check: MODEL,
    statement: 'dma_get_slave_caps fails with -EINVAL for NULL arguments and with -ENXIO when the device has neither DMA_SLAVE nor DMA_CYCLIC or lists no directions, and returns 0 otherwise.',
    // The reported fields are copies of the device's (directions, min_burst, max_burst, ...):
    // bcm2835-dma sets no burst limits (reads 0) and lists MEM_TO_MEM among its directions.
    source: { kernel: [DC('dma_get_slave_caps'), BCM2835('bcm2835_dma_probe')] },
    range: 'The caps are the device\'s own fields, whatever they are: min_burst and max_burst 0 when the driver sets none (bcm2835-dma), directions including MEM_TO_MEM on a device that also does memcpy (bcm2835-dma); the model compares them with the EngineConfig, which declares them.',
  },
  {
    id: 'CAPS-2', binds: 'engine', check: MODEL,
    statement: 'The cmd_pause, cmd_resume and cmd_terminate capabilities reflect whether device_pause, device_resume and device_terminate_all exist, unless the driver\'s device_caps hook overrides them.',
    source: { kernel: [DC('dma_get_slave_caps')] },
  },
  {
    id: 'CAPS-3', binds: 'client', check: MODEL,
    statement: 'A client relies on pause and resume only when the capabilities report both of them, because an engine may offer pause without resume.',
    source: { kernel: [DH('struct dma_slave_caps'), PL330(), PCM('snd_dmaengine_pcm_refine_runtime_hwparams')] },
  },
  {
    id: 'CAPS-4', binds: 'client', check: MODEL,
    statement: 'Residue values mean something only at the advertised residue_granularity, and with DESCRIPTOR granularity the residue always reads 0.',
    source: { kernel: [DH('enum dma_residue_granularity')] },
  },
  {
    id: 'CAPS-5', binds: 'client', check: MODEL,
    statement: 'The client uses DMA_CTRL_REUSE only on channels whose capabilities set descriptor_reuse.',
    source: { kernel: [DH('dmaengine_desc_set_reuse'), PR('DMA_CTRL_REUSE')] },
    range: 'Q25: a prep that passes DMA_CTRL_REUSE in its flags on an engine without descriptor_reuse may be accepted (virt-dma does not check); the model reports the client misuse either way.',
  },
]);
