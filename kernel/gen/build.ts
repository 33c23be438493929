/**
 * Turns a {@link ProgramPlan} into a legal client program for bcm2835-dma under QEMU.
 * Legal by construction, whatever the engine's timing:
 * - every descriptor is prepared with DMA_CTRL_ACK (DESC-9), with DMA_PREP_INTERRUPT
 *   when it has a callback (DESC-8), and submitted at once (DESC-4); callbacks and
 *   REUSE are set between prep and submit (DESC-3, DESC-5), REUSE only after
 *   get_slave_caps (CAPS-5);
 * - a descriptor whose callback does more than read (chain, terminate_async) is always
 *   waited for, so that callback cannot run after a later terminate_async (SYNC-3/SYNC-7);
 *   a callback's terminate_async is followed by synchronize before any new work, and in
 *   its round every other callback only reads; rounds that abort use read-only callbacks;
 * - a REUSE descriptor is resubmitted only after its callback returned (DESC-16) and
 *   freed only when idle (DESC-12);
 * - every channel is stopped (terminate_sync, or terminate_async + synchronize) before
 *   any buffer is unmapped or freed and before release (TERM-8, DATA-3, CB-15, CH-7);
 *   every mapping is unmapped (DATA-9); a client that keeps its channels hands its REUSE
 *   descriptors back with desc_free (DESC-14).
 * A wait that times out runs terminate_sync on the channel, which keeps all of the above.
 * A round may queue its work and abort with terminate_async from atomic or hard-IRQ
 * context (PlanRound.ctx; DESC-2, TERM-4); what may sleep (slave_config here, waits,
 * synchronize, terminate_sync, request, release, buffers) stays in process context.
 * @public
 */
import type { ClientProgram, ProgramCall, ProgramStep } from '../../spec/api/program.ts';
import type { CallbackAction, SgEntry } from '../../spec/api/vocabulary.ts';
import type { PlanAction, PlanChan, PlanCtx, PlanDesc, PlanRound, ProgramPlan } from './plan.ts';

/** How long a program waits for a callback or a status before its error path (µs). @public */
export const WAIT_US = 20_000;
/** Poll period of `wait: complete` (µs). @public */
export const POLL_US = 20;
/** The channel names a generated program requests (the kernel agent takes any free DMA_SLAVE channel). @public */
export const CHAN_NAMES = ['c0', 'c1', 'c2'] as const;

const ACK = 2;
const INTERRUPT = 1;
const WORD = 4;

interface Ctx {
  readonly plan: ProgramPlan;
  /** Global buffer ids of each channel, and their lengths in bytes. */
  readonly bufs: readonly (readonly { id: number; len: number }[])[];
  nextDesc: number;
  readonly steps: ProgramStep[];
  /** REUSE descriptors not handed back with desc_free yet. */
  readonly reuseLive: Set<number>;
}

const stopChan = (chan: number): ProgramStep => ({ do: { op: 'terminate_sync', chan } });

/** A call step made from `ctx` (no `ctx` field for process context). */
const inCtx = (ctx: PlanCtx, call: ProgramCall): ProgramStep => (ctx === 'process' ? { do: call } : { do: call, ctx });

/** The legal program of `plan`, named `name`. @public */
export function buildProgram(plan: ProgramPlan, name: string): ClientProgram {
  let next = 0;
  const bufs = plan.chans.map((c) => c.bufWords.map((w) => ({ id: next++, len: w * WORD })));
  const cx: Ctx = { plan, bufs, nextDesc: 1, steps: [], reuseLive: new Set() };
  const reuseOn = plan.chans.map((_, ch) => plan.rounds.some((r) => r.chan % plan.chans.length === ch && r.descs.some((d) => d.reuse)));
  plan.chans.forEach((c, chan) => {
    cx.steps.push({ do: { op: 'request_chan', name: CHAN_NAMES[chan]! } });
    if (c.caps || reuseOn[chan]) cx.steps.push({ do: { op: 'get_slave_caps', chan } });
    cx.steps.push(slaveConfig(chan, c.burst, c.cfgDirection));
    if (c.pauseProbe) cx.steps.push({ do: { op: 'pause', chan } });
    for (const b of bufs[chan]!) {
      cx.steps.push({ do: { op: 'alloc_buf', buf: b.id, len: b.len } }, { do: { op: 'map_buf', chan, buf: b.id, dev: 'dma' } });
    }
  });
  for (const r of plan.rounds) round(cx, r);
  plan.chans.forEach((c, chan) => {
    if (c.finish === 'sync') cx.steps.push(stopChan(chan));
    else cx.steps.push({ do: { op: 'terminate_async', chan } }, { do: { op: 'synchronize', chan } });
  });
  bufs.forEach((list, chan) => {
    for (const b of list) {
      cx.steps.push({ do: { op: 'unmap_buf', buf: b.id } });
      // The CPU reads a buffer only once it is unmapped (DATA-10).
      if (plan.chans[chan]!.giveBack) cx.steps.push({ do: { op: 'give_back', buf: b.id } });
      cx.steps.push({ do: { op: 'free_buf', buf: b.id } });
    }
  });
  // A kept channel gives its REUSE descriptors back itself (DESC-14); release would.
  if (plan.keepChannels) for (const d of cx.reuseLive) cx.steps.push({ do: { op: 'desc_free', desc: d } });
  else plan.chans.forEach((_, chan) => cx.steps.push({ do: { op: 'release_channel', chan } }));
  return {
    format: 'dmacheck-program/1', name,
    slaves: plan.chans.map((_, i) => ({ name: CHAN_NAMES[i]!, directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], fifoDepth: 64 })),
    steps: cx.steps,
  };
}

/** Widths 4 both ways (bcm2835 takes only 4-byte device widths: width 1 configs, then preps NULL). */
function slaveConfig(chan: number, burst: number, direction: PlanChan['cfgDirection']): ProgramStep {
  const cfg = { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: burst, dstMaxburst: burst } as const;
  return { do: { op: 'slave_config', chan, cfg: direction === 'none' ? cfg : { ...cfg, direction } } };
}

/** The action a descriptor may have in a round that ends `end` (see the file comment). */
function allowedAction(a: PlanAction, end: PlanRound['end'], roundTerminates: boolean, isTerminator: boolean): PlanAction {
  if (end !== 'wait') return a === 'tx_status' ? 'tx_status' : 'none';
  if (roundTerminates && !isTerminator) return a === 'tx_status' ? 'tx_status' : 'none';
  return a;
}

function sgEntries(cx: Ctx, chan: number, d: PlanDesc): SgEntry[] {
  const bufs = cx.bufs[chan]!;
  return d.sg.map((e) => {
    const b = bufs[e.buf % bufs.length]!;
    const words = b.len / WORD;
    const off = e.offsetWords % words;
    const len = Math.min(e.lenWords, words - off);
    return { buf: b.id, offset: off * WORD, len: len * WORD };
  });
}

function callbackAction(cx: Ctx, chan: number, a: PlanAction, d: PlanDesc): CallbackAction {
  switch (a) {
    case 'none': case 'tx_status': case 'terminate_async': return { kind: a };
    case 'chain': {
      const b = cx.bufs[chan]![0]!;
      return { kind: 'chain', buf: b.id, len: Math.min(b.len, 256), dir: d.dir };
    }
  }
}

/** A descriptor of a round, with what the round allows it. */
interface RoundDesc { readonly id: number; readonly d: PlanDesc; readonly hasCb: boolean; readonly action: PlanAction; readonly reuse: boolean }

/** The round's descriptors: ids, callbacks and the actions the round's end allows them. */
function roundDescs(cx: Ctx, r: PlanRound): { descs: RoundDesc[]; terminates: boolean } {
  // A REUSE descriptor that is resubmitted gets a callback: its resubmit waits for it (DESC-16).
  const hasCb = (d: PlanDesc): boolean => d.cb !== 'none' || (d.reuse && r.end !== 'sleep');
  // A terminating callback goes last, so no wait of the round is for an aborted descriptor.
  const termIdx = r.end === 'wait' ? r.descs.findIndex((d) => hasCb(d) && d.action === 'terminate_async') : -1;
  const ordered = termIdx < 0 ? r.descs : [...r.descs.filter((_, i) => i !== termIdx), r.descs[termIdx]!];
  const terminates = termIdx >= 0;
  const descs = ordered.map((d, i) => ({
    id: cx.nextDesc++, d, hasCb: hasCb(d),
    action: hasCb(d) ? allowedAction(d.action, r.end, terminates, terminates && i === ordered.length - 1) : 'none' as const,
    // No REUSE resubmit in a round whose callback terminates the channel.
    reuse: d.reuse && !terminates,
  }));
  return { descs, terminates };
}

function round(cx: Ctx, r: PlanRound): void {
  const chan = r.chan % cx.plan.chans.length;
  const { descs, terminates } = roundDescs(cx, r);
  if (r.reconfig !== 0) cx.steps.push(slaveConfig(chan, r.reconfig, cx.plan.chans[chan]!.cfgDirection));
  for (const x of descs) {
    const flags = ACK | (x.hasCb || x.d.interrupt ? INTERRUPT : 0);
    cx.steps.push(inCtx(r.ctx, { op: 'prep_slave_sg', chan, desc: x.id, sgl: sgEntries(cx, chan, x.d), dir: x.d.dir, flags }));
    if (x.hasCb) cx.steps.push(inCtx(r.ctx, { op: 'set_callback', desc: x.id, fn: x.d.cb === 'callback_result' ? 'callback_result' : 'callback', action: callbackAction(cx, chan, x.action, x.d) }));
    if (x.reuse) {
      cx.steps.push(inCtx(r.ctx, { op: 'set_reuse', desc: x.id }));
      cx.reuseLive.add(x.id);
    }
    cx.steps.push(inCtx(r.ctx, { op: 'submit', desc: x.id }));
    if (x.d.statusBeforeIssue) cx.steps.push(inCtx(r.ctx, { op: 'tx_status', chan, desc: x.id, withState: r.statusWithState }));
  }
  cx.steps.push(inCtx(r.ctx, { op: 'issue_pending', chan }));
  // Not behind a terminating callback: it may already have called terminate_async (SYNC-3).
  if (r.doubleIssue && !terminates) cx.steps.push(inCtx(r.ctx, { op: 'issue_pending', chan }));
  endRound(cx, chan, r, descs);
}

function endRound(cx: Ctx, chan: number, r: PlanRound, descs: readonly RoundDesc[]): void {
  const onTimeout = [stopChan(chan)];
  const statusOfAll = (): ProgramStep[] => descs.map((x) => ({ do: { op: 'tx_status', chan, desc: x.id, withState: r.statusWithState } }));
  switch (r.end) {
    case 'sleep':
      cx.steps.push({ sleep: r.sleepUs }, ...statusOfAll());
      return;
    case 'abort_sync': case 'abort_async':
      if (r.end === 'abort_sync') cx.steps.push(stopChan(chan));
      else {
        // terminate_async may come from atomic context (TERM-4); synchronize may not (SYNC-2).
        cx.steps.push(inCtx(r.ctx, { op: 'terminate_async', chan }), { sleep: r.sleepUs });
        if (r.statusWhileTerminating) cx.steps.push(...descs.map((x) => inCtx(r.ctx, { op: 'tx_status', chan, desc: x.id, withState: r.statusWithState })));
        cx.steps.push({ do: { op: 'synchronize', chan } });
      }
      if (r.idleIssue) cx.steps.push({ do: { op: 'issue_pending', chan } });
      resubmitReuse(cx, chan, descs, r.freeReuse);
      return;
    case 'wait':
      for (const x of descs) {
        cx.steps.push(x.hasCb
          ? { wait: 'callback', desc: x.id, timeoutUs: WAIT_US, onTimeout }
          : { wait: 'complete', desc: x.id, pollUs: POLL_US, timeoutUs: WAIT_US, onTimeout });
        // The callback called terminate_async: status queries may come before synchronize.
        if (x.action === 'terminate_async') {
          if (r.statusWhileTerminating) cx.steps.push(...statusOfAll());
          cx.steps.push({ do: { op: 'synchronize', chan } });
        }
        cx.steps.push(r.isTxComplete
          ? { do: { op: 'is_tx_complete', chan, desc: x.id } }
          : { do: { op: 'tx_status', chan, desc: x.id, withState: r.statusWithState } });
      }
      resubmitReuse(cx, chan, descs, r.freeReuse);
  }
}

/**
 * Each REUSE descriptor of the round, now idle (its callback returned, or the channel was
 * stopped), goes once more (DESC-13: it survives completion and terminate); then it is
 * handed back with desc_free or left to the channel's release (DESC-14). Its callback may
 * already have run once or been dropped by the terminate: the wait for two callbacks in
 * all then takes the error path, which is legal.
 */
function resubmitReuse(cx: Ctx, chan: number, descs: readonly { id: number; reuse: boolean }[], free: boolean): void {
  for (const x of descs.filter((y) => y.reuse)) {
    cx.steps.push({ do: { op: 'submit', desc: x.id } }, { do: { op: 'issue_pending', chan } });
    cx.steps.push({ wait: 'callback', desc: x.id, count: 2, timeoutUs: WAIT_US, onTimeout: [stopChan(chan)] });
    if (free) {
      cx.steps.push({ do: { op: 'desc_free', desc: x.id } });
      cx.reuseLive.delete(x.id);
    }
  }
}
