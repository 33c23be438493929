/**
 * The capability profile of the real bcm2835-dma driver (Debian's 6.1 arm64 kernel)
 * running under QEMU's raspi3b machine: what the program generator may use, and — for
 * the report — every feature that is "not supported" and why.
 * @public
 */
import type { CapabilityProfile } from '../../spec/api/config.ts';

/** What `kernel certify` generates against; the features set false are never generated. @public */
export const KERNEL_PROFILE: CapabilityProfile = {
  slaveSg: true,
  dmaVec: false,
  cyclic: false,
  interleave: false,
  repeat: false,
  pause: false,
  resume: false,
  terminate: true,
  synchronize: true,
  reuse: true,
  metadata: false,
  callbacks: true,
  multiChannel: true,
  cookieInit: false,
  configurableCaps: false,
};

/** A feature the target cannot exercise, and the reason with its source. @public */
export interface Unsupported {
  readonly feature: keyof CapabilityProfile;
  readonly reason: string;
}

/** Why each false feature of {@link KERNEL_PROFILE} is false. @public */
export const UNSUPPORTED: readonly Unsupported[] = [
  { feature: 'cyclic', reason: "QEMU's bcm2835 DMA model loops forever over the control-block ring inside the MMIO write that starts the channel, so issue_pending never returns (hw/dma/bcm2835_dma.c); the driver itself has device_prep_dma_cyclic" },
  { feature: 'repeat', reason: 'drivers/dma/bcm2835-dma.c sets neither DMA_REPEAT nor DMA_LOAD_EOT' },
  { feature: 'pause', reason: 'drivers/dma/bcm2835-dma.c has no device_pause: dmaengine_pause returns -ENOSYS (generated a few times only to record that answer, PAUSE-1)' },
  { feature: 'resume', reason: 'drivers/dma/bcm2835-dma.c has no device_resume; a resume without a successful pause is client misuse (CAPS-3, PAUSE-3), so it is not generated' },
  { feature: 'dmaVec', reason: 'Linux 6.1 has no dmaengine_prep_peripheral_dma_vec (it came in a later release; include/linux/dmaengine.h of 6.1 has no struct dma_vec)' },
  { feature: 'interleave', reason: 'drivers/dma/bcm2835-dma.c has no device_prep_interleaved_dma' },
  { feature: 'metadata', reason: 'drivers/dma/bcm2835-dma.c sets no desc_metadata_modes' },
  { feature: 'cookieInit', reason: 'a real channel starts its cookies at dma_cookie_init (1); the counter cannot be preset to test wrap-around' },
  { feature: 'configurableCaps', reason: 'the device ops of a real driver are fixed; caps cannot be switched off per run' },
];
