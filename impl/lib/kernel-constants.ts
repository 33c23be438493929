/**
 * Kernel constants the engine needs, written out here because impl/ may not import
 * values from spec/ (independence rule). Values as in include/linux/dmaengine.h.
 * @internal
 */

/** enum dma_ctrl_flags bits. */
export const DMA_PREP_INTERRUPT = 1 << 0;
export const DMA_CTRL_ACK = 1 << 1;
export const DMA_CTRL_REUSE = 1 << 6;
export const DMA_PREP_REPEAT = 1 << 8;
export const DMA_PREP_LOAD_EOT = 1 << 9;

/** Cookies wrap from INT_MAX to DMA_MIN_COOKIE (CK-2). */
export const INT_MAX = 0x7fffffff;
export const DMA_MIN_COOKIE = 1;

/** Size of the engine-owned metadata area of a descriptor (ENGINE mode, META-7/8). */
export const ENGINE_META_MAX = 64;
/** Bytes of metadata the simulated engine writes at DEV_TO_MEM completion (ENGINE mode). */
export const ENGINE_META_RX_LEN = 16;

/** Largest buffer alloc_buf accepts; larger requests get -ENOMEM. */
export const MAX_BUF_LEN = 1 << 26;
