/**
 * Mutants of cookies, status, residue, pause and cyclic transfers (bug classes 10, 11,
 * 24, 26, 30, 31; CK, STAT, PAUSE, CYC).
 * @internal
 */
import { CLS, obligation } from './classes.ts';
import type { MutantSpec } from './spec.ts';
import {
  advance, cyclic, interleaved, issue, LOAD_EOT_FLAGS, pause, REPEAT_FLAGS, resume, RX, sg, status, submit, TX,
} from './steps.ts';

const INT_MAX = 0x7fffffff;

export const STATUS_MUTANTS: readonly MutantSpec[] = [
  {
    name: 'cookie-wrap-wrong', faults: ['cookie-wrap-wrong'], bugClass: obligation('Cookie wrap-around'), rules: ['CK-2', 'CK-1'],
    description: 'Cookie assignment forgets the INT_MAX wrap and hands out negative cookies.',
    why: 'The unwrapped cookie is negative, which the model may name CK-1 (a request cookie is >= 1).',
    trigger: { config: { cookieInit: INT_MAX }, steps: [sg(1, TX, 8)] },
  },
  {
    name: 'cookie-off-by-one', faults: ['cookie-off-by-one'], bugClass: obligation('First cookie after dma_cookie_init'), rules: ['CK-2', 'CH-9'],
    description: 'The first cookie after init equals cookieInit instead of cookieInit+1.',
    trigger: { steps: [sg(1, TX, 8)] },
  },
  {
    name: 'cookie-repeat', faults: ['cookie-repeat'], bugClass: obligation('Cookies in submit order'), rules: ['CK-3', 'CK-2'],
    description: 'Submit does not advance the cookie counter, so two descriptors share a cookie.',
    trigger: { steps: [sg(1, TX, 8), sg(2, TX, 8)] },
  },
  {
    name: 'residue-wrong-cookie', faults: ['residue-wrong-cookie'], bugClass: CLS.residue, rules: ['STAT-6', 'STAT-12'],
    description: 'tx_status reports the residue of the running transfer whatever cookie is asked about.',
    trigger: { steps: [sg(1, TX, 16), submit(1), issue(TX), sg(2, TX, 8), submit(2), status(TX, 3)] },
  },
  {
    name: 'residue-growing', faults: ['residue-growing'], bugClass: CLS.residue, rules: ['STAT-6'],
    description: 'Residue reports the bytes moved instead of the bytes left, so it grows.',
    trigger: { steps: [sg(1, TX, 8), submit(1), issue(TX), status(TX, 2)] },
  },
  {
    name: 'pause-loses-bytes', faults: ['pause-loses-bytes'], bugClass: CLS.pauseLoses, rules: ['PAUSE-2', 'DATA-8'],
    description: 'Resume skips the data that was in flight when the channel was paused.',
    why: 'PAUSE-2 says pause stops the channel without data loss; the model sees the loss when the next xfer starts past where the last one ended, a byte-integrity failure (DATA-8: nothing lost, in order).',
    trigger: { steps: [sg(1, TX, 8), submit(1), issue(TX), pause(TX), resume(TX)] },
  },
  {
    name: 'resume-restarts-desc', faults: ['resume-restarts-desc'], bugClass: CLS.pauseState, rules: ['PAUSE-2', 'DATA-8', 'CYC-9', 'CYC-1'],
    description: 'Resume reloads the channel from the start of the running descriptor (link register not restored), so bytes already moved are moved again.',
    why: 'PAUSE-2: pause and resume lose and repeat nothing; the model sees the next xfer start before where the last one ended, a byte-integrity failure (DATA-8), or, on a slave transfer flagged DMA_PREP_REPEAT (ignored there), bytes past its end (CYC-9), or, on a cyclic descriptor, a ring that restarts at its first period instead of going round (CYC-1).',
    // gated since advance also moves part of a running transfer (properties/commands/advance.ts): killed at seeds 42 and 1..9
    trigger: { steps: [sg(1, TX, 16), submit(1), issue(TX), advance(1), pause(TX), resume(TX)] },
  },
  {
    name: 'pause-no-stop', faults: ['pause-no-stop'], bugClass: CLS.pauseState, rules: ['PAUSE-2', 'PAUSE-4'],
    description: 'Pause returns 0 but the hardware keeps moving and completing.',
    trigger: { steps: [sg(1, TX, 8), submit(1), issue(TX), pause(TX)] },
  },
  {
    name: 'issue-while-paused', faults: ['issue-while-paused'], bugClass: CLS.pauseState, rules: ['PAUSE-5', 'PAUSE-4', 'PAUSE-2'],
    description: 'issue_pending starts new work on a paused channel.',
    trigger: { steps: [pause(TX), sg(1, TX, 8)] },
  },
  {
    name: 'cyclic-complete', faults: ['cyclic-complete'], bugClass: CLS.cyclicComplete, rules: ['CYC-4'],
    description: 'Each period of a cyclic transfer marks its cookie complete.',
    trigger: { steps: [cyclic(1, RX, 32, 8)] },
  },
  {
    name: 'cyclic-stops', faults: ['cyclic-stops'], bugClass: CLS.cyclicComplete, rules: ['CYC-1', 'CYC-4'],
    description: 'A cyclic transfer stops after one pass and completes like a one-shot.',
    trigger: { steps: [cyclic(1, RX, 32, 8)] },
  },
  {
    name: 'repeat-without-cap', faults: ['repeat-without-cap'], bugClass: obligation('DMA_PREP_REPEAT without DMA_REPEAT'), rules: ['CYC-6'],
    description: 'Interleaved prep accepts DMA_PREP_REPEAT although the device lacks DMA_REPEAT.',
    trigger: { config: { caps: { repeat: false, loadEot: false } }, steps: [interleaved(1, RX, 8, REPEAT_FLAGS)] },
  },
  {
    name: 'load-eot-ignored', faults: ['load-eot-ignored'], bugClass: obligation('DMA_PREP_LOAD_EOT replaces a repeated transfer'), rules: ['CYC-7'],
    description: 'A DMA_PREP_LOAD_EOT descriptor issued behind a DMA_PREP_REPEAT one never takes over: the repeated transfer starts another repetition.',
    // the end of the run submits d1 then d2 and issues them: d2 is queued behind the repeated d1 (found by certify in 2 steps)
    trigger: { steps: [interleaved(1, TX, 8, REPEAT_FLAGS), interleaved(2, TX, 8, LOAD_EOT_FLAGS)] },
  },
];
