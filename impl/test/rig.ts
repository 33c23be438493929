/**
 * Test rig: an engine with recording hooks, per-descriptor callback actions run as
 * nested calls with ctx `callback`, and small helpers to read the event log.
 * @internal
 */
import type {
  CallbackInvocation, ClientCall, Ctx, EngineCaps, EngineConfig, EngineEvent, EnvStep, Ret,
} from '../../spec/api/index.ts';
import { type BuiltinEngine, type FaultName, createBuiltinEngine } from '../index.ts';

export const ALL_CAPS: EngineCaps = {
  config: true, pause: true, resume: true, terminate: true, synchronize: true, slaveSg: true, dmaVec: true,
  cyclic: true, interleave: true, repeat: true, loadEot: true, descriptorReuse: true, metadataClient: true,
  metadataEngine: true, completionNoOrder: false,
};

/** Channel 0 "tx" (MEM_TO_DEV, FIFO 16), 1 "rx" (DEV_TO_MEM), 2 "duplex" (both, FIFO 64). */
export function baseConfig(over: Partial<EngineConfig> = {}, caps: Partial<EngineCaps> = {}): EngineConfig {
  return {
    slaves: [
      { name: 'tx', directions: ['MEM_TO_DEV'], fifoDepth: 16 },
      { name: 'rx', directions: ['DEV_TO_MEM'], fifoDepth: 16 },
      { name: 'duplex', directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], fifoDepth: 64 },
    ],
    caps: { ...ALL_CAPS, ...caps },
    residueGranularity: 'burst',
    bytesPerUnit: 4,
    addrWidths: [1, 2, 4],
    maxBurst: 16,
    cookieInit: 1,
    maxTransferLen: 1 << 20,
    ...over,
  };
}

export type Logged =
  | { readonly k: 'ev'; readonly ev: EngineEvent }
  | { readonly k: 'cb'; readonly cb: CallbackInvocation }
  | { readonly k: 'cb_ret' }
  /** Only when {@link Rig.logCalls} is on: a client call returned. */
  | { readonly k: 'ret'; readonly op: string; readonly ret: Ret };

export const INT = 1; // DMA_PREP_INTERRUPT
export const ACK = 2; // DMA_CTRL_ACK
export const REUSE = 64;
export const REPEAT = 256;
export const LOAD_EOT = 512;

export class Rig {
  readonly eng: BuiltinEngine;
  readonly log: Logged[] = [];
  /** What the client does inside the callback of a descriptor. */
  readonly actions = new Map<number, (inv: CallbackInvocation, rig: Rig) => void>();

  constructor(readonly cfg: EngineConfig = baseConfig(), faults: readonly FaultName[] = []) {
    this.eng = createBuiltinEngine({ faults: new Set(faults) });
    this.eng.reset(cfg, {
      event: (ev) => this.log.push({ k: 'ev', ev }),
      callback: (cb) => {
        this.log.push({ k: 'cb', cb });
        this.actions.get(cb.desc)?.(cb, this);
        this.log.push({ k: 'cb_ret' });
      },
    });
  }

  /** Record every call's return in the log too (traces compared whole). */
  logCalls = false;

  call(c: ClientCall, ctx: Ctx = 'process'): Ret {
    const ret = this.eng.call(c, ctx);
    if (this.logCalls) this.log.push({ k: 'ret', op: c.op, ret });
    return ret;
  }

  env(step: EnvStep): void {
    this.eng.env(step);
  }

  /** Events of one kind, in order. */
  events<K extends EngineEvent['ev']>(kind: K): Extract<EngineEvent, { ev: K }>[] {
    const out: Extract<EngineEvent, { ev: K }>[] = [];
    for (const e of this.log) if (e.k === 'ev' && e.ev.ev === kind) out.push(e.ev as Extract<EngineEvent, { ev: K }>);
    return out;
  }

  callbacks(): CallbackInvocation[] {
    return this.log.flatMap((e) => (e.k === 'cb' ? [e.cb] : []));
  }

  /** Compact log lines, e.g. "complete d1 c2", for order assertions. */
  lines(): string[] {
    return this.log.map((e) => {
      if (e.k === 'cb') return `cb d${e.cb.desc}${e.cb.period ? ' period' : ''}`;
      if (e.k === 'cb_ret') return 'cb_ret';
      if (e.k === 'ret') return `ret ${e.op}`;
      const ev = e.ev;
      const d = 'desc' in ev ? ` d${ev.desc}` : '';
      return `${ev.ev}${d}`;
    });
  }

  clear(): void {
    this.log.length = 0;
  }

  /** request + config (4-byte words) + alloc + map: the usual preamble. */
  open(name: string, chan: number, buf: number, len: number): void {
    expectRet(this.call({ op: 'request_chan', name }), { t: 'ok' });
    expectRet(this.call({ op: 'slave_config', chan, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 4, dstMaxburst: 4 } }), { t: 'int', v: 0 });
    expectRet(this.call({ op: 'alloc_buf', buf, len }), { t: 'int', v: 0 });
    expectRet(this.call({ op: 'map_buf', chan, buf, dev: 'dma' }), { t: 'int', v: 0 });
  }

  /** prep_slave_sg of one entry + submit; returns the cookie. */
  queue(chan: number, desc: number, buf: number, offset: number, len: number, dir: 'MEM_TO_DEV' | 'DEV_TO_MEM', flags = INT | ACK): number {
    expectRet(this.call({ op: 'prep_slave_sg', chan, desc, sgl: [{ buf, offset, len }], dir, flags }), { t: 'ok' });
    expectRet(this.call({ op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } }), { t: 'void' });
    const r = this.call({ op: 'submit', desc });
    if (r.t !== 'cookie') throw new Error(`submit d${desc}: ${JSON.stringify(r)}`);
    return r.v;
  }

  /** Run irq then tasklet of `chan`. */
  service(chan: number): void {
    this.env({ op: 'irq', chan });
    this.env({ op: 'tasklet', chan });
  }
}

export function expectRet(got: Ret, want: Ret): void {
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
}

/** FNV-1a over bytes, written again here so tests check the engine against an independent copy. */
export function fnv(bytes: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

export function memPattern(buf: number, from: number, len: number): number[] {
  return Array.from({ length: len }, (_, i) => (buf * 131 + (from + i) * 7 + 1) & 0xff);
}

export function streamPattern(chan: number, from: number, len: number): number[] {
  return Array.from({ length: len }, (_, i) => (chan * 53 + (from + i) * 13 + 3) & 0xff);
}
