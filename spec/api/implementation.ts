/**
 * The adapter contract: how the harness reaches any implementation — the built-in
 * engine, a mutant, a module loaded with `--impl`, or a foreign process over the
 * stdio protocol (wrapped by an adapter that implements this same interface).
 * Types only.
 *
 * Calling convention (synchronous and re-entrant):
 * 1. `reset(config, hooks)` starts a fresh run.
 * 2. The harness calls `call(c, ctx)` or `env(step)`. While handling it, the
 *    implementation reports what happens through `hooks.event(...)`, in order.
 * 3. When the engine invokes a client completion callback it calls
 *    `hooks.callback(inv)`. The harness runs the callback's action, which may
 *    re-enter the implementation with nested `call(c, 'callback')`, and then returns;
 *    only then may the engine go on (as the C callback returning).
 * 4. Bad input never throws: invalid arguments give the kernel's error convention.
 *    A thrown exception is reported as a crash of the implementation.
 * @public
 */
import type { CapabilityProfile, EngineConfig } from './config.ts';
import type { CallbackInvocation, ClientCall, Ctx, EngineEvent, EnvStep, Ret } from './vocabulary.ts';

export interface EngineHooks {
  /** Report one engine event. */
  event(ev: EngineEvent): void;
  /** Invoke the client's callback; returns when the client's callback function returned. */
  callback(inv: CallbackInvocation): void;
}

export interface Implementation {
  /** Human-readable name shown in reports, e.g. "builtin" or "mutant:cb-hardirq". */
  readonly name: string;
  readonly profile: CapabilityProfile;
  /** Start a new run with this configuration; all earlier state is discarded. */
  reset(config: EngineConfig, hooks: EngineHooks): void;
  /** Apply a client call made from `ctx`; returns what the C function would return. */
  call(c: ClientCall, ctx: Ctx): Ret;
  /** Apply an environment step. */
  env(step: EnvStep): void;
  /** Release external resources (child processes, workers). Idempotent. */
  dispose?(): void;
}

/** What a module loaded with `dmacheck certify --impl FILE` must export (default or named `createImplementation`). */
export type ImplementationFactory = () => Implementation;
