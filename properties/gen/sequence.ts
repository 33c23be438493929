/**
 * Command-sequence arbitraries over the command table: weighted, filtered by the
 * implementation's profile, optionally focused on one rule group, optionally with misuse.
 * @public
 */
import fc from 'fast-check';
import type { CapabilityProfile } from '../../spec/api/index.ts';
import { COMMANDS, type CommandSpec, type DmaCommand } from '../commands/index.ts';
import { MISUSE_COMMANDS } from '../commands/misuse/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Mode } from '../lockstep/step.ts';
import { ABORTED_STATUS_ROW_WEIGHT, abortedStatusArb } from './aborted-status.ts';
import { RACY_ROW_WEIGHT, racyCallArb } from './racy.ts';

/** @public */
export interface SequenceOptions {
  readonly profile: CapabilityProfile;
  readonly mode: Mode;
  /** Rule group to weight generation towards (e.g. 'SYNC'). */
  readonly focus?: string | undefined;
  readonly maxCommands?: number;
}

/** The table rows generated for this profile and mode. @public */
export function activeSpecs(o: SequenceOptions): CommandSpec[] {
  const rows = o.mode === 'misuse' ? [...COMMANDS, ...MISUSE_COMMANDS] : [...COMMANDS];
  return rows.filter((s) => s.needs === undefined || o.profile[s.needs]);
}

/** Groups the racy row exercises (it is weighted up when focusing on one). */
const RACY_GROUPS: readonly string[] = ['TERM', 'SYNC', 'CB'];

/** Groups the aborted-status row exercises. */
const ABORTED_STATUS_GROUPS: readonly string[] = ['STAT', 'CK'];

/**
 * Weighted arbitrary of single commands, plus the state-gated rows: racy region
 * (gen/racy.ts) and aborted status (gen/aborted-status.ts).
 * @public
 */
export function commandArb(o: SequenceOptions): fc.Arbitrary<DmaCommand> {
  const boost = (groups: readonly string[]) => (o.focus !== undefined && groups.includes(o.focus) ? 4 : 1);
  const rows = activeSpecs(o).map((s) => ({ arbitrary: s.arb, weight: s.weight * boost(s.groups) }));
  return fc.oneof(
    ...rows,
    { arbitrary: racyCallArb(o.profile), weight: RACY_ROW_WEIGHT * boost(RACY_GROUPS) },
    { arbitrary: abortedStatusArb, weight: ABORTED_STATUS_ROW_WEIGHT * boost(ABORTED_STATUS_GROUPS) },
  );
}

/** fast-check `commands` over the table (shrinks by dropping commands, then arguments). @public */
export function sequenceArb(o: SequenceOptions): fc.Arbitrary<Iterable<fc.Command<Lockstep, Lockstep>>> {
  return fc.commands([commandArb(o)], { maxCommands: o.maxCommands ?? 60, size: 'max' });
}
