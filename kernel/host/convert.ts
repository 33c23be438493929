/**
 * Converts one program's agent log (kernel/README.md §Log) into a dmacheck-trace/1.1
 * text. Calls come back from the program itself (a record names the flat step, or the
 * callback action, that made it); returns, callbacks and driver events come from the
 * records. Nothing unobserved is added: a record the converter cannot read, or a
 * program the agent stopped, ends the trace there (no end line).
 * @internal
 */
import type { BusWidth, ClientCall, Cookie, Ctx, Direction, DmaStatus, EngineCtx, EngineEvent, Errno, Ret, SlaveEntry, TraceEntry, TxResult } from '../../spec/api/index.ts';
import { type AgentAction, type AgentCall, DIRECTIONS, OPS } from './agent-vocabulary.ts';
import type { ProgramLog } from './console.ts';
import type { EncodedProgram } from './encode.ts';
import { OBSERVED, bcm2835Config, slaveEntry } from './engine-config.ts';

/** The agent's trace entries are the contract's. */
export type KernelTraceEntry = TraceEntry;

export interface KernelIdentity {
  /** uname -r, e.g. "6.1.0-57-arm64". */
  readonly release: string;
  /** Debian package version, e.g. "6.1.192-3". */
  readonly version: string;
}

export interface Converted {
  readonly trace: string;
  /** Ended quiescent, nothing cut: the trace has its end line. */
  readonly complete: boolean;
  /** Why the trace stops early, when it does. */
  readonly stopped?: string;
}

const ERRNO: Readonly<Record<number, Errno>> = {
  1: 'EPERM', 5: 'EIO', 6: 'ENXIO', 12: 'ENOMEM', 16: 'EBUSY', 19: 'ENODEV', 22: 'EINVAL', 38: 'ENOSYS', 517: 'EPROBE_DEFER', 524: 'ENOTSUPP',
};
const STATUS: readonly DmaStatus[] = ['DMA_COMPLETE', 'DMA_IN_PROGRESS', 'DMA_PAUSED', 'DMA_ERROR', 'DMA_OUT_OF_ORDER'];
const RESULT: readonly TxResult[] = ['DMA_TRANS_NOERROR', 'DMA_TRANS_READ_FAILED', 'DMA_TRANS_WRITE_FAILED', 'DMA_TRANS_ABORTED'];
const ENGINE_CTX: readonly EngineCtx[] = ['process', 'atomic', 'hardirq', 'tasklet'];
const GRANULARITY = ['descriptor', 'segment', 'burst'] as const;
const WIDTHS: readonly BusWidth[] = [1, 2, 3, 4, 8, 16, 32, 64, 128];
/** Flags of the descriptors a chain action prepares: DMA_PREP_INTERRUPT | DMA_CTRL_ACK. */
const CHAIN_FLAGS = 3;

class Stop extends Error {}

/** Why the agent stopped a program inside a call it did not make (`X` record; kernel/README.md). */
const ABORTS: Readonly<Record<number, string>> = {
  1: 'a callback called a sleeping API (not made: it would hang this CPU)',
  2: 'a call named a buffer never mapped (it has no bus address)',
  3: 'a call named a freed descriptor or released channel (not made)',
  4: 'the agent ran out of channel or descriptor slots (not made)',
  5: 'a step called a sleeping API in atomic context (not made: it would sleep with interrupts off)',
  6: 'the hard-IRQ work of a hardirq step did not run (not made)',
};

const at = <T>(xs: readonly T[], i: number | undefined, what: string): T => {
  const v = i === undefined ? undefined : xs[i];
  if (v === undefined) throw new Stop(`unknown ${what} ${i}`);
  return v;
};

function errno(n: number): Ret {
  const e = ERRNO[-n];
  if (e === undefined) throw new Stop(`errno ${n} outside the vocabulary`);
  return { t: 'err', e };
}

const bitsTo = <T>(mask: number, table: readonly T[], index: (t: T) => number): T[] => table.filter((t) => (mask & (1 << index(t))) !== 0);

/** The flat action list of a callback (a seq expands in order). */
function flatActions(a: AgentAction): AgentAction[] {
  return a.kind === 'seq' ? a.actions.flatMap(flatActions) : [a];
}

type Frame = { readonly kind: 'call'; readonly call: AgentCall } | { readonly kind: 'env' } | { readonly kind: 'cb'; readonly desc: number };

class Converter {
  readonly out: KernelTraceEntry[] = [];
  readonly slaves: SlaveEntry[] = [];
  private readonly frames: Frame[] = [];
  /** Program channel index → slave index (the real channel it got). */
  private readonly chanSlave = new Map<number, number>();
  private readonly descChan = new Map<number, number>();
  private readonly descActions = new Map<number, AgentAction[]>();
  /** Requests so far (the program's channel index of the next one). */
  private requests = 0;
  /** A request_chan waiting for its K record: the trace names the real channel it got. */
  private heldRequest: { readonly idx: number; readonly ctx: Ctx } | undefined;
  quiescent = false;

  constructor(private readonly encoded: EncodedProgram) {}

  private chan(c: number): number {
    return this.chanSlave.get(c) ?? c;
  }

  /** The call as the trace states it: channel ids of the real channels, cookies resolved. */
  private traceCall(c: AgentCall, cookie: number): ClientCall {
    if ('desc' in c && (c.op === 'tx_status' || c.op === 'is_tx_complete')) {
      const chan = this.chan(c.chan);
      return c.op === 'tx_status' ? { op: 'tx_status', chan, cookie, withState: c.withState } : { op: 'is_tx_complete', chan, cookie };
    }
    return 'chan' in c && typeof c.chan === 'number' ? { ...c, chan: this.chan(c.chan) } as ClientCall : c as ClientCall;
  }

  private openCall(call: AgentCall, traced: ClientCall, ctx: Ctx): void {
    if (call.op === 'prep_slave_sg' || call.op === 'prep_cyclic' || call.op === 'prep_memcpy') this.descChan.set(call.desc, call.chan);
    if (call.op === 'set_callback') this.descActions.set(call.desc, flatActions(call.action));
    this.frames.push({ kind: 'call', call });
    if (call.op === 'request_chan' || call.op === 'request_channel') {
      const idx = this.requests++;
      if (call.op === 'request_chan') {
        this.heldRequest = { idx, ctx };
        return;
      }
    }
    this.out.push({ k: 'call', call: traced, ctx });
  }

  /** A program step's call (`C` record); `ctx` is the real context the agent measured. */
  private stepCall(pc: number, cookie: number, ctx: number): void {
    const step = at(this.encoded.flat, pc, 'step');
    const real = at(ENGINE_CTX, ctx, 'context');
    if (real === 'tasklet') throw new Stop(`program line ${pc} ran in softirq context`);
    switch (step.kind) {
      case 'call': return this.openCall(step.call, this.traceCall(step.call, cookie), real);
      case 'wait': {
        const chan = this.descChan.get(step.desc);
        if (chan === undefined) throw new Stop(`poll of descriptor ${step.desc} before its prep`);
        const call: AgentCall = { op: 'tx_status', chan, cookie, withState: true };
        return this.openCall(call, this.traceCall(call, cookie), real);
      }
      case 'sleep': throw new Stop(`call record names sleep step ${pc}`);
    }
  }

  private actionCall(op: number, ai: number, desc: number, arg: number): void {
    const cb = [...this.frames].reverse().find((f) => f.kind === 'cb');
    if (cb?.kind !== 'cb') throw new Stop('action call outside a callback');
    const action = at(this.descActions.get(cb.desc) ?? [], ai, `action of descriptor ${cb.desc}`);
    const chan = this.descChan.get(cb.desc);
    if (chan === undefined) throw new Stop(`callback of descriptor ${cb.desc} before its prep`);
    const name = at(OPS, op, 'op');
    let call: AgentCall;
    switch (name) {
      case 'prep_slave_sg':
        if (action.kind !== 'chain') throw new Stop(`prep from a ${action.kind} action`);
        call = { op: 'prep_slave_sg', chan, desc, sgl: [{ buf: action.buf, offset: 0, len: action.len }], dir: action.dir, flags: CHAIN_FLAGS };
        break;
      case 'submit': case 'get_metadata_ptr': call = { op: name, desc }; break;
      case 'issue_pending': case 'terminate_async': case 'synchronize': case 'terminate_sync': call = { op: name, chan }; break;
      case 'tx_status': call = { op: 'tx_status', chan, cookie: arg, withState: true }; break;
      case 'unmap_buf': call = { op: 'unmap_buf', buf: arg }; break;
      default: throw new Stop(`callback action call ${name}`);
    }
    this.openCall(call, this.traceCall(call, arg), 'callback');
  }

  private ret(sub: string, v: readonly number[]): void {
    const f = this.frames.pop();
    if (f?.kind !== 'call') throw new Stop('return outside a call');
    const c = f.call;
    const n = v[0] ?? 0;
    let ret: Ret;
    switch (sub) {
      case 'v': ret = { t: 'void' }; break;
      case 'o': ret = { t: 'ok' }; break;
      // dma_request_channel() gives NULL where dma_request_chan() gives ERR_PTR(-ENODEV).
      case 'n': ret = c.op === 'request_chan' ? { t: 'err', e: 'ENODEV' } : { t: 'null' }; break;
      case 'i': ret = n >= 0 ? { t: 'int', v: n } : errno(n); break;
      case 'k': ret = n >= 0 ? { t: 'cookie', v: n } : errno(n); break;
      case 'b': ret = { t: 'bool', v: n !== 0 }; break;
      case 'm': ret = { t: 'metaptr', payloadLen: n, maxLen: v[1] ?? 0 }; break;
      case 's': ret = this.status(c, v); break;
      case 'c': ret = this.caps(v); break;
      default: throw new Stop(`return kind ${sub}`);
    }
    if (this.heldRequest !== undefined) {
      const slave = this.slaves[this.chanSlave.get(this.heldRequest.idx) ?? -1];
      this.out.push({ k: 'call', call: { op: 'request_chan', name: slave?.name ?? 'none' }, ctx: this.heldRequest.ctx });
      this.heldRequest = undefined;
    }
    this.out.push({ k: 'ret', ret });
  }

  private status(c: AgentCall, v: readonly number[]): Ret {
    const [st, last, used, residue] = v;
    const status = at(STATUS, st, 'dma_status');
    if (c.op === 'is_tx_complete') return { t: 'status', st: { status, last: last ?? 0, used: used ?? 0 } };
    if (c.op === 'tx_status' && !c.withState) return { t: 'status', st: { status } };
    return { t: 'status', st: { status, last: last ?? 0, used: used ?? 0, residue: residue ?? 0 } };
  }

  private caps(v: readonly number[]): Ret {
    const [src = 0, dst = 0, dirs = 0, minBurst = 0, maxBurst = 0, maxSgBurst = 0, gran = 0, reuse = 0, pause = 0, resume = 0, term = 0] = v;
    return {
      t: 'caps',
      caps: {
        srcAddrWidths: bitsTo(src, WIDTHS, (w) => w), dstAddrWidths: bitsTo(dst, WIDTHS, (w) => w),
        directions: bitsTo(dirs, DIRECTIONS, (d: Direction) => DIRECTIONS.indexOf(d)),
        minBurst, maxBurst, maxSgBurst, residueGranularity: at(GRANULARITY, gran, 'residue granularity'),
        descriptorReuse: reuse !== 0, cmdPause: pause !== 0, cmdResume: resume !== 0, cmdTerminate: term !== 0,
      },
    };
  }

  private ev(ev: EngineEvent): void {
    if ('desc' in ev && ev.desc < 0) throw new Stop(`${ev.ev} of a descriptor the program does not know`);
    this.out.push({ k: 'ev', ev });
  }

  /** Reads one record line; throws Stop where the trace must end. */
  record(line: string): void {
    const [head = '', ...rest] = line.split(' ');
    const v = rest.map(Number);
    const [a = 0, b = 0, c = 0, d = 0] = v;
    switch (head) {
      case 'C': return this.stepCall(a, b, c); // logs before the ctx field read 0: process
      case 'A': return this.actionCall(a, b, c, d);
      case 'K': {
        const name = `dma${b}chan${c}`;
        let idx = this.slaves.findIndex((s) => s.name === name);
        if (idx < 0) idx = this.slaves.push(slaveEntry(name)) - 1;
        this.chanSlave.set(a, idx);
        return;
      }
      case 'I': this.frames.push({ kind: 'env' }); this.out.push({ k: 'env', step: { op: 'irq', chan: this.chan(a) } }); return;
      case 'T': this.frames.push({ kind: 'env' }); this.out.push({ k: 'env', step: { op: 'tasklet', chan: this.chan(a) } }); return;
      case 'N':
        if (this.frames.pop()?.kind !== 'env') throw new Stop('env_end outside an env block');
        this.out.push({ k: 'env_end' });
        return;
      case 'Eh': return this.ev({ ev: 'hw_start', chan: this.chan(a), desc: b });
      case 'Ec': return this.ev({ ev: 'complete', chan: this.chan(a), desc: b, cookie: c as Cookie });
      case 'Es': return this.ev({ ev: 'tasklet_scheduled', chan: this.chan(a) });
      case 'Ef': return this.ev({ ev: 'desc_freed', chan: this.chan(a), desc: b, recycled: c !== 0 });
      case 'B': {
        const [, , fn, ctx, locks, result, residue] = v;
        this.frames.push({ kind: 'cb', desc: b });
        const base = { chan: this.chan(a), desc: b, period: false, ctx: at(ENGINE_CTX, ctx, 'context'), locksHeld: locks !== 0 };
        this.out.push({ k: 'cb', cb: fn === 1 ? { ...base, fn: 'callback_result', result: at(RESULT, result, 'result'), residue: residue ?? 0 } : { ...base, fn: 'callback' } });
        return;
      }
      case 'Z':
        if (this.frames.pop()?.kind !== 'cb') throw new Stop('cb_ret outside a callback');
        this.out.push({ k: 'cb_ret' });
        return;
      case 'W': return; // a wait's outcome: the client's business, not a trace entry
      case 'X': throw new Stop(ABORTS[a] ?? `agent stop ${a}`);
      case 'Q': this.quiescent = a === 1 && this.frames.length === 0; return;
      default: {
        if (head.startsWith('R') && head.length === 2) return this.ret(head.slice(1), v);
        throw new Stop(`record ${line}`);
      }
    }
  }
}

/** The dmacheck-trace/1.1 text of one program's log. */
export function convertProgram(log: ProgramLog, encoded: EncodedProgram, name: string, kernel: KernelIdentity): Converted {
  const cv = new Converter(encoded);
  let stopped: string | undefined;
  for (const line of log.records) {
    try {
      cv.record(line);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      stopped = e.message;
      break;
    }
  }
  if (stopped === undefined && log.overflow) stopped = 'the agent record buffer filled up';
  if (stopped === undefined && !log.intact) stopped = 'console noise mixed into the log (checksum mismatch)';
  const complete = stopped === undefined && cv.quiescent;
  const header = {
    format: 'dmacheck-trace/1.1',
    implementation: `linux ${kernel.release} bcm2835-dma (qemu raspi3b)`,
    config: bcm2835Config(cv.slaves),
    meta: { program: name, kernel: `${kernel.release} ${kernel.version}`, machine: 'raspi3b', driver: 'bcm2835-dma', guestUs: log.us, ...(stopped === undefined ? {} : { stopped }) },
    observe: OBSERVED,
  };
  const lines = [header, ...cv.out, ...(complete ? [{ end: true }] : [])].map((x) => JSON.stringify(x));
  return { trace: `${lines.join('\n')}\n`, complete, ...(stopped === undefined ? {} : { stopped }) };
}

/** The trace of a program the agent could not run (only the header, saying why). */
export function unrunTrace(name: string, kernel: KernelIdentity, reason: string): string {
  const header = {
    format: 'dmacheck-trace/1.1',
    implementation: `linux ${kernel.release} bcm2835-dma (qemu raspi3b)`,
    config: bcm2835Config([]),
    meta: { program: name, kernel: `${kernel.release} ${kernel.version}`, machine: 'raspi3b', driver: 'bcm2835-dma', stopped: `not run: ${reason}` },
    observe: OBSERVED,
  };
  return `${JSON.stringify(header)}\n`;
}
