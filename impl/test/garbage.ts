/**
 * Seeded random calls and steps with degenerate arguments, shared by the bad-input and
 * fault tests.
 * @internal
 */
import type { ClientCall, Ctx, EnvStep } from '../../spec/api/index.ts';
import type { Rig } from './rig.ts';

/** mulberry32: a tiny seeded generator, so every run sees the same garbage. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIRD = [-1, 0, 1, 2, 3, 7, 2.5, -0, 1e9, Number.NaN, 0x7fffffff, -0x80000000];
const DIRS = ['MEM_TO_DEV', 'DEV_TO_MEM', 'MEM_TO_MEM', 'DEV_TO_DEV'] as const;
const CTXS: Ctx[] = ['process', 'atomic', 'hardirq', 'callback'];

export function gen(next: () => number): { call?: ClientCall; step?: EnvStep; ctx: Ctx } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const n = (): number => (next() < 0.7 ? Math.floor(next() * 6) : pick(WEIRD));
  const sgl = Array.from({ length: Math.floor(next() * 3) }, () => ({ buf: n(), offset: n(), len: n() * 4 }));
  const dir = pick(DIRS);
  const calls: ClientCall[] = [
    { op: 'request_chan', name: pick(['tx', 'rx', 'duplex', '', 'zz']) },
    { op: 'release_channel', chan: n() },
    { op: 'slave_config', chan: n(), cfg: { srcAddrWidth: pick([0, 1, 4, 8] as const), dstAddrWidth: 4, srcMaxburst: n(), dstMaxburst: n() } },
    { op: 'get_slave_caps', chan: n() },
    { op: 'alloc_buf', buf: n(), len: n() * 8 },
    { op: 'free_buf', buf: n() },
    { op: 'map_buf', chan: n(), buf: n(), dev: pick(['dma', 'client'] as const) },
    { op: 'unmap_buf', buf: n() },
    { op: 'prep_slave_sg', chan: n(), desc: n(), sgl, dir, flags: n() },
    { op: 'prep_dma_vec', chan: n(), desc: n(), vecs: sgl, dir, flags: n() },
    { op: 'prep_cyclic', chan: n(), desc: n(), buf: n(), bufLen: n() * 4, periodLen: n(), dir, flags: n() },
    { op: 'prep_interleaved', chan: n(), desc: n(), xt: { dir, buf: n(), offset: n(), numf: n(), chunks: [{ size: n(), icg: n() }] }, flags: pick([0, 256, 512, 768]) },
    { op: 'set_callback', desc: n(), fn: pick(['callback', 'callback_result'] as const), action: { kind: 'none' } },
    { op: 'set_reuse', desc: n() },
    { op: 'desc_free', desc: n() },
    { op: 'metadata_supported', chan: n(), mode: pick(['client', 'engine'] as const) },
    { op: 'attach_metadata', desc: n(), len: n() },
    { op: 'get_metadata_ptr', desc: n() },
    { op: 'set_metadata_len', desc: n(), len: n() },
    { op: 'access_metadata', desc: n(), write: next() < 0.5 },
    { op: 'submit', desc: n() },
    { op: 'issue_pending', chan: n() },
    { op: 'tx_status', chan: n(), cookie: n(), withState: next() < 0.5 },
    { op: 'is_tx_complete', chan: n(), cookie: n() },
    { op: 'pause', chan: n() },
    { op: 'resume', chan: n() },
    { op: 'terminate_async', chan: n() },
    { op: 'terminate_sync', chan: n() },
    { op: 'terminate_all', chan: n() },
    { op: 'synchronize', chan: n() },
    { op: 'periph_teardown', chan: n() },
  ];
  const steps: EnvStep[] = [
    { op: 'advance', units: n() }, { op: 'irq', chan: n() }, { op: 'tasklet', chan: n() }, { op: 'drain', chan: n(), bytes: n() * 4 },
  ];
  return next() < 0.75 ? { call: pick(calls), ctx: pick(CTXS) } : { step: pick(steps), ctx: 'process' };
}


/** Run `steps` garbage commands from `seed`; a throw names the seed and step. */
export function runGarbage(r: Rig, seed: number, steps: number): void {
  const next = rng(seed);
  r.actions.set(1, (_i, rig) => {
    const g = gen(next);
    if (g.call !== undefined) rig.call(g.call, 'callback');
  });
  let i = 0;
  try {
    for (; i < steps; i++) {
      const g = gen(next);
      if (g.call !== undefined) r.call(g.call, g.ctx);
      else if (g.step !== undefined) r.env(g.step);
    }
  } catch (e) {
    throw new Error(`seed ${seed} step ${i}: ${String(e)}`);
  }
}
