/**
 * Coverage guidance. Two mechanisms steer generation toward what is not yet covered:
 * 1. Op boosts: a command kind whose (state, op) pairs are still rare, or whose rule
 *    groups hold exercisable rules never evaluated, gets a larger weight.
 * 2. A pool of "interesting" prefixes (as AFL's queue): a sequence that visited a new
 *    pair or rule is kept with the positions where it did; later sequences replay a
 *    prefix up to one of those positions (same config, same symbolic commands, so the
 *    same state) and continue with fresh commands from there — deep states are reached
 *    once and then explored, instead of re-found by luck.
 * @public
 */
import type { CommandSpec, DmaCommand } from '../properties/commands/index.ts';
import type { Mode } from '../properties/lockstep/step.ts';
import type { EngineConfig, RuleId } from '../spec/api/index.ts';
import type { CoverageMap } from './coverage.ts';
import type { FuzzRng } from './rng.ts';
import type { Swarm } from './swarm.ts';

/** Which command makes an event-level pair op happen (events are effects of env steps and calls). @internal */
const EVENT_SOURCE: Readonly<Record<string, string>> = {
  xfer: 'advance', irq_raised: 'advance', dma_fault: 'advance', periph_rx: 'drain', periph_lost: 'periph_teardown',
  complete: 'irq', period: 'irq', tasklet_scheduled: 'irq', hw_start: 'issue_pending', meta_copied: 'irq',
  desc_freed: 'tasklet', cb: 'tasklet', cb_ret: 'tasklet', meta_fault: 'access_metadata', lock_splat: 'issue_pending',
};

/** The command op a model pair op belongs to (`submit`, `call:submit`, `ev:complete` → irq). @internal */
export function commandOf(pairOp: string, known: ReadonlySet<string>): string | undefined {
  if (known.has(pairOp)) return pairOp;
  for (const tok of pairOp.split(/[^a-z_]+/)) {
    if (known.has(tok)) return tok;
    const src = EVENT_SOURCE[tok];
    if (src !== undefined) return src;
  }
  return undefined;
}

/** A kept prefix source. @public */
export interface PoolSeed {
  readonly config: EngineConfig;
  readonly mode: Mode;
  readonly swarm: Swarm;
  readonly cmds: readonly DmaCommand[];
  /** Indices into `cmds` after which new coverage was seen. */
  readonly newAt: readonly number[];
  picks: number;
}

const POOL_MAX = 96;
const RARE = 2;

/** @public */
export class Guidance {
  private boosts = new Map<string, number>();
  readonly pool: PoolSeed[] = [];
  private readonly known: ReadonlySet<string>;

  constructor(private readonly cov: CoverageMap, private readonly exercisable: ReadonlySet<RuleId>, private readonly specs: readonly CommandSpec[]) {
    this.known = new Set(specs.map((s) => s.op));
  }

  /** Weight multiplier of command `op` (1 = no preference). */
  boost(op: string): number {
    return this.boosts.get(op) ?? 1;
  }

  /** Recompute the op boosts from the coverage so far. */
  refresh(): void {
    const rare = new Map<string, number>();
    const total = new Map<string, number>();
    for (const [key, n] of this.cov.pairs) {
      const op = commandOf(key.slice(key.lastIndexOf('|') + 1), this.known);
      if (op === undefined) continue;
      total.set(op, (total.get(op) ?? 0) + 1);
      if (n <= RARE) rare.set(op, (rare.get(op) ?? 0) + 1);
    }
    const uncovered = new Map<string, number>();
    for (const id of this.exercisable) {
      if ((this.cov.rules.get(id) ?? 0) > 0) continue;
      const g = id.slice(0, id.indexOf('-'));
      uncovered.set(g, (uncovered.get(g) ?? 0) + 1);
    }
    const next = new Map<string, number>();
    for (const s of this.specs) {
      const t = total.get(s.op) ?? 0;
      const pairBoost = t === 0 ? 1 : 1 + (3 * (rare.get(s.op) ?? 0)) / t;
      const u = s.groups.reduce((a, g) => a + (uncovered.get(g) ?? 0), 0);
      next.set(s.op, Math.min(8, pairBoost * (1 + 0.5 * Math.min(4, u))));
    }
    this.boosts = next;
  }

  /** Keep a sequence that found new coverage. */
  addSeed(seed: PoolSeed): void {
    if (seed.newAt.length === 0 || seed.cmds.length === 0) return;
    if (this.pool.length >= POOL_MAX) {
      // Evict the most-explored seed: its states have had their share.
      let worst = 0;
      for (let i = 1; i < this.pool.length; i++) if (this.pool[i]!.picks > this.pool[worst]!.picks) worst = i;
      this.pool.splice(worst, 1);
    }
    this.pool.push(seed);
  }

  /** A seed and a prefix length, favouring seeds picked least (energy 1/(1+picks)). */
  pickPrefix(rng: FuzzRng): { readonly seed: PoolSeed; readonly length: number } | undefined {
    if (this.pool.length === 0) return undefined;
    const weights = this.pool.map((s) => 1 / (1 + s.picks));
    let x = ((rng.next() >>> 0) / 0x1_0000_0000) * weights.reduce((a, b) => a + b, 0);
    let i = 0;
    for (; i < weights.length - 1; i++) if ((x -= weights[i]!) < 0) break;
    const seed = this.pool[i]!;
    seed.picks++;
    const at = seed.newAt[rng.below(seed.newAt.length)]!;
    return { seed, length: Math.min(seed.cmds.length, at + 1) };
  }
}
