/**
 * Descriptor rules (DESC): prep, ownership after submit, reuse, freeing. Fact sheet §1.3, §2.5–2.7.
 * @public
 */
import { DMA_CTRL_ACK } from '../api/index.ts';
import type { Errno, RuleId } from '../api/index.ts';
import { client, engine, type Cx, type Fail } from './require.ts';
import type { RetSpec } from './ret-spec.ts';

/**
 * DESC-1: a prep wrapper returns a descriptor or NULL (no errno); NULL for a missing op or invalid parameters.
 * Source: DH (dmaengine_prep_*); drivers.
 */
export function desc1_prepRets(invalidRule: RuleId | undefined, interleaved: boolean): RetSpec {
  if (invalidRule === undefined) return interleaved ? PREP_OK_ILV : PREP_OK;
  return { rule: invalidRule, msg: 'prep with invalid parameters or a missing op must return NULL', alts: [{ t: 'null' }], byKind: { err: PREP_ERR }, covers: interleaved ? PREP_COVERS_ILV : PREP_COVERS };
}
const PREP_ERR = { rule: 'DESC-1', msg: 'prep returns NULL, never an errno' } as const;
/** Conditions every prep evaluates: the slave direction (DATA-6); interleaved also the REPEAT capability (CYC-6). */
const PREP_COVERS: readonly RuleId[] = ['DESC-1', 'DATA-6'];
const PREP_COVERS_ILV: readonly RuleId[] = ['DESC-1', 'DATA-6', 'CYC-6'];
const PREP_OK: RetSpec = { rule: 'DESC-1', msg: 'prep returns a descriptor or NULL', alts: [{ t: 'ok' }, { t: 'null' }], byKind: { err: PREP_ERR }, covers: PREP_COVERS };
const PREP_OK_ILV: RetSpec = { ...PREP_OK, covers: PREP_COVERS_ILV };

/**
 * DESC-17: on an engine holding no descriptor, a prep no larger than one that succeeded
 * before on the channel (same op, direction, flags) must succeed: a NULL is a leaked resource.
 * Source: VC (vchan_dma_desc_free_list); tegra186-gpc-dma a7a7ee6f5a01 [derived].
 */
export function desc17_resourcesComeBack(interleaved: boolean): RetSpec {
  return interleaved ? PREP_AGAIN_ILV : PREP_AGAIN;
}
const AGAIN_MSG = 'prep returned NULL on an empty engine although the same prep succeeded before (a leaked descriptor resource)';
const PREP_AGAIN: RetSpec = {
  rule: 'DESC-17', msg: AGAIN_MSG,
  // From any context: a NULL here is the leak, not a context refusal (DESC-2).
  alts: [{ t: 'ok' }], byKind: { err: PREP_ERR, null: { rule: 'DESC-17', msg: AGAIN_MSG } }, covers: PREP_COVERS,
};
const PREP_AGAIN_ILV: RetSpec = { ...PREP_AGAIN, covers: PREP_COVERS_ILV };

/**
 * DESC-3: set callback fields and metadata only between prep and submit.
 * Source: CR §3, §4.
 */
export const desc3_fieldsBeforeSubmit = (cx: Cx, unsubmitted: boolean): Fail | undefined =>
  client(cx, unsubmitted, 'DESC-3', 'callback set after submit');

/**
 * DESC-4: submit every successfully prepared descriptor.
 * Source: CR §3.
 */
export const desc4_preparedSubmitted = (cx: Cx, leftPrepared: boolean): Fail | undefined =>
  client(cx, !leftPrepared, 'DESC-4', 'prepared descriptor never submitted');

/**
 * DESC-5: after submit the descriptor belongs to the engine; the client must not touch it.
 * Source: CR §4 note; CR §3 metadata.
 */
export const desc5_noDerefAfterSubmit = (cx: Cx, clientOwned: boolean): Fail | undefined =>
  client(cx, clientOwned, 'DESC-5', 'descriptor touched after submit');

/**
 * DESC-7: buffers stay valid until completion (or synchronize after terminate).
 * Source: CR §3, §"Further APIs 5".
 */
export const desc7_bufferLivesWhileInFlight = (cx: Cx, inFlight: boolean): Fail | undefined =>
  client(cx, !inFlight, 'DESC-7', 'buffer freed while a transfer uses it');

/**
 * DESC-8: with DMA_PREP_INTERRUPT a completed descriptor's callback is invoked; without it, engine-defined.
 * Source: DH (enum dma_ctrl_flags); drivers.
 */
export const desc8_callbackOwed = (cx: Cx, owedAndMissing: boolean): Fail | undefined =>
  engine(cx, !owedAndMissing, 'DESC-8', 'completed descriptor with DMA_PREP_INTERRUPT never called back');

/**
 * DESC-9: pass DMA_CTRL_ACK for slave descriptors.
 * Source: DH (enum dma_ctrl_flags); PR (DMA_CTRL_ACK).
 */
export const desc9_ack = (cx: Cx, flags: number): Fail | undefined =>
  client(cx, (flags & DMA_CTRL_ACK) !== 0, 'DESC-9', 'prep without DMA_CTRL_ACK');

/**
 * DESC-10: dmaengine_desc_set_reuse returns the caps error, -EPERM without reuse support, else 0.
 * Source: DH (dmaengine_desc_set_reuse).
 */
export function desc10_setReuseRets(capsErr: Errno | undefined, reuse: boolean): RetSpec {
  if (capsErr !== undefined) return { rule: 'DESC-10', msg: 'set_reuse must return the caps error', alts: [{ t: 'err', e: [capsErr] }] };
  return reuse
    ? { rule: 'DESC-10', msg: 'set_reuse with descriptor_reuse must return 0', alts: [{ t: 'int', v: 0 }] }
    : { rule: 'DESC-10', msg: 'set_reuse without descriptor_reuse must return EPERM', alts: [{ t: 'err', e: ['EPERM'] }] };
}

/**
 * DESC-11: dmaengine_desc_free returns -EPERM unless REUSE is set; else frees it (0).
 * Source: DH (dmaengine_desc_free); VC (vchan_tx_desc_free).
 */
export function desc11_descFreeRets(reuse: boolean): RetSpec {
  return reuse
    ? { rule: 'DESC-11', msg: 'desc_free of a REUSE descriptor must return 0', alts: [{ t: 'int', v: 0 }] }
    : { rule: 'DESC-11', msg: 'desc_free without REUSE must return EPERM', alts: [{ t: 'err', e: ['EPERM'] }] };
}

/**
 * DESC-11: a successful desc_free frees the descriptor (desc_freed, not recycled).
 * Source: VC (vchan_tx_desc_free).
 */
export const desc11_freedOnSuccess = (cx: Cx, ok: boolean): Fail | undefined =>
  engine(cx, ok, 'DESC-11', 'desc_free returned 0 without freeing the descriptor');

/**
 * DESC-12: call desc_free only on a reusable descriptor that is not in flight.
 * Source: [derived] VC (vchan_tx_desc_free).
 */
export const desc12_freeNotInFlight = (cx: Cx, inFlight: boolean): Fail | undefined =>
  client(cx, !inFlight, 'DESC-12', 'desc_free of an in-flight descriptor');

/**
 * DESC-13: a REUSE descriptor is recycled (not freed) at completion and terminate; others are freed.
 * Source: PR (DMA_CTRL_REUSE); VH (vchan_vdesc_fini).
 */
export const desc13_reuseRecycled = (cx: Cx, reuse: boolean, recycled: boolean): Fail | undefined =>
  engine(cx, reuse === recycled, 'DESC-13', reuse ? 'REUSE descriptor freed instead of recycled' : 'non-REUSE descriptor recycled');

/**
 * DESC-14: a reusable descriptor must eventually be released (desc_free or channel release).
 * Source: PR (DMA_CTRL_REUSE); VH (vchan_free_chan_resources).
 */
export const desc14_reuseReleased = (cx: Cx, leftOver: boolean): Fail | undefined =>
  client(cx, !leftOver, 'DESC-14', 'REUSE descriptor never released');

/**
 * DESC-15: terminate frees prepared-but-unsubmitted descriptors; the client pointer then dangles.
 * Source: VH (vchan_get_all_descriptors); bcm2835/stm32 terminate_all [derived].
 */
export const desc15_terminateFreesPrepared = (cx: Cx, leftPrepared: boolean): Fail | undefined =>
  engine(cx, !leftPrepared, 'DESC-15', 'prepared descriptor not freed by terminate');

/**
 * DESC-15: a prepared descriptor freed by terminate must not be used.
 * Source: VH (vchan_get_all_descriptors) [derived].
 */
export const desc15_noUseAfterTerminateFree = (cx: Cx, freedByTerminate: boolean): Fail | undefined =>
  client(cx, !freedByTerminate, 'DESC-15', 'descriptor used after terminate freed it');

/**
 * DESC-16: do not resubmit a REUSE descriptor from its own completion callback.
 * Source: VC (vchan_complete) [derived].
 */
export const desc16_noResubmitFromOwnCallback = (cx: Cx, ownCallback: boolean): Fail | undefined =>
  client(cx, !ownCallback, 'DESC-16', 'REUSE descriptor resubmitted from its own callback');
