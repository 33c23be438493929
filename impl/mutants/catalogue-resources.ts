/**
 * Mutants of resources, channel hand-over and lock balance (issue 12): a hardware
 * descriptor pool that leaks (DESC-17), a channel that keeps its previous holder's state
 * (CH-10), and lock paths that return with the channel lock held or take it twice
 * (PROV-8). Each follows a real driver fix or a pattern of them.
 * @internal
 */
import { obligation } from './classes.ts';
import type { BugClass, MutantSpec } from './spec.ts';
import { issue, pause, release, request, sg, status, submit, terminateAsync, terminateSync, TX } from './steps.ts';

/** Resource leaks: an entry of a finite pool never given back. */
const LEAK: BugClass = obligation('Descriptor resources leak until every prep fails');
/** State of one holder seen by the next. */
const STALE: BugClass = obligation('Channel state survives release');
/** Lock imbalance: recursion or a lock held on return. */
const LOCK: BugClass = obligation('Channel lock not balanced');

/** A one-slot pool: the second prep in a row fails, so one leaked slot shows at once. */
const ONE_SLOT = { choices: { descSlots: 1 } } as const;

export const RESOURCE_MUTANTS: readonly MutantSpec[] = [
  {
    name: 'pool-leak-unsubmitted', faults: ['pool-leak-unsubmitted'], bugClass: LEAK, rules: ['DESC-17'],
    description: 'Prep takes a hardware descriptor from a fixed pool and only the completion path gives it back: a prepared descriptor abandoned by terminate, release or desc_free leaks it (the leak class of imx-sdma "Fix memory leak" and apple-admac "Fix current_tx not getting freed").',
    trigger: { config: ONE_SLOT, steps: [sg(1, TX, 8), terminateSync(TX), sg(2, TX, 8)] },
  },
  {
    name: 'pool-leak-terminated-active', faults: ['pool-leak-terminated-active'], bugClass: LEAK, rules: ['DESC-17'],
    description: 'Terminate frees the running descriptor without giving back its hardware descriptor (tegra186-gpc-dma a7a7ee6f5a01 "Fix memory leak in terminate_all()").',
    trigger: { config: ONE_SLOT, steps: [sg(1, TX, 8), submit(1), issue(TX), terminateSync(TX), sg(2, TX, 8)] },
  },
  {
    name: 'config-survives-release', faults: ['config-survives-release'], bugClass: STALE, rules: ['CH-10'],
    description: 'device_free_chan_resources keeps the slave config, so the next holder\'s unconfigured preps use the previous holder\'s width (stm32-dma 5d4d4dfbda18: the channel config was not reset at free_chan_resources).',
    // The harness submits and issues what a trigger leaves prepared, then runs the engine to quiescence.
    trigger: { steps: [release(TX), request('tx'), sg(1, TX, 8)] },
  },
  {
    name: 'pause-survives-release', faults: ['pause-survives-release'], bugClass: STALE, rules: ['CH-10', 'ISS-2'],
    description: 'device_free_chan_resources leaves the channel paused: the next holder\'s issue_pending starts nothing.',
    why: 'The stale pause shows as the first issue_pending of the new holder that starts nothing (ISS-2); the model cannot tell it from any other failure to start.',
    trigger: { steps: [pause(TX), release(TX), request('tx'), sg(1, TX, 8)] },
  },
  {
    name: 'prep-returns-locked', faults: ['prep-returns-locked'], bugClass: LOCK, rules: ['PROV-8'],
    description: 'Prep takes the channel lock to get a hardware descriptor and its pool-full error path returns NULL without the unlock (smatch "inconsistent returns" fixes across drivers/dma).',
    trigger: { config: ONE_SLOT, steps: [sg(1, TX, 8), sg(2, TX, 8)] },
  },
  {
    name: 'issue-pending-relock', faults: ['issue-pending-relock'], bugClass: LOCK, rules: ['PROV-8'],
    description: 'issue_pending calls a start helper that takes the channel lock it already holds (coh901318 "Fix a double lock bug in dma_tc_handle()").',
    trigger: { steps: [sg(1, TX, 8)] },
  },
  {
    name: 'tx-status-leaks-lock', faults: ['tx-status-leaks-lock'], bugClass: LOCK, rules: ['PROV-8'],
    description: 'tx_status returns early from its residue look-up, with the channel lock held, when the cookie is on no list (e.g. aborted); mtk-cqdma 157ae5ffd76a fixed the locking of the same look-up.',
    trigger: { steps: [sg(1, TX, 8), submit(1), terminateSync(TX), status(TX, 2)] },
  },
  {
    name: 'terminate-idle-leaks-lock', faults: ['terminate-idle-leaks-lock'], bugClass: LOCK, rules: ['PROV-8'],
    description: 'Terminate of an idle channel takes a "nothing to stop" early return that forgets the unlock.',
    trigger: { steps: [terminateAsync(TX)] },
  },
];
