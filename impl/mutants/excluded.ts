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
  {
    fault: 'meta-mode-mix', rules: ['META-2'],
    reason: 'the misuse phase never mixes modes: in 2000 misuse runs (seed 42) the model saw no META-2 misuse, because mix_metadata needs a prepared descriptor with a fixed mode on a channel where metadata_supported of the other mode returned true (drawn about 0.2 times per run); the model names it on the trigger metadata_supported x2, prep, attach_metadata, get_metadata_ptr',
  },
  { fault: 'status-odd-cookie', rules: ['STAT-2'], reason: 'querying a zero, negative or never-returned cookie is client UB (STAT-2), so the engine answer is never judged' },
];
