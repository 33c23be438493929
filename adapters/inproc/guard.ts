/**
 * A time bound for an implementation that runs in our own thread (a module loaded with
 * `--impl ./x.ts`): a request that does not return within the per-request timeout
 * (`--timeout`, default 5 s) ends with ImplError('timeout') naming it, even if it loops
 * for ever, in a callback it triggered or in `reset`.
 *
 * Two ways to bound, chosen per run so that the engine keeps its in-process speed:
 * - per request: each top-level request runs under its own {@link runTimed} bound (a
 *   watchdog thread per request, tens of µs: exact, but slow next to a µs-long call);
 * - per run: {@link bounded} wraps one whole run (a lockstep sequence, a program run)
 *   in one bound of {@link RUN_FACTOR} × timeout, and requests only note when they start.
 *   Used only while the previous run took less than 1/{@link FAST_RUN_DIVISOR} of the
 *   timeout, so a run that is merely slow never meets a bound it could not have met
 *   request by request; the first run and every run after a slow one go per request.
 * After a timeout the engine is abandoned mid-request (it may never be called again):
 * later requests raise the same error, until the next `reset` starts a fresh engine from
 * the module's factory, as the stdio adapter starts a fresh process. Raises ImplError(timeout).
 * @internal
 */
import type { CapabilityProfile, EngineConfig } from '../../spec/api/config.ts';
import type { EngineHooks, Implementation } from '../../spec/api/implementation.ts';
import type { ClientCall, Ctx, EnvStep, Ret } from '../../spec/api/vocabulary.ts';
import { ImplError } from '../errors.ts';
import { describeRequest, type Request } from './describe.ts';
import { runTimed } from './timed.ts';

/** A run bounded as a whole gets this many per-request timeouts. @internal */
export const RUN_FACTOR = 3;
/** A run is bounded as a whole only after a run that took less than timeout / this. @internal */
export const FAST_RUN_DIVISOR = 8;

interface InFlight { readonly req: Request; readonly start: number }

/** @internal */
export class GuardedImplementation implements Implementation {
  readonly name: string;
  readonly profile: CapabilityProfile;
  /** Requests in progress, outermost first (a callback's nested calls stack up). */
  private readonly inFlight: InFlight[] = [];
  private inRun = false;
  private lastRunMs = Number.POSITIVE_INFINITY;
  private failed: ImplError | undefined;

  private inner: Implementation;

  /** `start` makes an engine (the module's factory, checked); it runs under the timeout, here and after a timeout. */
  constructor(private readonly start: () => Implementation, readonly timeoutMs: number, private readonly what: string) {
    this.inner = this.started();
    this.name = this.inner.name;
    this.profile = this.inner.profile;
  }

  reset(config: EngineConfig, hooks: EngineHooks): void {
    if (this.failed) {
      this.failed = undefined;
      this.inner = this.started();
    }
    this.request({ kind: 'reset' }, () => this.inner.reset(config, hooks));
  }

  call(c: ClientCall, ctx: Ctx): Ret {
    return this.request({ kind: 'call', call: c, ctx }, () => this.inner.call(c, ctx));
  }

  env(step: EnvStep): void {
    this.request({ kind: 'env', step }, () => this.inner.env(step));
  }

  dispose(): void {
    this.inner.dispose?.();
  }

  /**
   * Runs `run` (one run's requests) under one bound when the last run was fast (see the
   * file comment), else as is (its requests bound themselves). Returns the ImplError if
   * the bound ran out: `run` was then abandoned where it was, without its catch or finally.
   */
  bounded(run: () => void): ImplError | undefined {
    if (this.inRun || this.failed) { run(); return undefined; }
    const t0 = performance.now();
    if (!(this.lastRunMs < this.timeoutMs / FAST_RUN_DIVISOR)) {
      try { run(); } finally { this.lastRunMs = performance.now() - t0; }
      return undefined;
    }
    this.inRun = true;
    try {
      const r = runTimed(RUN_FACTOR * this.timeoutMs, run);
      if (r.timedOut) return this.fail(this.runTimeoutDetail());
      return undefined;
    } finally {
      this.inRun = false;
      this.lastRunMs = performance.now() - t0;
    }
  }

  private started(): Implementation {
    const r = runTimed(this.timeoutMs, this.start);
    if (r.timedOut) throw this.fail(`factory of ${this.what} did not return within ${this.timeoutMs} ms`);
    return r.value;
  }

  private request<T>(req: Request, f: () => T): T {
    if (this.failed) throw this.failed;
    const top = this.inFlight.length === 0;
    this.inFlight.push({ req, start: top ? performance.now() : 0 });
    if (!top || this.inRun) {
      try { return f(); } finally { this.inFlight.pop(); }
    }
    let r;
    try {
      r = runTimed(this.timeoutMs, f);
    } catch (e) {
      this.inFlight.length = 0;
      throw e;
    }
    if (r.timedOut) throw this.fail(this.stuck(`did not return within ${this.timeoutMs} ms`));
    this.inFlight.length = 0;
    return r.value;
  }

  /** What the run's bound caught: the request in progress and how long it had run. */
  private runTimeoutDetail(): string {
    const bound = `${RUN_FACTOR * this.timeoutMs} ms (${RUN_FACTOR} × the ${this.timeoutMs} ms timeout)`;
    const top = this.inFlight[0];
    if (!top) return `the run did not finish within ${bound}, between requests`;
    if (performance.now() - top.start >= this.timeoutMs) return this.stuck(`did not return within ${this.timeoutMs} ms`);
    return this.stuck(`had not returned when the run's bound of ${bound} ran out`);
  }

  /** `call X <what>`, plus `(stuck in call Y (from a callback))` when a nested request was running. */
  private stuck(what: string): string {
    const top = this.inFlight[0]!;
    const inner = this.inFlight[this.inFlight.length - 1]!;
    return `${describeRequest(top.req)} ${what}${inner === top ? '' : ` (stuck in ${describeRequest(inner.req)})`}`;
  }

  private fail(detail: string): ImplError {
    this.failed = new ImplError('timeout', detail);
    this.inFlight.length = 0;
    return this.failed;
  }
}

/**
 * Runs one run of requests to `impl` (a lockstep sequence, a program run) under
 * {@link GuardedImplementation.bounded} if `impl` is guarded, else as is. Returns the
 * ImplError that ended it, if the bound ran out. @internal
 */
export function bounded(impl: Implementation, run: () => void): ImplError | undefined {
  if (impl instanceof GuardedImplementation) return impl.bounded(run);
  run();
  return undefined;
}
