/**
 * Fault points of the engine that have no mutant in the kill matrix, and why: the
 * certification cannot observe them, because the command generator never makes the
 * call that shows them or the contract makes that call client misuse. Listed so the
 * gap is visible (`dmacheck mutants --list` prints them).
 * @public
 */
import type { FaultName } from '../faults.ts';

/** @public */
export interface ExcludedFault {
  readonly fault: FaultName;
  readonly rules: readonly string[];
  readonly reason: string;
}

/** @public */
export const EXCLUDED_FAULTS: readonly ExcludedFault[] = [
  { fault: 'status-odd-cookie', rules: ['STAT-2'], reason: 'querying a zero, negative or never-returned cookie is client UB (STAT-2), so the engine answer is never judged' },
  { fault: 'set-reuse-no-check', rules: ['DESC-10'], reason: 'the generator calls set_reuse only on channels with descriptor_reuse (CAPS-5)' },
  { fault: 'desc-free-no-check', rules: ['DESC-11'], reason: 'the generator calls desc_free only on REUSE descriptors' },
  { fault: 'config-no-enosys', rules: ['CFG-3'], reason: 'generated configurations always have device_config' },
  { fault: 'request-null', rules: ['CH-1'], reason: 'the generator requests only free, existing channels, so no request fails' },
  { fault: 'request-not-exclusive', rules: ['CH-2'], reason: 'the generator never requests a channel it already holds' },
  {
    fault: 'sync-no-tasklet-wait', rules: ['SYNC-5', 'SYNC-4'],
    reason: 'the generator calls synchronize only right after a terminate, which already dropped every owed callback; synchronize with a completion tasklet pending and no terminate (legal on a non-cyclic channel, 7 steps) is never generated',
  },
  { fault: 'meta-mode-mix', rules: ['META-2'], reason: 'the generator never mixes CLIENT and ENGINE metadata calls on one descriptor' },
];
