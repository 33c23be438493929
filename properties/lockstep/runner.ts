/**
 * The lockstep runner: drives an {@link Implementation} and feeds every call, return,
 * event, callback and environment step to the model as {@link TraceEntry}s, in order,
 * the moment they happen. With `model: null` it drives the engine alone (benchmark).
 * Raises: whatever verdict the model gives (Violation, Undefined, ModelBug), and
 * impl_error('throw') when the implementation itself throws, impl_error(kind) when an
 * adapter throws an {@link ImplError} (the process hung, crashed, broke the protocol:
 * kept in `adapterError` with the stderr tail), impl_error('crash') when callbacks nest
 * deeper than `maxDepth` (a kernel stack overflow).
 * @public
 */
import type {
  CallbackInvocation, ClientCall, CoverageSink, Ctx, EngineConfig, EngineEvent, EngineHooks, EnvStep,
  AdvisoryVerdict, FailureVerdict, Implementation, Model, Ret, RuleId, TraceEntry,
} from '../../spec/api/index.ts';
import { ImplError, isImplError } from '../../adapters/errors.ts';
import { hasCapability } from '../../spec/model/ops-request-mask.ts';
import { runCallbackAction } from './callback-actions.ts';
import { ClientState } from './client.ts';
import { preludeSteps } from './prelude.ts';
import { LockstepFailure, type Mode, type Step } from './step.ts';

/** @public */
export interface RunnerOptions {
  readonly mode: Mode;
  readonly cov?: CoverageSink;
  /** Deepest allowed callback nesting (default 4). */
  readonly maxDepth?: number;
  /** Called once the run reached quiescence, before end-of-run obligations (e.g. a trace recorder's `finish`). */
  readonly quiescent?: (() => void) | undefined;
  /**
   * The client is a written program (check-client): at the end only the environment
   * settles; the runner does not submit leftovers or free REUSE descriptors for it.
   */
  readonly asWritten?: boolean | undefined;
  /** Receives each advisory verdict (never a failure of the run; `--strict` reports them as failures). */
  readonly onAdvisory?: ((v: AdvisoryVerdict) => void) | undefined;
}

const VOID: Ret = { t: 'void' };

/** @public */
export class Lockstep implements EngineHooks {
  readonly client: ClientState;
  readonly trace: TraceEntry[] = [];
  /** The top-level steps executed so far (the replayable sequence). */
  readonly steps: Step[] = [];
  /** How many of `steps` are the prelude (not generated). */
  preludeLength = 0;
  /** Model state (opaque); undefined without a model. */
  state: unknown;
  /** Index of the next trace entry. */
  index = 0;
  /** Calls and environment steps handed to the implementation (incl. nested and quiescing ones). */
  commands = 0;
  failure: FailureVerdict | undefined;
  /**
   * The {@link ImplError} an adapter threw (the process hung, crashed or broke the
   * protocol), as opposed to the implementation throwing: the run cannot go on and is
   * not worth shrinking (each retry would wait for the same timeout).
   */
  adapterError: ImplError | undefined;
  /** Rules the misuse commands run so far said they break (misuse mode). */
  readonly expectedMisuse = new Set<RuleId>();
  readonly undefinedSeen: FailureVerdict[] = [];
  /** Advisory verdicts of the run, in order (a misuse command may expect one, e.g. TERM-6). */
  readonly advisoriesSeen: AdvisoryVerdict[] = [];
  private depth = 0;
  private eventCount = 0;

  constructor(
    readonly model: Model<unknown> | null,
    readonly impl: Implementation,
    readonly config: EngineConfig,
    readonly opts: RunnerOptions,
  ) {
    this.client = new ClientState(config.slaves.map((s) => s.name), (ch, mask) => hasCapability(config, ch, mask));
    this.state = model?.init(config);
    try {
      impl.reset(config, this);
    } catch (e) {
      this.failImpl(e, 0, 'reset');
    }
  }

  /** Execute one top-level step; throws {@link LockstepFailure} if the run failed during it. */
  exec(step: Step): Ret | undefined {
    if (step.k === 'call' && step.misuse) return this.execMisuse(step, step.misuse.rules, step.misuse.immediate);
    return this.execPlain(step);
  }

  private execPlain(step: Step): Ret | undefined {
    this.steps.push(step);
    const ret = step.k === 'call' ? this.call(step.call, step.ctx) : (this.env(step.step), undefined);
    if (this.failure) throw new LockstepFailure(this.failure);
    return ret;
  }

  /**
   * Execute a misuse step (misuse mode): the model must answer Undefined, or an advisory,
   * naming one of `rules`, unless the channel was already poisoned. Raises ModelBug if it
   * accepts the misuse without a word.
   */
  private execMisuse(step: Step & { k: 'call' }, rules: readonly RuleId[], immediate: boolean): Ret | undefined {
    const chan = 'chan' in step.call ? step.call.chan : undefined;
    for (const r of rules) this.expectedMisuse.add(r);
    const poisoned = chan !== undefined && this.model !== null && this.model.chan(this.state, chan)?.poisoned === true;
    const named = () => this.undefinedSeen.length + this.advisoriesSeen.filter((a) => rules.includes(a.rule)).length;
    const seen = named();
    const at = this.index;
    const ret = this.execPlain(step);
    if (immediate && this.model && !poisoned && named() === seen) {
      this.fail({ kind: 'model_bug', step: at, msg: `model accepted client misuse (expected undefined ${rules.join('|')})` });
      throw new LockstepFailure(this.failure!);
    }
    return ret;
  }

  /** Run the client's probe ({@link preludeSteps}); throws LockstepFailure like exec. */
  prelude(): void {
    const steps = preludeSteps(this.config);
    for (const s of steps) this.exec(s);
    this.preludeLength = this.steps.length;
  }

  /** Make a client call from `ctx` (also used for the nested calls of callback actions). */
  call(c: ClientCall, ctx: Ctx): Ret {
    if (this.failure) return VOID;
    this.commands++;
    this.push({ k: 'call', call: c, ctx });
    if (c.op === 'release_channel') this.client.releasing.add(c.chan);
    // Stopping from the call on: callbacks the terminate runs (terminate_sync's synchronize)
    // must not chain new work onto the channel (SYNC-7).
    if (c.op === 'terminate_async' || c.op === 'terminate_sync' || c.op === 'terminate_all') this.client.stopping.add(c.chan);
    let ret: Ret;
    try {
      ret = this.impl.call(c, ctx);
    } catch (e) {
      this.failImpl(e, this.index - 1, c.op);
      return VOID;
    }
    this.push({ k: 'ret', ret });
    this.client.observeCall(c, ret);
    return ret;
  }

  /** Apply an environment step. */
  env(step: EnvStep): void {
    if (this.failure) return;
    this.commands++;
    if (step.op === 'irq') this.client.irqPending.delete(step.chan);
    else if (step.op === 'tasklet') this.client.taskletPending.delete(step.chan);
    this.push({ k: 'env', step });
    try {
      this.impl.env(step);
    } catch (e) {
      this.failImpl(e, this.index - 1, step.op);
      return;
    }
    this.push({ k: 'env_end' });
  }

  /** EngineHooks.event */
  event(ev: EngineEvent): void {
    this.eventCount++;
    this.client.observeEvent(ev);
    this.push({ k: 'ev', ev });
  }

  /** EngineHooks.callback: runs the client's action as nested calls with ctx `callback`. */
  callback(inv: CallbackInvocation): void {
    this.push({ k: 'cb', cb: inv });
    if (this.failure) return;
    this.depth++;
    if (this.depth > (this.opts.maxDepth ?? 4)) {
      this.fail({ kind: 'impl_error', what: 'crash', step: this.index - 1, msg: `callbacks nested ${this.depth} deep (stack overflow)` });
    } else {
      runCallbackAction(this, inv);
    }
    this.depth--;
    this.push({ k: 'cb_ret' });
  }

  /**
   * End of sequence: run the environment to quiescence (bounded: cyclic transfers never
   * stop), then deliver what is still pending and ask the model for end-of-run obligations.
   * Channels released during the run settle too: their pending interrupts and tasklets run
   * and their peripherals drain what they still hold (the peripheral outlives the channel).
   */
  finish(): void {
    if (this.opts.asWritten !== true) this.submitLeftovers();
    const units = Math.max(1, Math.ceil(2048 / this.config.bytesPerUnit));
    for (let round = 0; round < 12 && !this.failure; round++) {
      const before = this.eventCount;
      this.flushPending();
      this.drainPeripherals();
      this.env({ op: 'advance', units });
      if (this.eventCount === before) break;
    }
    for (let i = 0; i < 4 && !this.failure && (this.client.irqPending.size > 0 || this.client.taskletPending.size > 0); i++) this.flushPending();
    this.drainPeripherals();
    if (this.opts.asWritten !== true) this.releaseReusable();
    if (!this.failure) this.opts.quiescent?.();
    if (this.model && !this.failure) {
      const r = this.model.end(this.state, this.index, this.opts.cov);
      this.state = r.state;
      if (r.verdict) this.onVerdict(r.verdict);
    }
    if (this.failure) throw new LockstepFailure(this.failure);
  }

  /** A careful client submits and issues what it prepared and did not submit yet (DESC-4). */
  private submitLeftovers(): void {
    const chans = new Set<number>();
    for (const id of [...this.client.unsubmitted]) {
      const d = this.client.descs.get(id);
      if (!d || !this.client.held.has(d.chan)) continue;
      // Its buffers were unmapped under it (misuse): leave it unsubmitted, which DESC-4 names.
      if (!d.bufs.every((b) => this.client.bufs.get(b)?.mapped === d.chan)) { this.expectedMisuse.add('DESC-4'); continue; }
      this.call({ op: 'submit', desc: id }, 'process');
      chans.add(d.chan);
    }
    for (const ch of chans) if (!this.client.stopping.has(ch)) this.call({ op: 'issue_pending', chan: ch }, 'process');
  }

  /**
   * DESC-14: the client releases its REUSE descriptors — `desc_free` on idle ones; a channel
   * still holding one in flight (behind a cyclic or REPEAT transfer) is stopped first.
   * Needs the model to know which are idle; without one (benchmark replay) nothing is done.
   */
  private releaseReusable(): void {
    const m = this.model;
    if (!m) return;
    for (let pass = 0; pass < 2 && !this.failure; pass++) {
      const stuck = new Set<number>();
      for (const [id, d] of this.client.descs) {
        const v = m.desc(this.state, id);
        if (!v || !v.reuse || !this.client.held.has(d.chan) || m.chan(this.state, d.chan)?.poisoned) continue;
        if (v.phase === 'prepared' || v.phase === 'reusable') this.call({ op: 'desc_free', desc: id }, 'process');
        else if (v.phase !== 'freed' && v.phase !== 'done') stuck.add(d.chan);
      }
      if (pass > 0 || stuck.size === 0) break;
      for (const ch of stuck) this.call({ op: 'terminate_sync', chan: ch }, 'process');
      this.flushPending();
    }
  }

  /**
   * The adapter gave up on the run from outside it (adapters/inproc: a request that never
   * returned was abandoned where it was): the failure is the last entry's, as if its request had thrown.
   */
  abandon(e: ImplError): void {
    this.adapterError ??= e;
    this.fail({ kind: 'impl_error', what: e.kind, step: Math.max(0, this.index - 1), msg: e.detail.split('\n')[0] ?? '' });
  }

  /** An exception out of the implementation: an adapter's ImplError keeps its kind and stderr tail. */
  private failImpl(e: unknown, step: number, what: string): void {
    if (isImplError(e)) {
      this.adapterError ??= e;
      // The verdict names the kind (`what`): its message does not repeat it.
      this.fail({ kind: 'impl_error', what: e.kind, step, msg: `${what}: ${e.detail.split('\n')[0] ?? ''}` });
    } else {
      this.fail({ kind: 'impl_error', what: 'throw', step, msg: `${what} threw: ${errMsg(e)}` });
    }
  }

  /** Record a failure (the first one wins). */
  fail(v: FailureVerdict): void {
    this.failure ??= v;
  }

  /** Every peripheral FIFO with bytes, held channel or released (DATA-4: the data gets delivered). */
  private drainPeripherals(): void {
    for (const [ch, n] of this.client.periphBytes) if (n > 0 && !this.failure) this.env({ op: 'drain', chan: ch, bytes: n });
  }

  private flushPending(): void {
    for (const ch of [...this.client.irqPending].sort()) this.env({ op: 'irq', chan: ch });
    for (const ch of [...this.client.taskletPending].sort()) this.env({ op: 'tasklet', chan: ch });
  }

  private push(e: TraceEntry): void {
    this.trace.push(e);
    const m = this.model;
    if (m === null || this.failure) { this.index++; return; }
    let r;
    try {
      r = m.step(this.state, e, this.index, this.opts.cov);
    } catch (err) {
      this.fail({ kind: 'model_bug', step: this.index, msg: `model threw: ${errMsg(err)}` });
      this.index++;
      return;
    }
    const before = this.state;
    this.index++;
    this.state = r.state;
    if (r.advisories !== undefined) {
      for (const a of r.advisories) {
        this.advisoriesSeen.push(a);
        this.opts.onAdvisory?.(a);
      }
    }
    if (r.verdict) this.onVerdict(r.verdict, e, before);
  }

  private onVerdict(v: FailureVerdict, e?: TraceEntry, before?: unknown): void {
    if (v.kind === 'undefined' && this.opts.mode === 'misuse') {
      // Expected misuse, or anything on a channel the client already poisoned (the model
      // contract: after Undefined it accepts anything there).
      if (this.expectedMisuse.has(v.rule) || (e !== undefined && this.onPoisoned(e, before))) {
        this.undefinedSeen.push(v);
        return;
      }
    }
    this.fail(v);
  }

  private onPoisoned(e: TraceEntry, before: unknown): boolean {
    if (e.k !== 'call' || !this.model) return false;
    const c = e.call;
    const chan = 'chan' in c ? c.chan : 'desc' in c ? this.client.descs.get(c.desc)?.chan : undefined;
    return chan !== undefined && this.model.chan(before, chan)?.poisoned === true;
  }
}

function errMsg(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}
