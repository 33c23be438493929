/**
 * Test doubles FOR TESTS ONLY: a tiny engine (one descriptor at a time per channel,
 * callbacks from the tasklet) and a tiny model that tracks just enough state for the
 * generators and checks one rule (CB-1: callbacks only in tasklet context).
 * @internal
 */
import type {
  CapabilityProfile, ChanView, ClientCall, DescView, EngineConfig, EngineHooks, EnvStep, Implementation, Model, Ret,
  StepResult, TraceEntry,
} from '../../spec/api/index.ts';

export const FAKE_PROFILE: CapabilityProfile = {
  slaveSg: true, dmaVec: false, cyclic: false, interleave: false, repeat: false, pause: false, resume: false,
  terminate: true, synchronize: true, reuse: false, metadata: false, callbacks: true, multiChannel: true,
  cookieInit: false, configurableCaps: false,
};

interface FDesc { chan: number; len: number; cookie: number; phase: DescView['phase']; cb: boolean }

/** A tiny engine; `cbCtx` lets a test make it call back from the wrong context. */
export function fakeEngine(cbCtx: 'tasklet' | 'hardirq' = 'tasklet'): Implementation {
  let hooks: EngineHooks;
  let descs = new Map<number, FDesc>();
  let queue = new Map<number, number[]>();
  let moved = new Map<number, number>();
  let done = new Map<number, number[]>();
  let cookie = 1;
  const fire = (chan: number, d: number) => hooks.callback({ chan, desc: d, fn: 'callback', period: false, ctx: cbCtx, locksHeld: false });
  return {
    name: `fake${cbCtx === 'tasklet' ? '' : ':cb-hardirq'}`,
    profile: FAKE_PROFILE,
    reset(_c: EngineConfig, h: EngineHooks) { hooks = h; descs = new Map(); queue = new Map(); moved = new Map(); done = new Map(); cookie = 1; },
    call(c: ClientCall): Ret {
      switch (c.op) {
        case 'request_chan': return { t: 'ok' };
        case 'prep_slave_sg': descs.set(c.desc, { chan: c.chan, len: c.sgl.reduce((s, e) => s + e.len, 0), cookie: 0, phase: 'prepared', cb: false }); return { t: 'ok' };
        case 'set_callback': { const d = descs.get(c.desc); if (d) d.cb = true; return { t: 'void' }; }
        case 'submit': { const d = descs.get(c.desc); if (!d) return { t: 'err', e: 'EINVAL' }; d.cookie = ++cookie; d.phase = 'submitted'; return { t: 'cookie', v: d.cookie }; }
        case 'issue_pending': {
          const q = queue.get(c.chan) ?? [];
          for (const [id, d] of descs) if (d.chan === c.chan && d.phase === 'submitted') { d.phase = 'issued'; q.push(id); }
          queue.set(c.chan, q);
          return { t: 'void' };
        }
        case 'tx_status': return { t: 'status', st: { status: 'DMA_IN_PROGRESS' } };
        case 'get_slave_caps': return { t: 'err', e: 'ENXIO' };
        case 'metadata_supported': return { t: 'bool', v: false };
        case 'terminate_async': case 'terminate_sync': case 'terminate_all': queue.set(c.chan, []); return { t: 'int', v: 0 };
        case 'alloc_buf': case 'map_buf': case 'slave_config': case 'pause': case 'resume': return { t: 'int', v: 0 };
        default: return { t: 'void' };
      }
    },
    env(s: EnvStep): void {
      if (s.op === 'advance') {
        for (const [chan, q] of queue) {
          const head = q[0];
          if (head === undefined) continue;
          const d = descs.get(head)!;
          const m = moved.get(head) ?? 0;
          const n = Math.min(d.len - m, s.units * 4);
          if (n > 0) { moved.set(head, m + n); if (m + n === d.len) { hooks.event({ ev: 'irq_raised', chan }); } }
        }
      } else if (s.op === 'irq') {
        const q = queue.get(s.chan) ?? [];
        const head = q[0];
        if (head === undefined || (moved.get(head) ?? 0) < descs.get(head)!.len) return;
        q.shift();
        const d = descs.get(head)!;
        d.phase = 'completed';
        hooks.event({ ev: 'complete', chan: s.chan, desc: head, cookie: d.cookie });
        done.set(s.chan, [...(done.get(s.chan) ?? []), head]);
        if (cbCtx === 'hardirq' && d.cb) fire(s.chan, head);
        hooks.event({ ev: 'tasklet_scheduled', chan: s.chan });
      } else if (s.op === 'tasklet') {
        for (const id of done.get(s.chan) ?? []) {
          if (cbCtx === 'tasklet' && descs.get(id)!.cb) fire(s.chan, id);
          descs.get(id)!.phase = 'freed';
          hooks.event({ ev: 'desc_freed', chan: s.chan, desc: id, recycled: false });
        }
        done.set(s.chan, []);
      }
    },
  };
}

interface FState {
  readonly chans: ReadonlyMap<number, ChanView>;
  readonly descs: ReadonlyMap<number, DescView>;
  readonly cbDepth: number;
  readonly names: readonly string[];
}

const chanView = (chan: number): ChanView => ({
  chan, held: true, poisoned: false, configured: false, rerequested: false, paused: false, terminating: false, issuedSinceTerminate: false,
  irqPending: false, taskletPending: false, periphBytes: 0, used: 1, last: 1,
});

function withChan(s: FState, chan: number, f: (c: ChanView) => ChanView): FState {
  const c = s.chans.get(chan);
  return c ? { ...s, chans: new Map(s.chans).set(chan, f(c)) } : s;
}
function withDesc(s: FState, desc: number, f: (d: DescView) => DescView): FState {
  const d = s.descs.get(desc);
  return d ? { ...s, descs: new Map(s.descs).set(desc, f(d)) } : s;
}

/** A tiny model: tracks phases for the generators; its only rule is CB-1. */
export function fakeModel(): Model<FState> {
  let pendingCall: ClientCall | undefined;
  const step = (s: FState, e: TraceEntry, index: number, cov?: { rule(id: string): void }): StepResult<FState> => {
    switch (e.k) {
      case 'call': pendingCall = e.call; return { state: s };
      case 'ret': {
        const c = pendingCall;
        if (!c) return { state: s };
        if (c.op === 'request_chan' && e.ret.t === 'ok') { const i = s.names.indexOf(c.name); return { state: { ...s, chans: new Map(s.chans).set(i, chanView(i)) } }; }
        if (c.op === 'slave_config') return { state: withChan(s, c.chan, (v) => ({ ...v, configured: true })) };
        if (c.op === 'prep_slave_sg' && e.ret.t === 'ok') {
          const d: DescView = { desc: c.desc, chan: c.chan, phase: 'prepared', kind: 'slave_sg', dir: c.dir, len: 0, cookie: 0, reuse: false, metaMode: 'none', hasCallback: false, repeat: false };
          return { state: { ...s, descs: new Map(s.descs).set(c.desc, d) } };
        }
        if (c.op === 'submit' && e.ret.t === 'cookie') { const v = e.ret.v; return { state: withDesc(s, c.desc, (d) => ({ ...d, phase: 'submitted', cookie: v })) }; }
        if (c.op === 'release_channel') return { state: withChan(s, c.chan, (v) => ({ ...v, held: false })) };
        return { state: s };
      }
      case 'ev': {
        const ev = e.ev;
        if (ev.ev === 'irq_raised') return { state: withChan(s, ev.chan, (v) => ({ ...v, irqPending: true })) };
        if (ev.ev === 'tasklet_scheduled') return { state: withChan(s, ev.chan, (v) => ({ ...v, taskletPending: true })) };
        if (ev.ev === 'complete') return { state: withDesc(s, ev.desc, (d) => ({ ...d, phase: 'completed' })) };
        if (ev.ev === 'desc_freed') return { state: withDesc(s, ev.desc, (d) => ({ ...d, phase: 'freed' })) };
        return { state: s };
      }
      case 'env': {
        const st = e.step;
        if (st.op === 'irq') return { state: withChan(s, st.chan, (v) => ({ ...v, irqPending: false })) };
        if (st.op === 'tasklet') return { state: withChan(s, st.chan, (v) => ({ ...v, taskletPending: false })) };
        return { state: s };
      }
      case 'cb':
        cov?.rule('CB-1');
        if (e.cb.ctx !== 'tasklet') return { state: s, verdict: { kind: 'violation', rule: 'CB-1', step: index, msg: `callback from ${e.cb.ctx}` } };
        return { state: { ...s, cbDepth: s.cbDepth + 1 } };
      case 'cb_ret': return { state: { ...s, cbDepth: s.cbDepth - 1 } };
      case 'env_end': return { state: s };
    }
  };
  return {
    init: (cfg) => ({ chans: new Map(), descs: new Map(), cbDepth: 0, names: cfg.slaves.map((x) => x.name) }),
    step,
    end: (s) => ({ state: s }),
    chan: (s, c) => s.chans.get(c),
    desc: (s, d) => s.descs.get(d),
    descsOf: (s, c) => [...s.descs.values()].filter((d) => d.chan === c),
    buf: () => undefined,
    inCallback: () => undefined,
  };
}
