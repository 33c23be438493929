/**
 * Mutant engines: the built-in engine with one documented fault switched on (rarely a
 * tiny combination), each reproducing a bug class of bug-classes.md or breaking one
 * engine obligation of the rule catalogue. `dmacheck certify --impl mutant:<name>`
 * loads one through {@link createMutant}; `dmacheck mutants` kills them all.
 * @public
 */
import type { Implementation } from '../../spec/api/index.ts';
import { createBuiltinEngine } from '../index.ts';
import { CALLBACK_MUTANTS } from './catalogue-callbacks.ts';
import { DESC_MUTANTS } from './catalogue-desc.ts';
import { QUEUE_MUTANTS } from './catalogue-queue.ts';
import { RESOURCE_MUTANTS } from './catalogue-resources.ts';
import { STATUS_MUTANTS } from './catalogue-status.ts';
import type { MutantSpec } from './spec.ts';

export type { BugClass, MutantSpec, Trigger, TriggerConfig, TriggerStep } from './spec.ts';
export { EXCLUDED_FAULTS, type ExcludedFault } from './excluded.ts';

/** Every mutant, grouped by area. @public */
export const MUTANTS: readonly MutantSpec[] = [...CALLBACK_MUTANTS, ...QUEUE_MUTANTS, ...STATUS_MUTANTS, ...DESC_MUTANTS, ...RESOURCE_MUTANTS];

/** The mutant declared under `name`, or undefined. @public */
export function mutantSpec(name: string): MutantSpec | undefined {
  return MUTANTS.find((m) => m.name === name);
}

/** The mutant engine `mutant:<name>`, or undefined for an unknown name. @public */
export function createMutant(name: string): Implementation | undefined {
  const spec = mutantSpec(name);
  return spec === undefined ? undefined : createBuiltinEngine({ faults: new Set(spec.faults), name: `mutant:${spec.name}` });
}
