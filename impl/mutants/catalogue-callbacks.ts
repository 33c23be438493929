/**
 * Mutants of callback delivery: context, locking, ordering against completion, freeing
 * (bug classes 1, 2, 9, 10, 14, 15, 17; CB-1..CB-16, DESC-8, ISS-3).
 * @internal
 */
import { CLS, obligation } from './classes.ts';
import type { MutantSpec } from './spec.ts';
import { ACK_ONLY, advance, cyclic, irq, issue, RX, setCb, sg, submit, terminateSync, TX } from './steps.ts';

export const CALLBACK_MUTANTS: readonly MutantSpec[] = [
  {
    name: 'cb-lock-held', faults: ['cb-lock-held'], bugClass: CLS.lockHeld, rules: ['CB-2'],
    description: 'The tasklet calls the client callback with the channel lock held.',
    trigger: { steps: [sg(1, TX, 8), setCb(1)] },
  },
  {
    name: 'cb-hardirq', faults: ['cb-hardirq'], bugClass: CLS.hardIrq, rules: ['CB-1'],
    description: 'The hard-IRQ handler runs the completion tasklet body itself, so callbacks run in hardirq context.',
    trigger: { steps: [sg(1, TX, 8), setCb(1)] },
  },
  {
    name: 'complete-after-cb', faults: ['complete-after-cb'], bugClass: obligation('Callback before the cookie reads complete'),
    rules: ['CB-8', 'STAT-9', 'ISS-3'],
    description: 'The cookie is marked complete by the tasklet after the callback instead of by the IRQ path before it.',
    why: 'The model first sees the IRQ handler finish a descriptor without completing it, which ISS-3 names (each completion is signalled by its interrupt).',
    trigger: { steps: [sg(1, TX, 8)] },
  },
  {
    name: 'callback-result-ignored', faults: ['callback-result-ignored'], bugClass: obligation('callback_result ignored'),
    rules: ['CB-7', 'CB-16'],
    description: 'Only desc->callback is ever called; a callback_result-only descriptor gets no callback at all.',
    why: 'With only callback_result set nothing is invoked and the descriptor is freed while its callback is still owed, which the model names CB-16.',
    trigger: { steps: [sg(1, TX, 8), setCb(1, { kind: 'none' }, 'callback_result')] },
  },
  {
    name: 'free-before-cb', faults: ['free-before-cb'], bugClass: CLS.freedBeforeCb, rules: ['CB-16'],
    description: 'The tasklet frees (vdesc_fini) a completed descriptor before invoking its callback.',
    trigger: { steps: [sg(1, TX, 8), setCb(1)] },
  },
  {
    name: 'period-cb-lost', faults: ['period-cb-lost'], bugClass: CLS.periodCb, rules: ['CB-11', 'CYC-3', 'ISS-3'],
    description: 'Every other period interrupt forgets to schedule the period callback.',
    why: 'The period interrupt that forgets its callback schedules no tasklet, which ISS-3 names (each completion triggers the tasklet).',
    trigger: { steps: [cyclic(1, RX, 32, 8)] },
  },
  {
    name: 'period-cb-doubled', faults: ['period-cb-doubled'], bugClass: CLS.periodCb, rules: ['CB-11'],
    description: 'One tasklet run makes one period callback per period interrupt instead of at most one.',
    trigger: { steps: [cyclic(1, RX, 32, 8), setCb(1)] },
  },
  {
    name: 'cb-on-abort', faults: ['cb-on-abort'], bugClass: CLS.cbOnAbort, rules: ['CB-12', 'TERM-9'],
    why: 'The aborted descriptors are queued for a callback instead of being released, so terminate returns with them unreleased (TERM-9).',
    description: 'Terminate queues the submitted, issued and running descriptors for a DMA_TRANS_ABORTED callback instead of freeing them (at_hdmac before its fix).',
    // d1's callback terminates the channel while d2 runs (found by certify in 3 steps, shorter than submit, issue, terminate)
    trigger: { steps: [sg(1, TX, 8), setCb(1, { kind: 'terminate_async' }), sg(2, TX, 8)] },
  },
  {
    name: 'interrupt-flag-inverted', faults: ['interrupt-flag-inverted'], bugClass: CLS.interruptFlag, rules: ['DESC-8', 'CB-16'],
    description: 'The completion path tests DMA_PREP_INTERRUPT upside down: a descriptor that asked for an interrupt gets no callback and is freed.',
    why: 'The skipped descriptor is freed while its callback is still owed, which the model sees first and names CB-16.',
    trigger: { steps: [sg(1, TX, 8), setCb(1)] },
  },
  {
    name: 'terminate-frees-active', faults: ['terminate-frees-active'], bugClass: CLS.freedInTerminate, rules: ['CB-12', 'CB-16'],
    description: 'Terminate frees the running cyclic descriptor at once (desc_free, not vchan_terminate_vdesc) and leaves vc->cyclic naming it, so the pending period callback runs on the freed, aborted descriptor.',
    why: 'The period callback the tasklet makes is for a descriptor the terminate aborted (CB-12); a model that checks the free first names CB-16.',
    trigger: { steps: [cyclic(1, RX, 32, 8), setCb(1), submit(1), issue(RX), advance(2), irq(RX), terminateSync(RX)] },
  },
  {
    name: 'irq-suppressed-without-flag', faults: ['irq-suppressed-without-flag'], bugClass: CLS.interruptFlag, rules: ['ISS-3'],
    description: 'Without DMA_PREP_INTERRUPT the driver enables no completion interrupt, so a polled transfer never completes and the queue behind it stalls (omap-dma before b96c033cc8fa).',
    trigger: { steps: [sg(1, TX, 8, ACK_ONLY)] },
  },
];
