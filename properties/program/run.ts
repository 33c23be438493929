/**
 * One run of a client program against an implementation, in lockstep with the model
 * (properties/lockstep/runner.ts): the program's calls in order, the schedule's
 * environment steps between and inside them, waits and sleeps in simulated time
 * (1 advance unit = 1 µs), then the environment settles and the end obligations are
 * checked (Model.end, and DATA-9: every mapping unmapped).
 * Program ids: `chan` is the index of the request that got the channel; descriptor
 * and buffer ids are the program's own. Steps naming a channel whose request failed or
 * a descriptor whose prep failed are skipped (docs/PROGRAM.md).
 * @public
 */
import type {
  AdvisoryVerdict, CallbackInvocation, ChanId, ClientCall, ClientProgram, Ctx, DescId, EngineConfig, EnvStep, Implementation, Model,
  ProgramCall, ProgramStep, Ret, StepCtx, TraceEntry, Verdict,
} from '../../spec/api/index.ts';
import { endMappings } from '../../spec/model/end-mappings.ts';
import { hasCapability } from '../../spec/model/ops-request-mask.ts';
import type { ModelState } from '../../spec/model/state.ts';
import { bounded } from '../../adapters/inproc/guard.ts';
import { Lockstep } from '../lockstep/runner.ts';
import { LockstepFailure } from '../lockstep/step.ts';
import { enabledSteps, pick, type Schedule, ScheduleCursor } from './schedule.ts';

/** What one run went through, for the "what was explored" summary. @public */
export interface RunWindows {
  /** A completion callback ran while its channel's peripheral FIFO still held data (seed 000). */
  readonly callbackBeforeDrain: boolean;
  /** Time passed while a completion tasklet was pending (a delayed callback). */
  readonly delayedCallback: boolean;
  /** A wait ran out of time and the program took its onTimeout path. */
  readonly timeout: boolean;
}

/** @public */
export interface ProgramRunResult {
  readonly verdict: Verdict | undefined;
  /** Advisory rules the client broke in this run (they do not fail it). */
  readonly advisories: readonly AdvisoryVerdict[];
  readonly trace: readonly TraceEntry[];
  /** Schedule decisions the run read. */
  readonly decisionsUsed: number;
  readonly envSteps: number;
  readonly windows: RunWindows;
}

/**
 * Default-progress rounds inside one wait or sleep after which time passes in larger steps
 * (a 16th of what is left: a long sleep beside a cyclic transfer, which never idles, takes
 * tens of steps rather than one per period), and after which it jumps to the deadline.
 */
const FINE_ROUNDS = 256;
const MAX_ROUNDS = 4096;
const PREPS = new Set<ProgramCall['op']>(['prep_slave_sg', 'prep_dma_vec', 'prep_cyclic', 'prep_interleaved', 'prep_memcpy']);

/** The lockstep runner, watching for the windows a schedule opened. */
class WatchedLockstep extends Lockstep {
  callbackBeforeDrain = false;
  override callback(inv: CallbackInvocation): void {
    if ((this.client.periphBytes.get(inv.chan) ?? 0) > 0) this.callbackBeforeDrain = true;
    super.callback(inv);
  }
}

/** The largest descriptor id a program's steps (and their onTimeout paths) name. */
function maxDescId(steps: readonly ProgramStep[]): number {
  let m = 0;
  for (const st of steps) {
    if ('do' in st) { if ('desc' in st.do) m = Math.max(m, st.do.desc); }
    else if ('wait' in st) m = Math.max(m, st.desc, maxDescId(st.onTimeout ?? []));
  }
  return m;
}

class ProgramRun {
  private now = 0;
  private requests = 0;
  private readonly chans = new Map<number, ChanId>();
  private readonly deadDescs = new Set<DescId>();
  private readonly callbacks = new Map<DescId, number>();
  private scanned = 0;
  private stalled = false;
  envSteps = 0;
  delayedCallback = false;
  timeout = false;

  constructor(
    readonly r: WatchedLockstep,
    private readonly cursor: ScheduleCursor,
    private readonly quantum: number,
    private readonly fastPeripheral: boolean,
  ) {}

  run(steps: readonly ProgramStep[]): void {
    let prev: StepCtx | undefined;
    for (const s of steps) {
      if (this.r.failure) return;
      const ctx = 'do' in s ? s.ctx : undefined;
      // Consecutive steps of one atomic ctx are one spinlocked section or one interrupt
      // handler (docs/PROGRAM.md): no interrupt or tasklet runs between them.
      if (ctx === undefined || ctx !== prev) this.point(this.quantum * 16);
      prev = ctx;
      this.step(s);
    }
  }

  /** A scheduling point: environment steps until the schedule lets the client go on. */
  point(longUnits: number): void {
    if (!this.inFlight()) return; // no decision where the environment can change nothing the client sees
    for (let k = this.cursor.next(); k !== 0 && !this.r.failure; k = this.cursor.next()) {
      this.env(pick(enabledSteps(this.r.client, this.quantum, longUnits), k));
    }
  }

  /** Is anything pending or moving: an interrupt, a tasklet, FIFO bytes, issued or running work? */
  private inFlight(): boolean {
    const cl = this.r.client;
    const m = this.r.model;
    if (cl.irqPending.size + cl.taskletPending.size > 0 || [...cl.periphBytes.values()].some((n) => n > 0)) return true;
    return m !== null && [...cl.held].some((ch) => m.descsOf(this.r.state, ch).some((d) => d.phase === 'issued' || d.phase === 'active'));
  }

  private step(s: ProgramStep): void {
    if ('do' in s) { this.call(s.do, s.ctx ?? 'process'); return; }
    if ('sleep' in s) { this.until(this.now + s.sleep, () => false); return; }
    if (this.deadDescs.has(s.desc)) return;
    const deadline = this.now + s.timeoutUs;
    const done = s.wait === 'callback'
      ? this.until(deadline, () => this.callbacksOf(s.desc) >= (s.count ?? 1))
      : this.poll(s.desc, s.pollUs ?? 10, deadline);
    if (!done && !this.r.failure) {
      this.timeout = true;
      this.run(s.onTimeout ?? []);
    }
  }

  /**
   * Let time pass up to `deadline` until `done`; false on timeout. A decision is read
   * where the engine races the client — an interrupt or tasklet is pending: deliver it
   * (0) or let something else happen first (a delayed callback, a drain, time passing);
   * elsewhere the default progress runs.
   */
  private until(deadline: number, done: () => boolean): boolean {
    const cl = this.r.client;
    for (let round = 0; !this.r.failure; round++) {
      if (done()) return true;
      if (this.now >= deadline) return false;
      const k = cl.irqPending.size + cl.taskletPending.size > 0 ? this.cursor.next() : 0;
      if (k !== 0) this.env(pick(enabledSteps(cl, this.quantum, deadline - this.now), k));
      else this.progress(deadline, round);
    }
    return false;
  }

  /** wait complete: tx_status every `pollUs` until DMA_COMPLETE; false on timeout. */
  private poll(desc: DescId, pollUs: number, deadline: number): boolean {
    const d = this.r.client.descs.get(desc);
    if (d === undefined || d.cookie <= 0) return true;
    for (;;) {
      const st = this.r.call({ op: 'tx_status', chan: d.chan, cookie: d.cookie, withState: false }, 'process');
      if (this.r.failure) return false;
      if (st.t === 'status' && st.st.status === 'DMA_COMPLETE') return true;
      if (this.now >= deadline) return false;
      this.point(this.quantum * 16);
      this.until(Math.min(deadline, this.now + pollUs), () => false);
    }
  }

  /**
   * The default progress: a fast peripheral drains what it holds; then a pending interrupt
   * is delivered, else the tasklet runs, else time passes (a slow peripheral drains only
   * once the DMA stalled on its full FIFO; an idle system jumps to the deadline).
   */
  private progress(deadline: number, round: number): void {
    const cl = this.r.client;
    const first = (s: ReadonlySet<ChanId>) => Math.min(...s);
    const full = [...cl.periphBytes].find(([, n]) => n > 0);
    if (full !== undefined && (this.fastPeripheral || this.stalled)) { this.stalled = false; this.env({ op: 'drain', chan: full[0], bytes: full[1] }); return; }
    if (cl.irqPending.size > 0) { this.env({ op: 'irq', chan: first(cl.irqPending) }); return; }
    if (cl.taskletPending.size > 0) { this.env({ op: 'tasklet', chan: first(cl.taskletPending) }); return; }
    const left = Math.max(1, deadline - this.now);
    const units = this.stalled || round >= MAX_ROUNDS ? left
      : round >= FINE_ROUNDS ? Math.min(left, Math.max(this.quantum, Math.ceil(left / 16))) : Math.min(this.quantum, left);
    // Over a long interval even a slow peripheral keeps up with its FIFO.
    if (units > this.quantum && full !== undefined) { this.env({ op: 'drain', chan: full[0], bytes: full[1] }); return; }
    const before = this.r.trace.length;
    this.env({ op: 'advance', units });
    this.stalled = this.r.trace.length - before <= 2;
  }

  private env(step: EnvStep): void {
    if (step.op === 'advance') {
      this.now += step.units;
      if (this.r.client.taskletPending.size > 0) this.delayedCallback = true;
    }
    this.envSteps++;
    this.r.env(step);
  }

  private callbacksOf(desc: DescId): number {
    const t = this.r.trace;
    for (; this.scanned < t.length; this.scanned++) {
      const e = t[this.scanned]!;
      if (e.k === 'cb') this.callbacks.set(e.cb.desc, (this.callbacks.get(e.cb.desc) ?? 0) + 1);
    }
    return this.callbacks.get(desc) ?? 0;
  }

  /** A `do` step: translate the program's ids, make the call from `ctx`, learn the new ids. */
  private call(pc: ProgramCall, ctx: Ctx): void {
    const c = this.translate(pc);
    if (c === undefined) return;
    const chan = c.op === 'request_chan' ? this.r.config.slaves.findIndex((s) => s.name === c.name)
      : c.op === 'request_channel' ? this.r.config.slaves.findIndex((_, i) => !this.r.client.held.has(i) && hasCapability(this.r.config, i, c.mask))
        : -1;
    const ret: Ret = this.r.call(c, ctx);
    if (c.op === 'request_chan' || c.op === 'request_channel') {
      if (ret.t === 'ok' && chan >= 0) this.chans.set(this.requests, chan);
      this.requests++;
    }
    if (PREPS.has(c.op) && 'desc' in c && ret.t !== 'ok') this.deadDescs.add(c.desc);
  }

  /** The call with engine ids, or undefined when it names a missing channel or descriptor. */
  private translate(pc: ProgramCall): ClientCall | undefined {
    if ('desc' in pc && !PREPS.has(pc.op) && this.deadDescs.has(pc.desc)) return undefined;
    let chan: ChanId | undefined;
    if ('chan' in pc) {
      chan = this.chans.get(pc.chan);
      if (chan === undefined) return undefined;
    }
    if ((pc.op === 'tx_status' || pc.op === 'is_tx_complete') && 'desc' in pc) {
      const cookie = this.r.client.descs.get(pc.desc)?.cookie ?? 0;
      if (cookie <= 0 || chan === undefined) return undefined;
      return pc.op === 'tx_status' ? { op: 'tx_status', chan, cookie, withState: pc.withState } : { op: 'is_tx_complete', chan, cookie };
    }
    // Only `chan` differs between the program's call and the engine's; the shapes are the same union.
    return (chan === undefined ? pc : { ...pc, chan }) as ClientCall;
  }
}

/** Options of {@link runProgram}. @public */
export interface RunProgramInput {
  /** null: the engine alone, nothing judged (the batch extension's engine side records the trace). */
  readonly model: Model<unknown> | null;
  readonly impl: Implementation;
  readonly program: ClientProgram;
  readonly config: EngineConfig;
  readonly schedule: Schedule;
  /** The peripheral drains as soon as bytes arrive (else only when the DMA stalls). */
  readonly fastPeripheral: boolean;
}

/** Run `program` once under `schedule`; the first verdict ends the run. @public */
export function runProgram(o: RunProgramInput): ProgramRunResult {
  const r = new WatchedLockstep(o.model, o.impl, o.config, { mode: 'legal', asWritten: true });
  // Descriptors a callback chains get ids above every id the program names, so a later
  // prep of the program never collides with one (DESC-5 false alarms otherwise).
  r.client.nextDesc = Math.max(r.client.nextDesc, maxDescId(o.program.steps) + 1);
  const cursor = new ScheduleCursor(o.schedule);
  const quantum = Math.max(1, Math.ceil(64 / o.config.bytesPerUnit));
  const p = new ProgramRun(r, cursor, quantum, o.fastPeripheral);
  // One time bound for the whole run of an in-process module (adapters/inproc/guard.ts).
  const hung = bounded(o.impl, () => {
    if (!r.failure) {
      p.run(o.program.steps);
      if (!r.failure) p.point(quantum * 16);
    }
    try {
      if (!r.failure) r.finish();
    } catch (e) {
      if (!(e instanceof LockstepFailure)) throw e;
    }
  });
  if (hung) r.abandon(hung);
  // The lockstep runs the reference model: its state is spec/model's ModelState.
  if (!r.failure && o.model !== null) {
    const leak = endMappings(r.state as ModelState, r.index).verdict;
    if (leak !== undefined) r.fail(leak);
  }
  return {
    verdict: r.failure, advisories: r.advisoriesSeen, trace: r.trace, decisionsUsed: cursor.used, envSteps: p.envSteps,
    windows: { callbackBeforeDrain: r.callbackBeforeDrain, delayedCallback: p.delayedCallback, timeout: p.timeout },
  };
}
