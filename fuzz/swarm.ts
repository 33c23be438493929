/**
 * Swarm testing (Groce et al., ISSTA 2012): each sequence enables a random subset of the
 * command kinds and of the callback actions, so that runs which never pause, or never
 * chain from a callback, reach states a uniform mix of everything dilutes away. A few
 * kinds are always on, or nothing would ever move.
 * @public
 */
import type { CallbackAction, CapabilityProfile } from '../spec/api/index.ts';
import { COMMANDS, type CommandSpec } from '../properties/commands/index.ts';
import { MISUSE_COMMANDS } from '../properties/commands/misuse/index.ts';
import type { Mode } from '../properties/lockstep/step.ts';
import type { FuzzRng } from './rng.ts';

/** Kinds every sequence keeps: time, interrupts, tasklets, submission. @internal */
const CORE: ReadonlySet<string> = new Set(['advance', 'irq', 'tasklet', 'submit', 'issue_pending']);
const PREPS = ['prep_slave_sg', 'prep_dma_vec', 'prep_cyclic', 'prep_interleaved'];
const CB_KINDS: readonly CallbackAction['kind'][] = ['chain', 'terminate_async', 'read_metadata', 'tx_status', 'resubmit_self'];

/** One sequence's swarm: the table rows it may generate and the callback actions it keeps. @public */
export interface Swarm {
  readonly specs: readonly CommandSpec[];
  readonly callbackKinds: ReadonlySet<CallbackAction['kind']>;
}

/** Rows of the shared table this profile supports (misuse rows only in misuse mode). @public */
export function supportedSpecs(profile: CapabilityProfile, mode: Mode): CommandSpec[] {
  const rows = mode === 'misuse' ? [...COMMANDS, ...MISUSE_COMMANDS] : [...COMMANDS];
  return rows.filter((s) => s.needs === undefined || profile[s.needs]);
}

/** Everything on (the swarm of a uniform generator). @public */
export function fullSwarm(profile: CapabilityProfile, mode: Mode): Swarm {
  return { specs: supportedSpecs(profile, mode), callbackKinds: new Set<CallbackAction['kind']>(['none', ...CB_KINDS]) };
}

/** Draw a swarm: each optional kind on with probability `p`; at least one prep kind stays on. @public */
export function drawSwarm(rng: FuzzRng, profile: CapabilityProfile, mode: Mode, p = 0.6): Swarm {
  const all = supportedSpecs(profile, mode);
  const preps = all.filter((s) => PREPS.includes(s.op));
  const keepPrep = preps.length > 0 ? preps[rng.below(preps.length)]!.op : undefined;
  const specs = all.filter((s) => CORE.has(s.op) || s.op === keepPrep || rng.chance(p));
  const callbackKinds = new Set<CallbackAction['kind']>(['none', ...CB_KINDS.filter(() => rng.chance(p))]);
  return { specs, callbackKinds };
}
