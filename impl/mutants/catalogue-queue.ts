/**
 * Mutants of submission, issue, termination, synchronize and release (bug classes 4,
 * 7, 16, 18, 19, 20, 22, 23, 24, 39, 40; SUB, ISS, TERM, SYNC, CH, CK).
 * @internal
 */
import { CLS } from './classes.ts';
import type { MutantSpec } from './spec.ts';
import {
  advance, cyclic, irq, issue, pause, release, request, setCb, setReuse, sg, submit, synchronize, terminateAsync, terminateSync, TX,
} from './steps.ts';

export const QUEUE_MUTANTS: readonly MutantSpec[] = [
  {
    name: 'start-on-submit', faults: ['start-on-submit'], bugClass: CLS.startOnSubmit, rules: ['SUB-1', 'PROV-4'],
    description: 'tx_submit starts the transfer at once when the channel is idle.',
    trigger: { steps: [sg(1, TX, 8)] },
  },
  {
    name: 'start-unissued', faults: ['start-unissued'], bugClass: CLS.startOnSubmit, rules: ['ISS-1', 'ISS-3'],
    description: 'A completion also starts descriptors that were submitted but never issued.',
    trigger: { steps: [sg(1, TX, 8), submit(1), issue(TX), sg(2, TX, 8), submit(2)] },
  },
  {
    name: 'double-complete', faults: ['double-complete'], bugClass: CLS.wrongDesc, rules: ['CK-4'],
    description: 'The IRQ handler marks the finished descriptor complete twice.',
    trigger: { steps: [sg(1, TX, 8)] },
  },
  {
    name: 'out-of-order-completion', faults: ['out-of-order-completion'], bugClass: CLS.outOfOrder, rules: ['ISS-3', 'CK-5'],
    description: 'The driver starts the newest issued descriptor first without declaring DMA_COMPLETION_NO_ORDER.',
    // the end of the run submits both and issues them together; the newer one starts first
    trigger: { steps: [sg(1, TX, 8), sg(2, TX, 8)] },
  },
  {
    name: 'resurrect-after-terminate', faults: ['resurrect-after-terminate'], bugClass: CLS.resurrection, rules: ['TERM-7', 'TERM-9', 'ISS-1'],
    description: 'Terminate stops only the active transfer; queued descriptors stay and are started again.',
    why: 'A kept descriptor that was only submitted is restarted without issue_pending, which the model names ISS-1.',
    trigger: { steps: [sg(1, TX, 8), submit(1), terminateAsync(TX)] },
  },
  {
    name: 'write-after-sync', faults: ['write-after-sync'], bugClass: CLS.afterSync, rules: ['SYNC-4', 'TERM-7'],
    description: 'Terminate forgets the active descriptor without stopping the hardware, which keeps moving data.',
    // d1's callback terminates the channel while d2 runs; d2 keeps moving (found by certify in 3 steps)
    trigger: { steps: [sg(1, TX, 8), setCb(1, { kind: 'terminate_async' }), sg(2, TX, 8)] },
  },
  {
    name: 'terminate-no-free', faults: ['terminate-no-free'], bugClass: CLS.termLeak, rules: ['TERM-9'],
    description: 'Terminate drops the active descriptor on no list: it is never freed, not even at synchronize.',
    // the end of the run gives the REUSE descriptor back with terminate_sync while the cyclic one runs (found by certify)
    trigger: { steps: [cyclic(1, TX, 64, 64), setReuse(1)] },
  },
  {
    name: 'terminate-keeps-paused', faults: ['terminate-keeps-paused'], bugClass: CLS.pausedTerminate, rules: ['TERM-11', 'ISS-2'],
    description: 'Terminate of a paused channel leaves it paused, so new work never starts.',
    why: 'The stuck pause shows when issue_pending leaves the idle channel with issued work (ISS-2).',
    trigger: { steps: [pause(TX), terminateSync(TX), sg(1, TX, 8)] },
  },
  {
    name: 'sync-frees-new-work', faults: ['sync-frees-new-work'], bugClass: CLS.terminateRace, rules: ['TERM-9', 'TERM-10'],
    description: 'The deferred cleanup that synchronize waits for gathers every descriptor of the channel, so work prepared or submitted after terminate_async is freed too (imx-sdma worker).',
    why: 'The model sees a descriptor freed while the client still owns it (TERM-9: terminate releases what was queued at the terminate, nothing else); TERM-10 is the new work the channel failed to take.',
    // synchronize alone runs the cleanup too, which frees the prepared d1 (found by certify in 2 steps)
    trigger: { steps: [sg(1, TX, 8), synchronize(TX)] },
  },
  {
    name: 'terminate-resets-cookies', faults: ['terminate-resets-cookies'], bugClass: CLS.cookieAfterTerminate, rules: ['TERM-10', 'CK-2', 'CK-3'],
    description: 'Terminate re-initialises the cookie counter (dma_cookie_init), so the first submit after it hands out a cookie already used.',
    why: 'The repeated cookie breaks the predecessor-plus-one sequence (CK-2) and cookie uniqueness (CK-3); the model names it TERM-10 (cookies carry on after terminate).',
    trigger: { steps: [sg(1, TX, 8), submit(1), terminateSync(TX), sg(2, TX, 8)] },
  },
  {
    name: 'release-tasklet-live', faults: ['release-tasklet-live'], bugClass: CLS.tasklet, rules: ['CH-6', 'SYNC-5'],
    description: 'Release skips device_synchronize and leaves the completion tasklet scheduled: owed callbacks are dropped at release and a stale one may run after it.',
    why: 'The first thing the model sees is the release freeing a completed descriptor whose callback was owed (CH-6: release synchronizes first); SYNC-5 is the tasklet it failed to wait for.',
    trigger: { steps: [sg(1, TX, 8), setCb(1), submit(1), issue(TX), advance(8), irq(TX), release(TX)] },
  },
  {
    name: 'issue-restarts-active', faults: ['issue-restarts-active'], bugClass: CLS.wrongDesc, rules: ['ISS-1', 'ISS-3', 'DATA-8'],
    description: 'issue_pending reprograms the channel with the descriptor it is already running, which starts again from its first byte (pl330 0091b9d6c1ef).',
    why: 'The model first sees hw_start of a descriptor that is running rather than issued (ISS-1); the repeated bytes would break DATA-8 and the issue order ISS-3.',
    trigger: { steps: [sg(1, TX, 16), submit(1), issue(TX), sg(2, TX, 8)] },
  },
  {
    name: 'sync-no-tasklet-wait', faults: ['sync-no-tasklet-wait'], bugClass: CLS.afterSync, rules: ['SYNC-5', 'SYNC-4', 'CH-6'],
    description: 'vchan_synchronize does not wait for (kill) the scheduled completion tasklet, so owed callbacks run after it returns or are lost.',
    why: 'Release synchronizes before freeing; without the tasklet flush it frees a completed descriptor whose callback was owed, which the model names CH-6.',
    trigger: { steps: [sg(1, TX, 8), setCb(1), submit(1), issue(TX), advance(8), irq(TX), release(TX)] },
  },
  {
    name: 'request-null', faults: ['request-null'], bugClass: CLS.requestErr, rules: ['CH-1'],
    description: 'dma_request_chan returns NULL instead of an ERR_PTR when no channel matches.',
    trigger: { steps: [request('nope')] },
  },
  {
    name: 'request-not-exclusive', faults: ['request-not-exclusive'], bugClass: CLS.requestErr, rules: ['CH-2'],
    description: 'A slave channel the client already holds is handed out again instead of being skipped as busy.',
    trigger: { steps: [request('tx')] },
  },
];
