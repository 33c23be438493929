/**
 * Status and residue rules (STAT). Fact sheet §1.5, §1.6, §2.14. The allowed status set of
 * one query is built by spec/model/status.ts from these clauses and rule ids.
 * @public
 */
import type { DmaStatus } from '../api/index.ts';
import { client, engine, type Cx, type Fail } from './require.ts';

/**
 * STAT-1: dma_async_is_complete: a cookie the reported last/used say is complete reads COMPLETE.
 * Source: DH (dma_async_is_complete).
 */
export const stat1_consistentWithCounters = (cx: Cx, countersSay: DmaStatus, got: DmaStatus): Fail | undefined =>
  engine(cx, countersSay !== 'DMA_COMPLETE' || got === 'DMA_COMPLETE', 'STAT-1', 'status contradicts the reported last/used cookies');

/**
 * STAT-2: query only cookies returned by dmaengine_submit on this channel (in this hold).
 * Source: DH [derived].
 */
export const stat2_cookieFromSubmit = (cx: Cx, fromSubmit: boolean): Fail | undefined =>
  client(cx, fromSubmit, 'STAT-2', 'queried a cookie not returned by submit');

/**
 * STAT-3: an aborted cookie reads COMPLETE once a later cookie completed.
 * Source: DE (dma_cookie_complete); pl330.c, stm32-dma.c [derived].
 */
export const STAT3_ABORTED_PASSED = 'STAT-3';

/**
 * STAT-4: IN_PROGRESS for work not yet done, PAUSED only while paused, no ERROR/OUT_OF_ORDER without cause.
 * Source: DH (enum dma_status); PR (device_tx_status).
 */
export const STAT4_STATUS_VALUE = 'STAT-4';

/**
 * STAT-5: with a state, last and used are the channel's counters (and present); without, nothing is filled.
 * Source: PR; DE (dma_cookie_status).
 */
export const stat5_stateFields = (cx: Cx, ok: boolean, what: string): Fail | undefined =>
  engine(cx, ok, 'STAT-5', what);

/**
 * STAT-6: residue is for the queried cookie, 0 when COMPLETE, whole-buffer relative for cyclic.
 * Source: PR (device_tx_status); DH (struct dma_tx_state).
 */
export const STAT6_RESIDUE = 'STAT-6';

/**
 * STAT-9: the cookie is complete as soon as it is marked, before the callback runs.
 * Source: VH (vchan_cookie_complete); VC (vchan_complete).
 */
export const STAT9_COMPLETE_BEFORE_CALLBACK = 'STAT-9';

/**
 * STAT-10: dma_async_is_tx_complete always reports last and used.
 * Source: DH (dma_async_is_tx_complete).
 */
export const stat10_lastUsedReported = (cx: Cx, ok: boolean): Fail | undefined =>
  engine(cx, ok, 'STAT-10', 'is_tx_complete did not report last/used');

/**
 * STAT-12: a submitted-not-issued cookie has residue 0 or its length (engine-specific).
 * Source: VC (vchan_find_desc); bcm2835-dma.c.
 */
export const STAT12_SUBMITTED_RESIDUE = 'STAT-12';
