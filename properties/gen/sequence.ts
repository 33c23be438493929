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

/** Weighted arbitrary of single commands. @public */
export function commandArb(o: SequenceOptions): fc.Arbitrary<DmaCommand> {
  const rows = activeSpecs(o).map((s) => ({
    arbitrary: s.arb,
    weight: s.weight * (o.focus !== undefined && s.groups.includes(o.focus) ? 4 : 1),
  }));
  return fc.oneof(...rows);
}

/** fast-check `commands` over the table (shrinks by dropping commands, then arguments). @public */
export function sequenceArb(o: SequenceOptions): fc.Arbitrary<Iterable<fc.Command<Lockstep, Lockstep>>> {
  return fc.commands([commandArb(o)], { maxCommands: o.maxCommands ?? 60, size: 'max' });
}
