/**
 * Test doubles of the kernel path: a runner that "runs" a program by writing one
 * call + return per top-level call into a trace (no guest), and a small model that
 * judges those traces by rules invented for the tests. Failures of the guest are
 * injected by program name.
 * @internal
 */
import type { EngineConfig } from '../../spec/api/config.ts';
import type { Model } from '../../spec/api/model-api.ts';
import type { ClientProgram, ProgramCall } from '../../spec/api/program.ts';
import type { ClientCall } from '../../spec/api/vocabulary.ts';
import { TRACE_FORMAT } from '../../trace/format.ts';
import type { BatchResult, KernelEnv, KernelFailure, KernelRunner, ProgramRun } from '../certify/runner.ts';

export const TEST_ENV: KernelEnv = { abi: '6.1.0-99', release: '6.1.0-99-arm64', machine: 'raspi3b', driver: 'bcm2835-dma', cacheDir: '/nonexistent' };

const CONFIG: EngineConfig = {
  slaves: [{ name: 'c0', directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], fifoDepth: 64 }, { name: 'c1', directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], fifoDepth: 64 }, { name: 'c2', directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], fifoDepth: 64 }],
  caps: {
    config: true, pause: false, resume: false, terminate: true, synchronize: true, slaveSg: true, dmaVec: false,
    cyclic: false, interleave: false, repeat: false, loadEot: false, descriptorReuse: true, metadataClient: false,
    metadataEngine: false, completionNoOrder: false,
  },
  residueGranularity: 'burst', bytesPerUnit: 16, addrWidths: [4], maxBurst: 16, cookieInit: 1, maxTransferLen: 65536,
};

const clientCall = (c: ProgramCall): ClientCall =>
  c.op === 'tx_status' && 'desc' in c ? { op: 'tx_status', chan: c.chan, cookie: 2, withState: c.withState }
    : c.op === 'is_tx_complete' && 'desc' in c ? { op: 'is_tx_complete', chan: c.chan, cookie: 2 }
      : c as ClientCall;

/** The trace of `p`: header, one call + void return per top-level call, end line. */
export function fakeTrace(p: ClientProgram): string {
  const lines = [JSON.stringify({ format: TRACE_FORMAT, implementation: 'fake-kernel', config: CONFIG })];
  for (const s of p.steps) {
    if (!('do' in s)) continue;
    lines.push(JSON.stringify({ k: 'call', call: clientCall(s.do), ctx: 'process' }), JSON.stringify({ k: 'ret', ret: { t: 'void' } }));
  }
  lines.push('{"end":true}');
  return lines.map((l) => `${l}\n`).join('');
}

/** A runner whose guest fails (after recording part of it) in the programs named in `failIn`. */
export class FakeRunner implements KernelRunner {
  readonly batches: (readonly string[])[] = [];
  constructor(private readonly failIn: ReadonlyMap<string, KernelFailure['kind']> = new Map(), private readonly env: KernelEnv | undefined = TEST_ENV) {}
  findKernelEnv(): KernelEnv | undefined { return this.env; }
  async runBatch(programs: readonly ClientProgram[]): Promise<BatchResult> {
    this.batches.push(programs.map((p) => p.name));
    const runs: ProgramRun[] = [];
    for (const p of programs) {
      const kind = this.failIn.get(p.name);
      if (kind) {
        const cut = fakeTrace(p).split('\n').slice(0, -3).join('\n');
        runs.push({ name: p.name, trace: `${cut}\n`, complete: false });
        const consoleTail = ['[   12.345678] Unable to handle kernel NULL pointer dereference', '[   12.345700] Internal error: Oops'];
        return { env: TEST_ENV, runs, bootMs: 10, runMs: 5, consoleTail, error: { kind, msg: `injected ${kind}`, consoleTail } };
      }
      runs.push({ name: p.name, trace: fakeTrace(p), complete: true });
    }
    return { env: TEST_ENV, runs, bootMs: 10, runMs: 5, consoleTail: [] };
  }
}

/**
 * Judges fake traces: `is_tx_complete` of cookie 1 (never generated: generated queries name a descriptor) is an engine violation (STAT-1), `terminate_all`
 * client misuse ("TEST-MISUSE"); every call exercises "CH-1" and every slave_config "CFG-3".
 */
export const testModel: Model<null> = {
  init: () => null,
  step: (s, e, index, cov) => {
    if (e.k !== 'call') return { state: s };
    cov?.rule('CH-1');
    if (e.call.op === 'slave_config') cov?.rule('CFG-3');
    if (e.call.op === 'is_tx_complete' && e.call.cookie === 1) return { state: s, verdict: { kind: 'violation', rule: 'STAT-1', step: index, msg: 'is_tx_complete answered wrongly' } };
    if (e.call.op === 'terminate_all') return { state: s, verdict: { kind: 'undefined', rule: 'TERM-6', step: index, msg: 'terminate_all used' } };
    return { state: s };
  },
  end: (s) => ({ state: s }),
  chan: () => undefined, desc: () => undefined, descsOf: () => [], buf: () => undefined, inCallback: () => undefined,
};
