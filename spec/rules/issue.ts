/**
 * Submit and issue rules (SUB, ISS). Fact sheet §2.8, §2.9.
 * @public
 */
import { client, engine, type Cx, type Fail } from './require.ts';

/**
 * SUB-1: dmaengine_submit queues and assigns a cookie but never starts the transfer.
 * Source: CR §4.
 */
export const sub1_noStartOnSubmit = (cx: Cx, started: boolean): Fail | undefined =>
  engine(cx, !started, 'SUB-1', 'hardware started by submit');

/**
 * SUB-2: after a failed submit do not touch the descriptor again.
 * Source: DH; xilinx_dma.c (xilinx_dma_tx_submit) [derived].
 */
export const sub2_noTouchAfterFailedSubmit = (cx: Cx, failed: boolean): Fail | undefined =>
  client(cx, !failed, 'SUB-2', 'descriptor touched after a failed submit');

/**
 * SUB-3: [vchan] submit cannot fail; a submit that freed the descriptor must report an error.
 * Source: VC (vchan_tx_submit).
 */
export const sub3_freedOnlyOnFailure = (cx: Cx, freedButCookie: boolean): Fail | undefined =>
  engine(cx, !freedButCookie, 'SUB-3', 'submit freed the descriptor but returned a cookie');

/**
 * ISS-1: nothing runs until issue_pending: only issued descriptors start, only in issue/completion paths.
 * Source: CR §4, §5.
 */
export const iss1_onlyIssuedStart = (cx: Cx, ok: boolean, what: string): Fail | undefined =>
  engine(cx, ok, 'ISS-1', what);

/**
 * ISS-2: issue_pending moves submitted work to the active queue and starts the head if the channel is idle.
 * Source: CR §5; PR (device_issue_pending); VH.
 */
export const iss2_startWhenIdle = (cx: Cx, started: boolean): Fail | undefined =>
  engine(cx, started, 'ISS-2', 'issue_pending left an idle channel with issued work');

/**
 * ISS-3: transfers execute one after another in issue order; each completion raises the IRQ, starts the next, triggers the tasklet.
 * Source: CR §5; PR (device_issue_pending).
 */
export const iss3_order = (cx: Cx, ok: boolean, what: string): Fail | undefined =>
  engine(cx, ok, 'ISS-3', what);

/**
 * ISS-4: [vchan] issue_pending with an empty submit queue does nothing.
 * Source: VH; pl330.c.
 */
export const iss4_emptyIssueNoop = (cx: Cx, quiet: boolean): Fail | undefined =>
  engine(cx, quiet, 'ISS-4', 'issue_pending with nothing submitted did something');

/**
 * ISS-5: while a cyclic transfer is active later issued transfers do not run.
 * Source: CR §3 (dma_cyclic); DH [derived].
 */
export const iss5_cyclicBlocksQueue = (cx: Cx, blocked: boolean): Fail | undefined =>
  engine(cx, !blocked, 'ISS-5', 'descriptor started while a cyclic transfer runs');
