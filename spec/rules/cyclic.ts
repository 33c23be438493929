/**
 * Cyclic and repeated transfer rules (CYC). Fact sheet §2.6, §3.3.
 * @public
 */
import { client, engine, type Cx, type Fail } from './require.ts';

/**
 * CYC-1: a cyclic descriptor signals a period every period_len bytes (never more often).
 * Source: CR §3; DH (device_prep_dma_cyclic).
 */
export const cyc1_periods = (cx: Cx, ok: boolean, what: string): Fail | undefined =>
  engine(cx, ok, 'CYC-1', what);

/**
 * CYC-2: buf_len must be a multiple of period_len.
 * Source: pl330.c; bcm2835-dma.c.
 */
export const cyc2_periodMultiple = (cx: Cx, bufLen: number, periodLen: number): Fail | undefined =>
  client(cx, periodLen > 0 && bufLen % periodLen === 0, 'CYC-2', 'cyclic buf_len not a multiple of period_len');

/**
 * CYC-3: with DMA_PREP_INTERRUPT and a callback, an elapsed period leads to a period callback.
 * Source: bcm2835-dma.c; pcm_dmaengine.c.
 */
export const cyc3_periodCallbackNotLost = (cx: Cx, lost: boolean): Fail | undefined =>
  engine(cx, !lost, 'CYC-3', 'period callback lost');

/**
 * CYC-4: a cyclic cookie never completes through normal operation.
 * Source: VH (vchan_cyclic_callback); PR (device_tx_status).
 */
export const cyc4_neverComplete = (cx: Cx, cyclic: boolean): Fail | undefined =>
  engine(cx, !cyclic, 'CYC-4', 'cyclic descriptor completed');

/**
 * CYC-5: stop a cyclic transfer only by terminate (synchronize alone does not stop it).
 * Source: CR §3 note.
 */
export const cyc5_stopByTerminate = (cx: Cx, runningCyclic: boolean): Fail | undefined =>
  client(cx, !runningCyclic, 'CYC-5', 'synchronize of a running cyclic transfer without terminate');

/**
 * CYC-6: interleaved prep with DMA_PREP_REPEAT returns NULL unless the device has DMA_REPEAT.
 * Source: DH (dmaengine_prep_interleaved_dma).
 */
export const CYC6_REPEAT_CAP = 'CYC-6';

/**
 * CYC-7: a repeated transfer repeats until a LOAD_EOT transfer replaces it at the end of a repetition.
 * Source: DH (enum dma_ctrl_flags); PR (DMA_PREP_REPEAT).
 */
export const cyc7_loadEotAtEnd = (cx: Cx, ok: boolean, what: string): Fail | undefined =>
  engine(cx, ok, 'CYC-7', what);

/**
 * CYC-8: a transfer queued behind a repeated one without LOAD_EOT is never processed.
 * Source: DH; PR (DMA_PREP_LOAD_EOT).
 */
export const cyc8_blockedBehindRepeat = (cx: Cx, started: boolean): Fail | undefined =>
  engine(cx, !started, 'CYC-8', 'transfer without LOAD_EOT replaced a repeated one');

/**
 * CYC-9: DMA_PREP_REPEAT is ignored by non-interleaved transfers (they end normally).
 * Source: DH.
 */
export const cyc9_repeatIgnored = (cx: Cx, looped: boolean): Fail | undefined =>
  engine(cx, !looped, 'CYC-9', 'DMA_PREP_REPEAT honoured on a non-interleaved transfer');
