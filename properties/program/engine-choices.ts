/**
 * The engine behaviours check-client draws for a program: the built-in engine's
 * configuration across the range the model allows (fact sheet §7 as far as the engine
 * makes it a configuration choice) — transfer speed (how much data sits in the
 * controller and the peripheral FIFO when a callback runs), residue granularity,
 * cookies near the wrap, a terminate whose freeing of the running descriptor takes
 * effect only at synchronize (TERM-9), aborted cookies reading IN_PROGRESS or COMPLETE
 * (STAT-3). The rest of §7 that the built-in engine exposes (callbacks
 * delayed, the peripheral draining late, the seed-000 window) is the schedule's job
 * (schedule.ts).
 * @public
 */
import fc from 'fast-check';
import type { ClientProgram, EngineConfig, ProgramStep, ResidueGranularity, SlaveEntry } from '../../spec/api/index.ts';
import { INT_MAX } from '../../spec/api/index.ts';

/** One engine behaviour. @public */
export interface EngineChoice {
  /** Bytes a channel moves per µs of simulated time (1: slow, data trickles; 4096: a transfer completes in one step). */
  readonly bytesPerUnit: number;
  readonly residueGranularity: ResidueGranularity;
  /** 1 (dma_cookie_init) or close to INT_MAX (the cookie wraps during the program). */
  readonly cookieInit: number;
  /**
   * How the client's peripheral drains its FIFO when no schedule decision says otherwise:
   * `fast` as soon as bytes arrive, `slow` only once the DMA stalls on a full FIFO (so a
   * MEM_TO_DEV transfer completes with data still held there: the seed-000 window).
   */
  readonly peripheral: 'fast' | 'slow';
  /** TERM-9 / Q10: the running descriptor is freed during terminate or only at synchronize (a terminate that takes effect late). */
  readonly freeActiveAt: 'terminate' | 'synchronize';
  /** STAT-3 / Q1: what an aborted cookie reads after terminate. */
  readonly abortedStatus: 'in_progress' | 'complete';
}

/** Fastest first: shrinking moves towards the first entry, whose traces are the shortest. */
export const BYTES_PER_UNIT = [4096, 64, 4, 1] as const;
export const GRANULARITIES: readonly ResidueGranularity[] = ['descriptor', 'segment', 'burst'];
export const COOKIE_INITS = [1, INT_MAX - 3] as const;

/** The first choice explored: a medium-speed bcm2835-like engine. @public */
export const DEFAULT_CHOICE: EngineChoice = {
  bytesPerUnit: 4, residueGranularity: 'burst', cookieInit: 1, peripheral: 'slow', freeActiveAt: 'synchronize', abortedStatus: 'in_progress',
};

/** @public */
export const engineChoiceArb: fc.Arbitrary<EngineChoice> = fc.record({
  bytesPerUnit: fc.constantFrom(...BYTES_PER_UNIT),
  residueGranularity: fc.constantFrom(...GRANULARITIES),
  cookieInit: fc.constantFrom(...COOKIE_INITS),
  peripheral: fc.constantFrom('slow', 'fast'),
  freeActiveAt: fc.constantFrom('synchronize', 'terminate'),
  abortedStatus: fc.constantFrom('in_progress', 'complete'),
});

/** `bpu=4 burst cookie=1`. @public */
export const choiceText = (c: EngineChoice): string =>
  `${c.bytesPerUnit} bytes/µs, ${c.residueGranularity} residue, first cookie ${c.cookieInit}, ${c.peripheral} peripheral, running descriptor freed at ${c.freeActiveAt}, aborted cookies read ${c.abortedStatus}`;

const SLAVE_DIRS = ['MEM_TO_DEV', 'DEV_TO_MEM'] as const;

function* calls(steps: readonly ProgramStep[]): Generator<ProgramStep> {
  for (const s of steps) {
    yield s;
    if ('wait' in s && s.onTimeout !== undefined) yield* calls(s.onTimeout);
  }
}

/**
 * The channels of the program's engine: its `slaves`, or, when it gives none, one per
 * requested name (both slave directions, a 64-byte FIFO) and one per capability request
 * (memcpy: MEM_TO_MEM).
 * @public
 */
export function slavesOf(p: ClientProgram): readonly SlaveEntry[] {
  if (p.slaves !== undefined) return p.slaves;
  const out: SlaveEntry[] = [];
  for (const s of calls(p.steps)) {
    if (!('do' in s)) continue;
    const c = s.do;
    if (c.op === 'request_chan' && !out.some((x) => x.name === c.name)) out.push({ name: c.name, directions: [...SLAVE_DIRS], fifoDepth: 64 });
    if (c.op === 'request_channel') out.push({ name: `${c.mask}${out.length}`, directions: c.mask === 'memcpy' ? ['MEM_TO_MEM'] : [...SLAVE_DIRS], fifoDepth: 64 });
  }
  return out;
}

/** The engine configuration of a program under one choice: every capability on. @public */
export function configFor(p: ClientProgram, c: EngineChoice): EngineConfig {
  return {
    slaves: slavesOf(p),
    caps: {
      config: true, pause: true, resume: true, terminate: true, synchronize: true, slaveSg: true, dmaVec: true,
      cyclic: true, interleave: true, repeat: true, loadEot: true, descriptorReuse: true, metadataClient: true,
      metadataEngine: true, completionNoOrder: false,
    },
    residueGranularity: c.residueGranularity,
    bytesPerUnit: c.bytesPerUnit,
    addrWidths: [1, 2, 4, 8],
    maxBurst: 16,
    cookieInit: c.cookieInit,
    maxTransferLen: 1 << 20,
    choices: { freeActiveAt: c.freeActiveAt, abortedStatus: c.abortedStatus },
  };
}
