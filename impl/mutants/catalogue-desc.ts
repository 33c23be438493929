/**
 * Mutants of descriptors, reuse, metadata, prep, capabilities, configuration and data
 * (bug classes 33, 34, 35; DESC, META, CAPS, CFG, TERM-1/PAUSE-1, DATA).
 * @internal
 */
import { CLS, obligation } from './classes.ts';
import type { MutantSpec } from './spec.ts';
import {
  attachMeta, config, descFree, getCaps, metaSupported, pause, RX, setCb, setReuse, sg, sgEntries, TX,
} from './steps.ts';

export const DESC_MUTANTS: readonly MutantSpec[] = [
  {
    name: 'reuse-freed', faults: ['reuse-freed'], bugClass: CLS.reuse, rules: ['DESC-13'],
    description: 'A DMA_CTRL_REUSE descriptor is freed at completion instead of recycled.',
    trigger: { steps: [sg(1, TX, 8), setReuse(1)] },
  },
  {
    name: 'meta-freed-early', faults: ['meta-freed-early'], bugClass: CLS.metadata, rules: ['META-10'],
    description: 'ENGINE metadata memory is freed at completion, before the callback that reads it ran.',
    trigger: { steps: [metaSupported(RX, 'engine'), sg(1, RX, 8), setCb(1, { kind: 'read_metadata' })] },
  },
  {
    name: 'meta-copied-late', faults: ['meta-copied-late'], bugClass: CLS.metadata, rules: ['META-6'],
    description: 'CLIENT-mode DEV_TO_MEM metadata is copied after the cookie completed.',
    trigger: { steps: [metaSupported(RX, 'client'), sg(1, RX, 8), attachMeta(1, 8)] },
  },
  {
    name: 'prep-accepts-bad', faults: ['prep-accepts-bad'], bugClass: CLS.prepRet, rules: ['DESC-1'],
    description: 'Prep skips its length checks and accepts a transfer longer than the engine can do instead of returning NULL.',
    trigger: { config: { maxTransferLen: 256 }, steps: [sgEntries(1, TX, [200, 100])] },
  },
  {
    name: 'caps-lie', faults: ['caps-lie'], bugClass: obligation('Capabilities reflect the device ops'), rules: ['CAPS-2'],
    description: 'get_slave_caps reports cmd_pause/resume/terminate whatever the device ops are.',
    trigger: { config: { caps: { pause: false } }, steps: [getCaps(TX)] },
  },
  {
    name: 'wrong-errno-missing-op', faults: ['wrong-errno-missing-op'], bugClass: obligation('Wrapper errno for a missing op'),
    rules: ['PAUSE-1', 'TERM-1', 'TERM-3'],
    description: 'Missing ops give the wrong errno: terminate -ENOSYS instead of -EINVAL, pause/resume -EINVAL instead of -ENOSYS.',
    trigger: { config: { caps: { pause: false } }, steps: [pause(TX)] },
  },
  {
    name: 'config-applies-to-queued', faults: ['config-applies-to-queued'], bugClass: obligation('Slave config governs later preps only'),
    rules: ['CFG-2'],
    description: 'A new slave config changes the bus width of descriptors already prepared.',
    trigger: { steps: [sg(1, TX, 8), config(TX, 2)] },
  },
  {
    name: 'data-corrupt', faults: ['data-corrupt'], bugClass: obligation('Data integrity'), rules: ['DATA-8'],
    description: 'DEV_TO_MEM writes the peripheral stream shifted by one byte.',
    trigger: { steps: [sg(1, RX, 8)] },
  },
  {
    name: 'set-reuse-no-check', faults: ['set-reuse-no-check'], bugClass: CLS.reuse, rules: ['DESC-10'],
    description: 'dmaengine_desc_set_reuse sets DMA_CTRL_REUSE without asking caps.descriptor_reuse (4575243c5c17 ignored the caps query result).',
    trigger: { config: { caps: { descriptorReuse: false } }, steps: [sg(1, TX, 8), setReuse(1)] },
  },
  {
    name: 'desc-free-no-check', faults: ['desc-free-no-check'], bugClass: CLS.reuse, rules: ['DESC-11'],
    description: 'dmaengine_desc_free frees a descriptor without DMA_CTRL_REUSE instead of returning -EPERM.',
    trigger: { steps: [sg(1, TX, 8), descFree(1)] },
  },
  {
    name: 'config-no-enosys', faults: ['config-no-enosys'], bugClass: obligation('Wrapper errno for a missing op'), rules: ['CFG-3'],
    description: 'dmaengine_slave_config returns 0 when the driver has no device_config instead of -ENOSYS.',
    // the probe prelude's own slave_config already shows it
    trigger: { config: { caps: { config: false } }, steps: [config(TX, 4)] },
  },
];
