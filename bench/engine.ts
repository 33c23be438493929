/**
 * Benchmark of the built-in engine (run: node --import tsx bench/engine.ts).
 * Prints API commands per second for a mixed workload, hardware steps per second, and
 * the cost per command as channels grow 1 → 64 and queues 1 → 10,000 descriptors
 * (should stay flat: O(1) lists and cookie index).
 * @internal
 */
import { performance } from 'node:perf_hooks';
import type { ClientCall, EngineConfig, EnvStep } from '../spec/api/index.ts';
import { createBuiltinEngine } from '../impl/index.ts';

function config(channels: number): EngineConfig {
  return {
    slaves: Array.from({ length: channels }, (_, i) => ({ name: `c${i}`, directions: ['MEM_TO_DEV', 'DEV_TO_MEM'] as const, fifoDepth: 1 << 16 })),
    caps: {
      config: true, pause: true, resume: true, terminate: true, synchronize: true, slaveSg: true, dmaVec: true, cyclic: true,
      interleave: true, repeat: true, loadEot: true, descriptorReuse: true, metadataClient: true, metadataEngine: true, completionNoOrder: false,
    },
    residueGranularity: 'burst', bytesPerUnit: 16, addrWidths: [1, 2, 4], maxBurst: 16, cookieInit: 1, maxTransferLen: 1 << 20,
  };
}

interface Counts { calls: number; steps: number }

function engine(channels: number): { call: (c: ClientCall) => void; env: (s: EnvStep) => void; n: Counts } {
  const eng = createBuiltinEngine();
  const n: Counts = { calls: 0, steps: 0 };
  eng.reset(config(channels), { event: () => {}, callback: () => {} });
  const call = (c: ClientCall): void => {
    n.calls++;
    eng.call(c, 'process');
  };
  const env = (s: EnvStep): void => {
    n.steps++;
    eng.env(s);
  };
  for (let ch = 0; ch < channels; ch++) {
    call({ op: 'request_chan', name: `c${ch}` });
    call({ op: 'slave_config', chan: ch, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 4, dstMaxburst: 4 } });
    call({ op: 'alloc_buf', buf: ch, len: 4096 });
    call({ op: 'map_buf', chan: ch, buf: ch, dev: 'dma' });
  }
  return { call, env, n };
}

/** One transfer on `ch`: prep, callback, submit, issue, two status queries, then the hardware. */
function transfer(e: ReturnType<typeof engine>, ch: number, desc: number): void {
  e.call({ op: 'prep_slave_sg', chan: ch, desc, sgl: [{ buf: ch, offset: 0, len: 64 }], dir: 'DEV_TO_MEM', flags: 3 });
  e.call({ op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } });
  e.call({ op: 'submit', desc });
  e.call({ op: 'issue_pending', chan: ch });
  e.call({ op: 'tx_status', chan: ch, cookie: desc + 1, withState: true });
  e.call({ op: 'is_tx_complete', chan: ch, cookie: desc + 1 });
}

function mixed(channels: number, rounds: number): { cmdsPerSec: number; stepsPerSec: number; nsPerCmd: number } {
  const e = engine(channels);
  const base = { ...e.n };
  let desc = 0;
  let tCalls = 0;
  let tSteps = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let ch = 0; ch < channels; ch++) transfer(e, ch, ++desc);
    const t1 = performance.now();
    e.env({ op: 'advance', units: 4 });
    for (let ch = 0; ch < channels; ch++) {
      e.env({ op: 'irq', chan: ch });
      e.env({ op: 'tasklet', chan: ch });
    }
    tCalls += t1 - t0;
    tSteps += performance.now() - t1;
  }
  const calls = e.n.calls - base.calls;
  const steps = e.n.steps - base.steps;
  return { cmdsPerSec: calls / (tCalls / 1000), stepsPerSec: steps / (tSteps / 1000), nsPerCmd: (tCalls * 1e6) / calls };
}

/** Cost per command with `depth` descriptors already queued on the channel. */
function queued(depth: number, ops: number): number {
  const e = engine(1);
  let desc = 0;
  for (let i = 0; i < depth; i++) {
    e.call({ op: 'prep_slave_sg', chan: 0, desc: ++desc, sgl: [{ buf: 0, offset: 0, len: 64 }], dir: 'DEV_TO_MEM', flags: 3 });
    e.call({ op: 'submit', desc });
  }
  e.call({ op: 'issue_pending', chan: 0 });
  const mid = Math.max(2, Math.floor(depth / 2));
  const before = e.n.calls;
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) {
    e.call({ op: 'prep_slave_sg', chan: 0, desc: ++desc, sgl: [{ buf: 0, offset: 0, len: 64 }], dir: 'DEV_TO_MEM', flags: 3 });
    e.call({ op: 'submit', desc });
    e.call({ op: 'issue_pending', chan: 0 });
    e.call({ op: 'tx_status', chan: 0, cookie: mid, withState: true });
    if (i % 8 === 0) {
      e.env({ op: 'advance', units: 4 });
      e.env({ op: 'irq', chan: 0 });
      e.env({ op: 'tasklet', chan: 0 });
    }
  }
  const dt = performance.now() - t0;
  return (dt * 1e6) / (e.n.calls - before);
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

mixed(8, 2000); // warm-up
const m = mixed(8, 20_000);
console.log(`mixed workload (8 channels): ${fmt(m.cmdsPerSec)} API commands/s, ${fmt(m.stepsPerSec)} hardware steps/s (goal >= 300,000 commands/s)`);
console.log('channels  ns/command');
for (const ch of [1, 4, 16, 64]) console.log(`${String(ch).padStart(8)}  ${fmt(mixed(ch, Math.ceil(40_000 / ch)).nsPerCmd)}`);
console.log('queued descriptors  ns/command');
for (const depth of [1, 100, 1000, 10_000]) console.log(`${String(depth).padStart(18)}  ${fmt(queued(depth, 40_000))}`);
