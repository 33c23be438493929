/**
 * The built-in simulated DMA engine, layered like the kernel: hw/ (controller,
 * channels, peripherals, memory, clock) → drivers/ (the provider's device ops) →
 * vchan/ (virt-dma lists, cookies, tasklet) → core/ (dmaengine wrappers, metadata,
 * mapping); ctx/ models execution contexts and locks. impl/ reaches spec/ only
 * through `import type`.
 * @public
 */
import type { CapabilityProfile, ClientCall, Ctx, EngineConfig, EngineHooks, EnvStep, Implementation, Ret } from '../spec/api/index.ts';
import { EngineRun } from './engine-run.ts';
import type { FaultName } from './faults.ts';

export type { FaultName } from './faults.ts';
export { ALL_FAULTS } from './faults.ts';

/** Options of {@link createBuiltinEngine}. */
export interface EngineOptions {
  /** Fault points to switch on (mutant engines); none for the built-in engine. */
  readonly faults?: ReadonlySet<FaultName>;
  /** Report name; default "builtin". */
  readonly name?: string;
}

/** Everything the built-in engine supports. */
const FULL_PROFILE: CapabilityProfile = {
  slaveSg: true, dmaVec: true, cyclic: true, interleave: true, repeat: true, pause: true, resume: true,
  terminate: true, synchronize: true, reuse: true, metadata: true, callbacks: true, multiChannel: true,
  cookieInit: true, configurableCaps: true,
};

/** The engine as an {@link Implementation}, plus the kernel splats of the current run. */
export interface BuiltinEngine extends Implementation {
  /** Warnings the simulated kernel printed in this run (might_sleep, lock recursion). */
  readonly splats: readonly string[];
  /** A copy of a client buffer's bytes in the current run (undefined if unknown). */
  readBuffer(buf: number): Uint8Array | undefined;
}

/** Create the built-in engine (name `builtin`, all capabilities). @public */
export function createBuiltinEngine(opts: EngineOptions = {}): BuiltinEngine {
  const faults: ReadonlySet<FaultName> = opts.faults ?? new Set();
  let run: EngineRun | null = null;
  return {
    name: opts.name ?? 'builtin',
    profile: FULL_PROFILE,
    reset(config: EngineConfig, hooks: EngineHooks): void {
      run = new EngineRun(config, hooks, faults);
    },
    call(c: ClientCall, ctx: Ctx): Ret {
      return run === null ? { t: 'err', e: 'ENODEV' } : run.call(c, ctx);
    },
    env(step: EnvStep): void {
      run?.env(step);
    },
    get splats(): readonly string[] {
      return run?.splats.all ?? [];
    },
    readBuffer(buf: number): Uint8Array | undefined {
      return run?.readBuffer(buf);
    },
  };
}
