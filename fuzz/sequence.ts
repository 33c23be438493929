/**
 * Runs one fuzz sequence in lockstep: the probe, an optional replayed prefix from the
 * guidance pool, then fresh commands from the swarm's rows of the shared command table,
 * drawn with weights = table weight × coverage boost × racy-region boost (the boost row
 * is chosen by what the model says is pending now). A command whose model precondition
 * does not hold is redrawn, as `fc.commands` does.
 * @public
 */
import fc from 'fast-check';
import type { CommandSpec, DmaCommand } from '../properties/commands/index.ts';
import { chanViews } from '../properties/commands/view.ts';
import { boundedRun } from '../properties/lockstep/bounded-run.ts';
import { Lockstep } from '../properties/lockstep/runner.ts';
import { LockstepFailure, type Mode } from '../properties/lockstep/step.ts';
import type { EngineConfig, Implementation, Model } from '../spec/api/index.ts';
import type { CoverageMap } from './coverage.ts';
import type { Guidance } from './guidance.ts';
import { racyBoost, SIT_COUNT, situation } from './racy.ts';
import { FuzzRng, weightedIndex } from './rng.ts';
import type { Swarm } from './swarm.ts';
import { SwarmCallback } from './swarm-callback.ts';

/** What to run. @public */
export interface SequencePlan {
  readonly config: EngineConfig;
  readonly mode: Mode;
  readonly swarm: Swarm;
  /** Commands replayed first (a pool prefix). */
  readonly prefix: readonly DmaCommand[];
  /** Total commands to execute, prefix included. */
  readonly length: number;
}

/** What happened. @public */
export interface SequenceRun {
  readonly runner: Lockstep;
  /** The symbolic commands that ran (precondition held), in order. */
  readonly cmds: readonly DmaCommand[];
  /** Indices into `cmds` of commands during which new coverage appeared. */
  readonly newAt: readonly number[];
}

/** Redraws allowed before the sequence ends early (nothing applicable). */
const MAX_REDRAWS = 32;

/** Execute `plan`; never throws for implementation or model failures (they are in `runner.failure`). @public */
export function runSequence(model: Model<unknown>, impl: Implementation, cov: CoverageMap, guidance: Guidance | undefined, plan: SequencePlan, rng: FuzzRng): SequenceRun {
  const runner = () => new Lockstep(model, impl, plan.config, { mode: plan.mode, cov, onAdvisory: cov.advisory });
  let r: Lockstep | undefined;
  const cmds: DmaCommand[] = [];
  const newAt: number[] = [];
  let fresh = false;
  cov.onNew = () => { fresh = true; };
  const exec = (c: DmaCommand) => {
    cmds.push(c);
    fresh = false;
    c.run(r!, r!);
    if (fresh) newAt.push(cmds.length - 1);
  };
  try {
    r = boundedRun(impl, runner, (l) => {
      r = l;
      try {
        if (!l.failure) {
          l.prelude();
          for (const c of plan.prefix) if (c.check(l)) exec(c);
          generate(l, plan, guidance, rng, exec, cmds);
          l.finish();
        }
      } catch (e) {
        if (!(e instanceof LockstepFailure)) l.fail({ kind: 'model_bug', step: l.index, msg: `harness error: ${e instanceof Error ? e.message : String(e)}` });
      }
    });
  } finally {
    cov.onNew = undefined;
  }
  return { runner: r!, cmds, newAt };
}

/**
 * One command of each row, for rows whose precondition does not read the arguments
 * (DmaCommand.checkReadsArgs): asked before drawing, so a row the state refuses costs
 * no generation. Drawn from a fixed stream, so they do not move the campaign's.
 */
const probes = new WeakMap<CommandSpec, DmaCommand | null>();
function probeOf(spec: CommandSpec): DmaCommand | undefined {
  let p = probes.get(spec);
  if (p === undefined) {
    const c = spec.arb.generate(new fc.Random(new FuzzRng(0)), undefined).value;
    probes.set(spec, p = c.checkReadsArgs() ? null : c);
  }
  return p ?? undefined;
}

function generate(r: Lockstep, plan: SequencePlan, guidance: Guidance | undefined, rng: FuzzRng, exec: (c: DmaCommand) => void, cmds: readonly DmaCommand[]): void {
  const specs = plan.swarm.specs;
  if (specs.length === 0) return;
  const rnd: fc.Random = rng.forkRandom();
  const tables: (readonly [number[], number] | undefined)[] = new Array(SIT_COUNT);
  const table = (mask: number) => {
    let t = tables[mask];
    if (t === undefined) {
      const w = specs.map((s) => s.weight * (guidance?.boost(s.op) ?? 1) * racyBoost(s.op, mask));
      t = tables[mask] = [w, w.reduce((a, b) => a + b, 0)];
    }
    return t;
  };
  const rowProbes = specs.map(probeOf);
  // The situation, and which rows the state refuses, change only with the state (a
  // refused draw leaves it as it was): a row drawn again in the same state is not re-checked.
  const refused = new Uint8Array(specs.length);
  let at = -1;
  let w: number[] = [];
  let total = 0;
  let redraws = 0;
  while (cmds.length < plan.length && redraws < MAX_REDRAWS) {
    if (r.index !== at) {
      at = r.index;
      [w, total] = table(situation(chanViews(r)));
      refused.fill(0);
    }
    const i = weightedIndex(rng, w, total);
    const probe = rowProbes[i];
    if (refused[i] === 1 || (probe !== undefined && !probe.check(r))) { refused[i] = 1; redraws++; continue; }
    const spec = specs[i]!;
    const drawn = spec.arb.generate(rnd, undefined).value;
    if (probe === undefined && !drawn.check(r)) { redraws++; continue; }
    redraws = 0;
    exec(spec.op === 'set_callback' ? new SwarmCallback(drawn, plan.swarm.callbackKinds) : drawn);
  }
}
