/**
 * Hand-made `RunResult`s for the report tests: a passing run, a failing one whose
 * counterexample has nested callbacks, an implementation error, a hostile one
 * (markup, `]]>`, control characters, a 1 MB name), and a generator of a long
 * counterexample (10,000 trace entries).
 * @internal
 */
import type { CapabilityProfile, EngineConfig } from '../../spec/api/config.ts';
import type { TraceEntry } from '../../spec/api/trace.ts';
import type { ClientCall, Ctx, EngineEvent, Ret } from '../../spec/api/vocabulary.ts';
import type { Counterexample, RuleVerdict, RunResult } from '../result.ts';
import { traceExcerpt } from '../timeline/labels.ts';

export const profile: CapabilityProfile = {
  slaveSg: true, dmaVec: false, cyclic: true, interleave: false, repeat: false, pause: true, resume: true,
  terminate: true, synchronize: true, reuse: false, metadata: false, callbacks: true, multiChannel: true,
  cookieInit: true, configurableCaps: false,
};

export const config: EngineConfig = {
  slaves: [{ name: 'tx', directions: ['MEM_TO_DEV'], fifoDepth: 16 }, { name: 'rx', directions: ['DEV_TO_MEM'], fifoDepth: 16 }],
  caps: {
    config: true, pause: true, resume: true, terminate: true, synchronize: true, slaveSg: true, dmaVec: false,
    cyclic: true, interleave: false, repeat: false, loadEot: false, descriptorReuse: false, metadataClient: false,
    metadataEngine: false, completionNoOrder: false,
  },
  residueGranularity: 'burst', bytesPerUnit: 8, addrWidths: [1, 4], maxBurst: 8, cookieInit: 1, maxTransferLen: 65536,
};

const rule = (id: string, verdict: RuleVerdict['verdict'], exercised: number, statement: string, binds: RuleVerdict['binds'] = 'engine', failures = 0): RuleVerdict =>
  ({ id, group: id.replace(/-\d+$/, ''), binds, statement, verdict, exercised, failures });

export const rules: readonly RuleVerdict[] = [
  rule('CH-1', 'pass', 40, '`dma_request_chan` returns a channel or an ERR_PTR, never NULL.', 'client'),
  rule('CH-2', 'pass', 12, 'A held channel is never returned to another requester.'),
  rule('SUB-1', 'pass', 311, '`dmaengine_submit` queues the descriptor and assigns a cookie but never starts the transfer.'),
  rule('CB-1', 'pass', 97, 'Callbacks run from the tasklet, never from hard interrupt context.'),
  rule('CB-9', 'pass', 80, 'Callbacks of one channel are serialized and follow completion (cookie) order.'),
  rule('CB-14', 'not_exercised', 0, 'A cyclic period callback is not invoked again while the previous one still runs.'),
  rule('SYNC-3', 'pass', 8, '`dma_async_issue_pending` between `terminate_async` and `synchronize` makes synchronize undefined.', 'client'),
  rule('SYNC-4', 'pass', 25, 'On return of synchronize, the controller no longer accesses memory of previously issued descriptors and no callback is running or scheduled.'),
  rule('CYC-6', 'not_supported', 0, 'A DMA_PREP_REPEAT transfer repeats until replaced.'),
  rule('META-1', 'not_supported', 0, 'Metadata modes are exclusive per descriptor.'),
  rule('DATA-4', 'documented_only', 0, 'For MEM_TO_DEV, completion of the DMA does not mean the peripheral has emitted the data.', 'client'),
];

const base: RunResult = {
  schemaVersion: 1, tool: { name: 'dmacheck', version: '0.1.0' }, command: 'certify',
  implementation: { name: 'builtin', profile }, seed: 42, budget: { runs: 200 },
  startedAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:00:01.500Z', durationMs: 1500,
  partial: false, verdict: 'pass', rules, counterexamples: [],
  coverage: { rulesExercised: 7, rulesCheckable: 9, pairsVisited: 57, pairsReachable: 80 },
  stats: { sequences: 200, commands: 5400, commandsPerSecond: 3600 },
};

/** Every rule that can pass passes. */
export function passingResult(): RunResult {
  return base;
}

/* Trace builders. */
const call = (c: ClientCall, ctx: Ctx = 'process'): TraceEntry => ({ k: 'call', call: c, ctx });
const ret = (r: Ret): TraceEntry => ({ k: 'ret', ret: r });
const ev = (e: EngineEvent): TraceEntry => ({ k: 'ev', ev: e });
const OK: Ret = { t: 'ok' };
const ZERO: Ret = { t: 'int', v: 0 };
const VOID: Ret = { t: 'void' };

function setup(): TraceEntry[] {
  return [
    call({ op: 'request_chan', name: 'tx' }), ret(OK),
    call({ op: 'alloc_buf', buf: 1, len: 64 }), ret(ZERO),
    call({ op: 'map_buf', chan: 0, buf: 1, dev: 'dma' }), ret(ZERO),
  ];
}

/** prep + callback(chain) + submit + issue on channel 0, then the completion with a nested callback chain. */
function cycle(d: number, cookie: number, nested: boolean): TraceEntry[] {
  const sg = { op: 'prep_slave_sg', chan: 0, desc: d, sgl: [{ buf: 1, offset: 0, len: 32 }], dir: 'MEM_TO_DEV', flags: 3 } as const;
  return [
    call(sg), ret(OK),
    call({ op: 'set_callback', desc: d, fn: 'callback', action: nested ? { kind: 'chain', buf: 1, len: 32, dir: 'MEM_TO_DEV' } : { kind: 'tx_status' } }), ret(VOID),
    call({ op: 'submit', desc: d }), ret({ t: 'cookie', v: cookie }),
    call({ op: 'issue_pending', chan: 0 }), ev({ ev: 'hw_start', chan: 0, desc: d }), ret(VOID),
    { k: 'env', step: { op: 'advance', units: 4 } },
    ev({ ev: 'xfer', chan: 0, desc: d, offset: 0, len: 32, sum: 0x1234abcd, width: 4 }), ev({ ev: 'irq_raised', chan: 0 }),
    { k: 'env_end' },
    { k: 'env', step: { op: 'irq', chan: 0 } },
    ev({ ev: 'complete', chan: 0, desc: d, cookie }), ev({ ev: 'tasklet_scheduled', chan: 0 }),
    { k: 'env_end' },
    { k: 'env', step: { op: 'tasklet', chan: 0 } },
    { k: 'cb', cb: { chan: 0, desc: d, fn: 'callback', period: false, ctx: 'tasklet', locksHeld: false } },
    ...(nested
      ? [
          call({ ...sg, desc: d + 1 }, 'callback'), ret(OK),
          call({ op: 'submit', desc: d + 1 }, 'callback'), ret({ t: 'cookie', v: cookie + 1 }),
          call({ op: 'issue_pending', chan: 0 }, 'callback'), ev({ ev: 'hw_start', chan: 0, desc: d + 1 }), ret(VOID),
        ]
      : [call({ op: 'tx_status', chan: 0, cookie, withState: true }, 'callback'), ret({ t: 'status', st: { status: 'DMA_COMPLETE', residue: 0 } })]),
    { k: 'cb_ret' },
    ev({ ev: 'desc_freed', chan: 0, desc: d, recycled: false }),
    { k: 'env_end' },
    { k: 'env', step: { op: 'drain', chan: 0, bytes: 32 } },
    ev({ ev: 'periph_rx', chan: 0, len: 32, sum: 0x1234abcd }),
    { k: 'env_end' },
  ];
}

const SYNC4 = rules.find((r) => r.id === 'SYNC-4')!.statement;

/** A SYNC-4 violation: after terminate_sync returned, the chained descriptor still moves bytes. */
export function failingCounterexample(): Counterexample {
  const trace: TraceEntry[] = [
    ...setup(),
    ...cycle(1, 2, true),
    call({ op: 'terminate_sync', chan: 0 }), ret(ZERO),
    { k: 'env', step: { op: 'advance', units: 4 } },
    ev({ ev: 'xfer', chan: 0, desc: 2, offset: 0, len: 32, sum: 0x0badf00d, width: 4 }),
    { k: 'env_end' },
  ];
  const violationIndex = trace.length - 2;
  return {
    rule: 'SYNC-4', kind: 'violation', msg: 'SYNC-4: xfer of d2 after synchronize returned', statement: SYNC4,
    seed: 42, path: '17:3:0', config, commands: [{ cmd: 'terminate_sync', chan: 0 }], length: 9, trace, violationIndex,
    text: trace.map((e, i) => `${String(i).padStart(3)} ${JSON.stringify(e)}`).join('\n'),
    c: 'chan = dma_request_chan(dev, "tx");\ndesc = dmaengine_prep_slave_sg(chan, sgl, 1, DMA_MEM_TO_DEV, 3);\ndmaengine_terminate_sync(chan);',
  };
}

/** One failing rule (SYNC-4) with one counterexample. */
export function failingResult(): RunResult {
  return {
    ...base,
    verdict: 'fail',
    rules: rules.map((r) => (r.id === 'SYNC-4' ? { ...r, verdict: 'fail', failures: 1 } : r)),
    counterexamples: [failingCounterexample()],
  };
}

/** The implementation crashed. */
export function errorResult(): RunResult {
  return {
    ...base, verdict: 'error', partial: true,
    implError: { what: 'crash', msg: 'child exited with signal SIGSEGV', stderrTail: ['Segmentation fault (core dumped)'] },
  };
}

/** A long counterexample: `steps` trace entries, the violation at the last but one. */
export function longCounterexample(steps: number): Counterexample {
  const trace: TraceEntry[] = setup();
  for (let d = 1; trace.length < steps; d += 2) trace.push(...cycle(d, d + 1, d % 4 === 1));
  trace.length = steps - 2;
  trace.push(ev({ ev: 'xfer', chan: 0, desc: 999_999, offset: 0, len: 8, sum: 1, width: 4 }), { k: 'env_end' });
  const calls = trace.flatMap((e) => (e.k === 'call' ? [`${e.call.op}(${Object.values(e.call).slice(1).map((v) => JSON.stringify(v)).join(', ')});`] : []));
  return {
    ...failingCounterexample(), trace, violationIndex: steps - 2, length: calls.length,
    text: traceExcerpt(trace, 0, steps, steps - 2).join('\n'), c: calls.join('\n'),
  };
}

/** {@link failingResult} with a `steps`-entry counterexample. */
export function longResult(steps: number): RunResult {
  return { ...failingResult(), counterexamples: [longCounterexample(steps)] };
}

/** Every string an implementation or a recorded trace can influence, made hostile. */
export const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> ]]> ]]&gt; --> & "\' \u0000\u0001\u0008\u000b\u000c\u001b[31m\u007f\u009b\ud800\ufffe\uffff\u202e # not ok 99 x\n  ok 5 fake\r\n| **md** [l](javascript:alert(1)) `code` </svg></style>';

export function hostileResult(megabyteName = true): RunResult {
  const f = failingResult();
  const cx = failingCounterexample();
  const bigName = megabyteName ? HOSTILE + 'x'.repeat(1_048_576) + HOSTILE : HOSTILE;
  const trace = cx.trace.map((e) => (e.k === 'call' && e.call.op === 'request_chan' ? { ...e, call: { ...e.call, name: HOSTILE } } : e));
  return {
    ...f,
    tool: { name: 'dmacheck', version: HOSTILE },
    implementation: { name: bigName, profile },
    rules: f.rules.map((r) => ({ ...r, group: r.id === 'CH-1' ? HOSTILE : r.group, statement: r.statement + HOSTILE, id: r.id === 'CH-2' ? `CH-2${HOSTILE}` : r.id })),
    counterexamples: [{ ...cx, trace, msg: HOSTILE, statement: HOSTILE, path: HOSTILE, text: HOSTILE + cx.text, c: HOSTILE, rule: 'SYNC-4' }],
    implError: { what: 'crash', msg: HOSTILE, stderrTail: [HOSTILE, HOSTILE] },
    known: [HOSTILE],
  };
}

/** A check-trace result (issue 15): an advisory rule, every verdict with its trace line; passing unless `strict`. */
export function advisoryResult(strict = false): RunResult {
  return {
    ...base,
    command: 'check-trace',
    verdict: strict ? 'fail' : 'pass',
    strict,
    rules: [...rules, rule('DESC-9', strict ? 'fail' : 'advisory', 3, 'Slave descriptors are prepared with DMA_CTRL_ACK unless the client is building a dependency chain.', 'client', strict ? 1 : 0)],
    findings: [
      { kind: 'advisory', rule: 'DESC-9', msg: 'DESC-9: prep without DMA_CTRL_ACK', line: 7, chan: 0 },
      { kind: 'advisory', rule: 'DESC-9', msg: 'DESC-9: prep without DMA_CTRL_ACK', line: 12, chan: 1 },
    ],
  };
}
