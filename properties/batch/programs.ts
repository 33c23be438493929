/**
 * What batch certification sends: legal client programs from kernel/gen's seeded
 * generator (the one `kernel certify` runs in the real kernel; its programs are legal
 * whatever the engine's timing — kernel/gen/build.ts), adapted to the implementation's
 * capability profile, each with an engine configuration drawn like certify's
 * (properties/gen/config.ts) whose slaves are the channels the programs request.
 * Chosen over a new generator because legality by construction is what a batch needs:
 * the program is written before any answer exists, so it cannot ask the model, as the
 * lockstep generator does, which command is legal next.
 * @public
 */
import fc from 'fast-check';
import type { CapabilityProfile, ClientProgram, EngineConfig } from '../../spec/api/index.ts';
import { buildProgram, CHAN_NAMES } from '../../kernel/gen/build.ts';
import { type ProgramPlan, planArb } from '../../kernel/gen/plan.ts';
import { configArb } from '../gen/config.ts';
import { givesAllBack, withSequel } from './sequel.ts';

/** What a batch program needs of the implementation (every generated program prepares slave_sg, stops and synchronizes). @public */
export function batchUnfit(p: CapabilityProfile): string | undefined {
  const missing = (['slaveSg', 'terminate', 'synchronize', 'callbacks'] as const).filter((f) => !p[f]);
  return missing.length > 0 ? `the program generator needs ${missing.join(', ')}` : undefined;
}

/** The plan restricted to `p`: no REUSE without descriptor reuse, one channel without multiChannel. */
function fitPlan(plan: ProgramPlan, p: CapabilityProfile): ProgramPlan {
  const chans = p.multiChannel ? plan.chans : plan.chans.slice(0, 1);
  const rounds = plan.rounds.map((r) => ({ ...r, chan: r.chan % chans.length, descs: r.descs.map((d) => ({ ...d, reuse: d.reuse && p.reuse })) }));
  return { ...plan, chans, rounds };
}

/** Slaves named as the programs request them, both directions (kernel/gen uses either on any channel). */
function fitConfig(c: EngineConfig, p: CapabilityProfile): EngineConfig {
  const slaves = CHAN_NAMES.map((name, i) => ({ name, directions: ['MEM_TO_DEV', 'DEV_TO_MEM'] as const, fifoDepth: c.slaves[i % c.slaves.length]!.fifoDepth }));
  // What the programs rely on, kept on: 4-byte device widths, slave_sg, stopping; REUSE where the
  // profile has it (a plan uses it then, CAPS-5); cookie polling (no DMA_COMPLETION_NO_ORDER, CK-6).
  // device_config stays as drawn: rarely absent, then slave_config is -ENOSYS (CFG-3) and preps fail.
  const addrWidths = c.addrWidths.includes(4) ? c.addrWidths : [...c.addrWidths, 4 as const];
  const caps = { ...c.caps, slaveSg: true, terminate: true, synchronize: true, descriptorReuse: p.reuse, completionNoOrder: false };
  return { ...c, slaves, addrWidths, caps };
}

/** One program and the configuration it runs with. @public */
export interface BatchCase {
  readonly program: ClientProgram;
  readonly config: EngineConfig;
}

/** Cases `first` .. `first + count - 1` of the sequence `seed` draws for profile `p`. @public */
export function batchCases(p: CapabilityProfile, seed: number, count: number, first = 0): BatchCase[] {
  if (count <= 0) return [];
  // Half the programs get a sequel (sequel.ts): a second client re-requests the channels.
  const arb = fc.tuple(planArb, fc.option(planArb, { freq: 2 }), configArb(p));
  return fc.sample(arb, { seed, numRuns: first + count }).slice(first).map(([plan, next, cfg], i) => {
    const name = `batch-${seed}-${first + i}`;
    const one = buildProgram(fitPlan(plan, p), name);
    const program = next !== null && givesAllBack(one) ? withSequel(one, buildProgram(fitPlan(next, p), name), name) : one;
    return { program, config: fitConfig(cfg, p) };
  });
}
