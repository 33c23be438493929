/**
 * Drawing the next sequence's plan: a pool prefix (guidance) half of the time, else a
 * fresh configuration from the shared config arbitrary (cookie counter started near
 * INT_MAX more often than there, for CK-2 wrap-around), a mode (misuse sometimes), a
 * swarm (everything on sometimes, as a uniform generator would) and a length (mostly
 * short, sometimes up to `maxLength` — thousands of commands). The length cap ramps up
 * over the first sequences (as fast-check's size does), so shallow bugs are found by
 * short, cheap sequences first.
 * @public
 */
import type fc from 'fast-check';
import { configArb } from '../properties/gen/config.ts';
import type { CapabilityProfile, EngineConfig } from '../spec/api/index.ts';
import { INT_MAX } from '../spec/api/index.ts';
import type { Guidance } from './guidance.ts';
import type { FuzzRng } from './rng.ts';
import type { SequencePlan } from './sequence.ts';
import { drawSwarm, fullSwarm } from './swarm.ts';

/** @public */
export interface PlanOptions {
  readonly profile: CapabilityProfile;
  readonly maxLength: number;
  /** Share of sequences in misuse mode (client breaks C rules on purpose). */
  readonly misuseShare: number;
  /** Off: uniform generation (full swarm, no prefixes, no racy weights) — the baseline. */
  readonly guided: boolean;
}

/** Sequences at the start of a campaign that use every command kind. @internal */
const WARM_UP = 32;

/** Sequence length: 50 % ≤ 60, 30 % ≤ 300, 20 % up to maxLength. @internal */
export function drawLength(rng: FuzzRng, max: number): number {
  const r = rng.below(10);
  const hi = r < 5 ? 60 : r < 8 ? 300 : max;
  return Math.max(1, Math.min(max, 10 + rng.below(Math.max(1, hi - 9))));
}

/** @public */
export class Planner {
  private readonly configs: fc.Arbitrary<EngineConfig>;
  constructor(private readonly o: PlanOptions) {
    this.configs = configArb(o.profile);
  }

  /** The plan of sequence number `n`. */
  next(rng: FuzzRng, guidance: Guidance | undefined, n: number): SequencePlan {
    const o = this.o;
    const max = Math.min(o.maxLength, 30 + 10 * n);
    if (o.guided && guidance && rng.chance(0.5)) {
      const p = guidance.pickPrefix(rng);
      if (p) {
        const prefix = p.seed.cmds.slice(0, p.length);
        return { config: p.seed.config, mode: p.seed.mode, swarm: p.seed.swarm, prefix, length: Math.min(o.maxLength, prefix.length + drawLength(rng, max)) };
      }
    }
    let config = this.configs.generate(rng.forkRandom(), undefined).value;
    if (o.guided && o.profile.cookieInit && o.profile.configurableCaps && rng.chance(0.2)) config = { ...config, cookieInit: INT_MAX - rng.below(6) };
    const mode = rng.chance(o.misuseShare) ? 'misuse' : 'legal';
    // The first sequences keep every kind: shallow bugs need no swarm, and a swarm that
    // left out the one kind a bug needs only delays it.
    const swarm = !o.guided || n < WARM_UP || rng.chance(0.15) ? fullSwarm(o.profile, mode) : drawSwarm(rng, o.profile, mode);
    return { config, mode, swarm, prefix: [], length: drawLength(rng, max) };
  }
}
