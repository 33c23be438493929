/**
 * Pause/resume rules (PAUSE). Fact sheet §2.13.
 * @public
 */
import { client, engine, type Cx, type Fail } from './require.ts';
import type { RetSpec } from './ret-spec.ts';

/**
 * PAUSE-1/2/6: pause returns -ENOSYS without the op; pausing a running channel succeeds; an idle one gives 0 or -EPERM.
 * Source: DH; CR §"Further APIs 2"; stm32-dma.c; pl330.c.
 */
export function pause1_pauseRets(capPause: boolean, busy: boolean): RetSpec {
  if (!capPause) return { rule: 'PAUSE-1', msg: 'pause without device_pause must return ENOSYS', alts: [{ t: 'err', e: ['ENOSYS'] }] };
  return busy ? PAUSE_BUSY : PAUSE_IDLE;
}
const PAUSE_BUSY: RetSpec = { rule: 'PAUSE-2', msg: 'pause of a running channel must return 0', alts: [{ t: 'int', v: 0 }], covers: ['PAUSE-1'] };
const PAUSE_IDLE: RetSpec = { rule: 'PAUSE-6', msg: 'pause of an idle channel returns 0 or EPERM', alts: [{ t: 'int', v: 0 }, { t: 'err', e: ['EPERM'] }], covers: ['PAUSE-1'] };

/**
 * PAUSE-1/2/3: resume returns -ENOSYS without the op; resuming a paused channel succeeds; otherwise 0 or -EPERM.
 * Source: DH; CR §"Further APIs 3"; stm32-dma.c.
 */
export function pause1_resumeRets(capResume: boolean, paused: boolean): RetSpec {
  if (!capResume) return { rule: 'PAUSE-1', msg: 'resume without device_resume must return ENOSYS', alts: [{ t: 'err', e: ['ENOSYS'] }] };
  return paused ? RESUME_PAUSED : RESUME_RUNNING;
}
const RESUME_PAUSED: RetSpec = { rule: 'PAUSE-2', msg: 'resume of a paused channel must return 0', alts: [{ t: 'int', v: 0 }], covers: ['PAUSE-1'] };
const RESUME_RUNNING: RetSpec = { rule: 'PAUSE-3', msg: 'resume of a channel not paused returns 0 or EPERM', alts: [{ t: 'int', v: 0 }, { t: 'err', e: ['EPERM'] }], covers: ['PAUSE-1'] };

/**
 * PAUSE-2: pause stops channel activity immediately and without data loss.
 * Source: CR §"Further APIs 2, 3"; PR (device_pause, device_resume).
 */
export const pause2_noMovementWhilePaused = (cx: Cx, paused: boolean): Fail | undefined =>
  engine(cx, !paused, 'PAUSE-2', 'data moved while paused');

/**
 * PAUSE-3: resuming a channel that is not paused is invalid.
 * Source: CR §"Further APIs 3"; stm32-dma.c.
 */
export const pause3_resumeOnlyPaused = (cx: Cx, paused: boolean): Fail | undefined =>
  client(cx, paused, 'PAUSE-3', 'resume of a channel that is not paused');

/**
 * PAUSE-4: while paused no descriptor completes.
 * Source: stm32-dma.c (stm32_dma_chan_irq); pl330.c [practice].
 */
export const pause4_noCompleteWhilePaused = (cx: Cx, paused: boolean): Fail | undefined =>
  engine(cx, !paused, 'PAUSE-4', 'descriptor completed while paused');

/**
 * PAUSE-5: pause acts on the channel: queued work does not start while it is paused.
 * Source: PR; drivers [derived].
 */
export const pause5_channelWide = (cx: Cx, paused: boolean): Fail | undefined =>
  engine(cx, !paused, 'PAUSE-5', 'descriptor started while the channel is paused');
