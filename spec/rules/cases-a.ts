/**
 * Rule-breaking traces, one per checked rule (part A: CH, CFG, CAPS, DESC, CK, STAT, SUB, ISS).
 * Each names the rule the first verdict must carry, its kind, and the legal scenario
 * that exercises the same area without breaking it.
 * @internal
 */
import { DMA_CTRL_REUSE, DMA_PREP_INTERRUPT } from '../api/index.ts';
import type { EngineConfig, RuleId, TraceEntry } from '../api/index.ts';
import type { ScenarioName } from '../model/scenarios.ts';
import {
  call, callIn, cb, config, cookie, devSum, env, err, IA, memSum, NULL, OK, prepSg, runM2D, setup, submitIssue, tasklet, VOID, xfer, ZERO,
} from '../model/trace-builder.ts';

/** A rule-breaking trace and the legal scenario of the same area. @internal */
export interface BadCase {
  readonly rule: RuleId;
  readonly kind: 'undefined' | 'violation' | 'advisory';
  readonly legal: ScenarioName;
  readonly trace: readonly TraceEntry[];
  readonly cfg?: EngineConfig;
  /** Judged as a whole client program: the program's end obligations (DATA-9) too. */
  readonly programEnd?: true;
}

/** Shared trace pieces: setup, one prepared descriptor, submit+issue, run, status. @internal */
export const S = setup(0, 1, 64);
export const cbNone = (desc: number): TraceEntry[] => call({ op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } }, VOID);
export const P1 = [...prepSg(0, 1, 1, 16), ...cbNone(1)];
export const SI = submitIssue(0, 1, 2);
export const RUN = runM2D(0, 1, 1, 16, 2);
export const status = (ck: number, st: Extract<TraceEntry, { k: 'ret' }>['ret'], withState = true): TraceEntry[] =>
  call({ op: 'tx_status', chan: 0, cookie: ck, withState }, st);
export const two = [...P1, ...prepSg(0, 2, 1, 16, 'MEM_TO_DEV', IA, 16), ...cbNone(2),
  ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'submit', desc: 2 }, cookie(3))];
const rel = call({ op: 'release_channel', chan: 0 }, VOID);
const cfgOk = { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 4, dstMaxburst: 4 } as const;
const capsOk = {
  srcAddrWidths: [1, 2, 4], dstAddrWidths: [1, 2, 4], directions: ['MEM_TO_DEV', 'DEV_TO_MEM'], minBurst: 1, maxBurst: 16,
  maxSgBurst: 0, residueGranularity: 'burst', descriptorReuse: true, cmdPause: true, cmdResume: true, cmdTerminate: true,
} as const;

/** Breaking traces, part A. @internal */
export const CASES_A: readonly BadCase[] = [
  { rule: 'CH-1', kind: 'violation', legal: 'BASE', trace: call({ op: 'request_chan', name: 'tx' }, NULL) },
  { rule: 'CH-2', kind: 'violation', legal: 'REREQUEST', trace: [...call({ op: 'request_chan', name: 'tx' }, OK), ...call({ op: 'request_chan', name: 'tx' }, OK)] },
  { rule: 'CH-3', kind: 'undefined', legal: 'BASE', trace: callIn('atomic', { op: 'request_chan', name: 'tx' }, OK) },
  { rule: 'CH-4', kind: 'violation', legal: 'REREQUEST', trace: call({ op: 'request_chan', name: 'nope' }, OK) },
  { rule: 'CH-5', kind: 'undefined', legal: 'BASE', trace: [...S, ...rel, ...rel] },
  { rule: 'CH-6', kind: 'violation', legal: 'BASE', trace: [...S, ...rel, ...env({ op: 'advance', units: 1 }, { ev: 'irq_raised', chan: 0 })] },
  { rule: 'CH-7', kind: 'undefined', legal: 'BASE', trace: [...S, ...P1, ...SI, ...rel] },
  { rule: 'CH-8', kind: 'undefined', legal: 'BASE', trace: call({ op: 'slave_config', chan: 0, cfg: cfgOk }, ZERO) },
  { rule: 'CH-9', kind: 'violation', legal: 'REREQUEST', trace: [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(5))] },
  // The second holder preps without a slave config (CFG-1 advisory): the driver's defaults apply, not the first holder's width 4.
  { rule: 'CH-10', kind: 'violation', legal: 'REREQUEST', trace: [...S, ...rel, ...call({ op: 'request_chan', name: 'tx' }, OK), ...P1, ...SI, ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16), 4))] },
  { rule: 'CFG-1', kind: 'advisory', legal: 'BASE', trace: [...call({ op: 'request_chan', name: 'tx' }, OK), ...call({ op: 'alloc_buf', buf: 1, len: 64 }, ZERO), ...call({ op: 'map_buf', chan: 0, buf: 1, dev: 'dma' }, ZERO), ...prepSg(0, 1, 1, 16)] },
  { rule: 'CFG-2', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...SI, ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16), 2))] },
  { rule: 'CFG-3', kind: 'violation', legal: 'BASE', trace: [...call({ op: 'request_chan', name: 'tx' }, OK), ...call({ op: 'slave_config', chan: 0, cfg: cfgOk }, err('EINVAL'))] },
  { rule: 'CFG-4', kind: 'violation', legal: 'BASE', trace: [...call({ op: 'request_chan', name: 'tx' }, OK), ...call({ op: 'slave_config', chan: 0, cfg: { ...cfgOk, direction: 'DEV_TO_MEM' } }, ZERO), ...call({ op: 'alloc_buf', buf: 1, len: 64 }, ZERO), ...call({ op: 'map_buf', chan: 0, buf: 1, dev: 'dma' }, ZERO), ...P1, ...SI, ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, devSum(0, 0, 16)))] },
  { rule: 'CFG-5', kind: 'undefined', legal: 'BASE', trace: [...call({ op: 'request_chan', name: 'tx' }, OK), ...call({ op: 'slave_config', chan: 0, cfg: { ...cfgOk, dstAddrWidth: 0 } }, ZERO), ...call({ op: 'alloc_buf', buf: 1, len: 64 }, ZERO), ...call({ op: 'map_buf', chan: 0, buf: 1, dev: 'dma' }, ZERO), ...prepSg(0, 1, 1, 16)] },
  { rule: 'CAPS-1', kind: 'violation', legal: 'CHAIN', trace: [...S, ...call({ op: 'get_slave_caps', chan: 0 }, { t: 'caps', caps: { ...capsOk, maxBurst: 8 } })] },
  { rule: 'CAPS-2', kind: 'violation', legal: 'CHAIN', trace: [...S, ...call({ op: 'get_slave_caps', chan: 0 }, { t: 'caps', caps: { ...capsOk, cmdPause: false } })] },
  { rule: 'CAPS-3', kind: 'advisory', legal: 'PAUSE', cfg: config({ caps: { resume: false } }), trace: [...S, ...call({ op: 'resume', chan: 0 }, err('ENOSYS'))] },
  { rule: 'CAPS-4', kind: 'violation', legal: 'STATUS', cfg: config({ residueGranularity: 'descriptor' }), trace: [...S, ...P1, ...SI, ...status(2, { t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1, used: 2, residue: 16 } })] },
  { rule: 'CAPS-5', kind: 'undefined', legal: 'NOCAPS', cfg: config({ caps: { descriptorReuse: false } }), trace: [...S, ...prepSg(0, 1, 1, 16, 'MEM_TO_DEV', IA | DMA_CTRL_REUSE)] },
  // Everything done and freed, the same 16-byte prep fails: a leaked descriptor resource.
  { rule: 'DESC-17', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...SI, ...RUN, ...tasklet(0, 1), ...call({ op: 'prep_slave_sg', chan: 0, desc: 2, sgl: [{ buf: 1, offset: 0, len: 16 }], dir: 'MEM_TO_DEV', flags: IA }, NULL)] },
  { rule: 'DESC-1', kind: 'violation', legal: 'CHAIN', cfg: config({ caps: { slaveSg: false } }), trace: [...S, ...prepSg(0, 1, 1, 16)] },
  { rule: 'DESC-3', kind: 'undefined', legal: 'BASE', trace: [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...cbNone(1)] },
  { rule: 'DESC-4', kind: 'undefined', legal: 'BASE', trace: [...S, ...P1] },
  { rule: 'DESC-5', kind: 'undefined', legal: 'BASE', trace: [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'set_reuse', desc: 1 }, ZERO)] },
  { rule: 'DESC-2', kind: 'violation', legal: 'CONTEXTS', trace: [...S, ...callIn('hardirq', { op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 16 }], dir: 'MEM_TO_DEV', flags: IA }, err('ENOMEM'))] },
  { rule: 'DESC-7', kind: 'undefined', legal: 'CHAIN', trace: [...S, ...P1, ...SI, ...call({ op: 'free_buf', buf: 1 }, VOID)] },
  { rule: 'DESC-8', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...SI, ...RUN, ...env({ op: 'tasklet', chan: 0 })] },
  { rule: 'DESC-9', kind: 'advisory', legal: 'BASE', trace: [...S, ...prepSg(0, 1, 1, 16, 'MEM_TO_DEV', DMA_PREP_INTERRUPT)] },
  { rule: 'DESC-10', kind: 'violation', legal: 'REUSE', trace: [...S, ...P1, ...call({ op: 'set_reuse', desc: 1 }, err('EPERM'))] },
  { rule: 'DESC-11', kind: 'violation', legal: 'REUSE', trace: [...S, ...P1, ...call({ op: 'desc_free', desc: 1 }, ZERO)] },
  { rule: 'DESC-12', kind: 'undefined', legal: 'REUSE', trace: [...S, ...P1, ...call({ op: 'set_reuse', desc: 1 }, ZERO), ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'desc_free', desc: 1 }, ZERO)] },
  { rule: 'DESC-13', kind: 'violation', legal: 'REUSE', trace: [...S, ...P1, ...call({ op: 'set_reuse', desc: 1 }, ZERO), ...SI, ...RUN, ...tasklet(0, 1)] },
  { rule: 'DESC-14', kind: 'undefined', legal: 'REUSE', trace: [...S, ...P1, ...call({ op: 'set_reuse', desc: 1 }, ZERO), ...SI, ...RUN, ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }), { ev: 'desc_freed', chan: 0, desc: 1, recycled: true })] },
  { rule: 'DESC-15', kind: 'violation', legal: 'TERM', trace: [...S, ...P1, ...call({ op: 'terminate_async', chan: 0 }, ZERO)] },
  { rule: 'DESC-16', kind: 'undefined', legal: 'REUSE', trace: [...S, ...P1, ...call({ op: 'set_reuse', desc: 1 }, ZERO), ...SI, ...RUN, ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }, ...callIn('callback', { op: 'submit', desc: 1 }, cookie(3))))] },
  { rule: 'CK-1', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(-16))] },
  { rule: 'CK-2', kind: 'violation', legal: 'STATUS', trace: [...S, ...P1, ...prepSg(0, 2, 1, 8), ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'submit', desc: 2 }, cookie(2))] },
  { rule: 'CK-3', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...SI, ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16)), { ev: 'irq_raised', chan: 0 }), ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 9 })] },
  { rule: 'CK-4', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...SI, ...RUN, ...env({ op: 'advance', units: 1 }, { ev: 'irq_raised', chan: 0 }), ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 1, cookie: 2 })] },
  { rule: 'CK-5', kind: 'violation', legal: 'STATUS', trace: [...S, ...two, ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }), ...env({ op: 'advance', units: 1 }, { ev: 'irq_raised', chan: 0 }), ...env({ op: 'irq', chan: 0 }, { ev: 'complete', chan: 0, desc: 2, cookie: 3 })] },
  { rule: 'CK-6', kind: 'undefined', legal: 'STATUS', cfg: config({ caps: { completionNoOrder: true } }), trace: [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...status(2, { t: 'status', st: { status: 'DMA_IN_PROGRESS' } }, false)] },
  { rule: 'STAT-1', kind: 'violation', legal: 'STATUS', trace: [...S, ...P1, ...SI, ...RUN, ...status(2, { t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 2, used: 2, residue: 0 } })] },
  { rule: 'STAT-2', kind: 'undefined', legal: 'STATUS', trace: [...S, ...P1, ...SI, ...status(7, { t: 'status', st: { status: 'DMA_COMPLETE' } }, false)] },
  { rule: 'STAT-3', kind: 'violation', legal: 'TERM', trace: [...S, ...P1, ...SI, ...call({ op: 'terminate_async', chan: 0 }, ZERO, { ev: 'desc_freed', chan: 0, desc: 1, recycled: false }), ...call({ op: 'synchronize', chan: 0 }, VOID), ...prepSg(0, 2, 1, 16), ...cbNone(2), ...submitIssue(0, 2, 3), ...runM2D(0, 2, 1, 16, 3), ...status(2, { t: 'status', st: { status: 'DMA_IN_PROGRESS' } }, false)] },
  { rule: 'STAT-4', kind: 'violation', legal: 'STATUS', trace: [...S, ...P1, ...SI, ...status(2, { t: 'status', st: { status: 'DMA_ERROR' } }, false)] },
  { rule: 'STAT-5', kind: 'violation', legal: 'STATUS', trace: [...S, ...P1, ...SI, ...status(2, { t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1 } }, false)] },
  { rule: 'STAT-6', kind: 'violation', legal: 'STATUS', trace: [...S, ...P1, ...SI, ...env({ op: 'advance', units: 1 }, xfer(0, 1, 0, 4, memSum(1, 0, 4))), ...status(2, { t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1, used: 2, residue: 16 } })] },
  { rule: 'STAT-7', kind: 'violation', legal: 'CONTEXTS', trace: [...S, ...P1, ...SI, ...callIn('atomic', { op: 'tx_status', chan: 0, cookie: 2, withState: false }, err('EINVAL'))] },
  { rule: 'STAT-9', kind: 'violation', legal: 'STATUS', trace: [...S, ...P1, ...SI, ...RUN, ...status(2, { t: 'status', st: { status: 'DMA_IN_PROGRESS' } }, false)] },
  { rule: 'STAT-10', kind: 'violation', legal: 'STATUS', trace: [...S, ...P1, ...SI, ...call({ op: 'is_tx_complete', chan: 0, cookie: 2 }, { t: 'status', st: { status: 'DMA_IN_PROGRESS' } })] },
  { rule: 'STAT-12', kind: 'violation', legal: 'STATUS', trace: [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...status(2, { t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1, used: 2, residue: 5 } })] },
  { rule: 'SUB-1', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2), { ev: 'hw_start', chan: 0, desc: 1 })] },
  { rule: 'SUB-2', kind: 'undefined', legal: 'CYCLIC', trace: [...S, ...call({ op: 'prep_cyclic', chan: 0, desc: 1, buf: 1, bufLen: 32, periodLen: 8, dir: 'MEM_TO_DEV', flags: IA }, OK), ...call({ op: 'submit', desc: 1 }, cookie(2)), ...prepSg(0, 2, 1, 8), ...call({ op: 'submit', desc: 2 }, err('EBUSY')), ...cbNone(2)] },
  { rule: 'SUB-3', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...call({ op: 'submit', desc: 1 }, err('EBUSY'))] },
  { rule: 'ISS-1', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...env({ op: 'advance', units: 1 }, { ev: 'hw_start', chan: 0, desc: 1 })] },
  { rule: 'ISS-2', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'issue_pending', chan: 0 }, VOID)] },
  { rule: 'ISS-3', kind: 'violation', legal: 'STATUS', trace: [...S, ...two, ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 2 })] },
  { rule: 'ISS-4', kind: 'violation', legal: 'BASE', trace: [...S, ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'tasklet_scheduled', chan: 0 })] },
  { rule: 'ISS-5', kind: 'violation', legal: 'CYCLIC', trace: [...S, ...call({ op: 'prep_cyclic', chan: 0, desc: 1, buf: 1, bufLen: 32, periodLen: 8, dir: 'MEM_TO_DEV', flags: IA }, OK), ...SI, ...prepSg(0, 2, 1, 8), ...call({ op: 'submit', desc: 2 }, cookie(3)), ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 2 })] },
];

