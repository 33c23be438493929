/**
 * Rule-breaking traces, part B: CB, TERM, SYNC, PAUSE, CYC, META, DATA, PROV.
 * @internal
 */
import { DMA_PREP_LOAD_EOT, DMA_PREP_REPEAT } from '../api/index.ts';
import type { TraceEntry } from '../api/index.ts';
import {
  call, callIn, cb, config, cookie, devSum, env, err, IA, memSum, memSumParts, OK, prepSg, tasklet, VOID, xfer, ZERO,
} from '../model/trace-builder.ts';
import { cbNone, P1, RUN, S, SI, status, two, type BadCase } from './cases-a.ts';

const term = (...evs: TraceEntry[]): TraceEntry[] => call({ op: 'terminate_async', chan: 0 }, ZERO, ...evs);
const freed = (desc: number, recycled = false): TraceEntry => ({ k: 'ev', ev: { ev: 'desc_freed', chan: 0, desc, recycled } });
const sync = (...evs: TraceEntry[]): TraceEntry[] => call({ op: 'synchronize', chan: 0 }, VOID, ...evs);
const cyc = (flags = IA): TraceEntry[] => [...call({ op: 'prep_cyclic', chan: 0, desc: 1, buf: 1, bufLen: 32, periodLen: 8, dir: 'MEM_TO_DEV', flags }, OK), ...cbNone(1)];
const adv = (...evs: TraceEntry[]): TraceEntry[] => env({ op: 'advance', units: 1 }, ...evs);
const irq = (...evs: TraceEntry[]): TraceEntry[] => env({ op: 'irq', chan: 0 }, ...evs);
const ev = (e: Extract<TraceEntry, { k: 'ev' }>['ev']): TraceEntry => ({ k: 'ev', ev: e });
const raised = ev({ ev: 'irq_raised', chan: 0 });
const sched = ev({ ev: 'tasklet_scheduled', chan: 0 });
const moved8 = adv(ev(xfer(0, 1, 0, 8, memSum(1, 0, 8))), raised);
const ilv = (desc: number, flags: number, off: number): TraceEntry[] =>
  [...call({ op: 'prep_interleaved', chan: 0, desc, xt: { dir: 'MEM_TO_DEV', buf: 1, offset: off, numf: 2, chunks: [{ size: 4, icg: 4 }] }, flags }, OK), ...cbNone(desc)];
const metaOn = [...call({ op: 'metadata_supported', chan: 0, mode: 'client' }, { t: 'bool', v: true }), ...call({ op: 'metadata_supported', chan: 0, mode: 'engine' }, { t: 'bool', v: true })];
const d2m = [...prepSg(0, 1, 1, 8, 'DEV_TO_MEM'), ...call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'read_metadata' } }, VOID)];
const d2mRun = [...adv(ev(xfer(0, 1, 0, 8, devSum(0, 0, 8))), raised), ...irq(ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }), sched)];
const inCb = (...nested: TraceEntry[]): TraceEntry[] => env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }, ...nested), freed(1));

/** Breaking traces, part B. @internal */
export const CASES_B: readonly BadCase[] = [
  { rule: 'CB-1', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...SI, ...adv(ev(xfer(0, 1, 0, 16, memSum(1, 0, 16))), raised), ...irq(ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }), ...cb({ chan: 0, desc: 1, ctx: 'hardirq' }))] },
  { rule: 'CB-3', kind: 'violation', legal: 'CHAIN', trace: [...S, ...P1, ...SI, ...RUN, ...inCb(...prepSg(0, 2, 1, 8).map((e) => (e.k === 'call' ? { ...e, ctx: 'callback' as const } : e)), ...callIn('callback', { op: 'submit', desc: 2 }, err('EINVAL')))] },
  { rule: 'CB-2', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...SI, ...RUN, ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1, locksHeld: true }))] },
  { rule: 'CB-5', kind: 'violation', legal: 'CYCLIC', trace: [...S, ...P1, ...SI, ...RUN, ...inCb(...callIn('callback', { op: 'terminate_async', chan: 0 }, err('EINVAL')))] },
  { rule: 'CB-6', kind: 'undefined', legal: 'CHAIN', trace: [...S, ...P1, ...SI, ...RUN, ...inCb(...callIn('callback', { op: 'synchronize', chan: 0 }, VOID))] },
  { rule: 'CB-7', kind: 'violation', legal: 'STATUS', trace: [...S, ...P1, ...SI, ...RUN, ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1, fn: 'callback_result' }))] },
  { rule: 'CB-8', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...SI, ...adv(sched), ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }))] },
  { rule: 'CB-9', kind: 'violation', legal: 'STATUS', trace: [...S, ...two, ...call({ op: 'issue_pending', chan: 0 }, VOID, ev({ ev: 'hw_start', chan: 0, desc: 1 })), ...adv(ev(xfer(0, 1, 0, 16, memSum(1, 0, 16))), raised), ...irq(ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }), ev({ ev: 'hw_start', chan: 0, desc: 2 }), sched), ...adv(ev(xfer(0, 2, 0, 16, memSum(1, 16, 16))), raised), ...irq(ev({ ev: 'complete', chan: 0, desc: 2, cookie: 3 }), sched), ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 2 }))] },
  { rule: 'CB-10', kind: 'violation', legal: 'CYCLIC', trace: [...S, ...P1, ...call({ op: 'prep_cyclic', chan: 0, desc: 2, buf: 1, bufLen: 32, periodLen: 8, dir: 'MEM_TO_DEV', flags: IA }, OK), ...cbNone(2), ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'submit', desc: 2 }, cookie(3)), ...call({ op: 'issue_pending', chan: 0 }, VOID, ev({ ev: 'hw_start', chan: 0, desc: 1 })), ...adv(ev(xfer(0, 1, 0, 16, memSum(1, 0, 16))), raised), ...irq(ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }), ev({ ev: 'hw_start', chan: 0, desc: 2 }), sched), ...adv(ev(xfer(0, 2, 0, 8, memSum(1, 0, 8))), raised), ...irq(ev({ ev: 'period', chan: 0, desc: 2 }), sched), ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }), freed(1), ...cb({ chan: 0, desc: 2, period: true }))] },
  { rule: 'CB-11', kind: 'violation', legal: 'CYCLIC', trace: [...S, ...cyc(), ...SI, ...adv(ev(xfer(0, 1, 0, 4, memSum(1, 0, 4))), raised), ...irq(sched), ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1, period: true }))] },
  { rule: 'CB-12', kind: 'violation', legal: 'TERM', trace: [...S, ...P1, ...SI, ...term(freed(1), sched), ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }))] },
  { rule: 'CB-13', kind: 'violation', legal: 'CYCLIC', trace: [...S, ...P1, ...SI, ...RUN, ...term(freed(1)), ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }))] },
  { rule: 'CB-14', kind: 'violation', legal: 'TERM', trace: [...S, ...P1, ...SI, ...RUN, ...term(freed(1)), ...sync(), ...adv(raised), ...irq(sched), ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }))] },
  { rule: 'CB-15', kind: 'undefined', legal: 'CHAIN', trace: [...S, ...call({ op: 'alloc_buf', buf: 2, len: 32 }, ZERO), ...prepSg(0, 1, 1, 16), ...call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'chain', buf: 2, len: 8, dir: 'MEM_TO_DEV' } }, VOID), ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'free_buf', buf: 2 }, VOID)] },
  { rule: 'CB-16', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...SI, ...RUN, ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }))] },
  { rule: 'TERM-1', kind: 'violation', legal: 'TERM', trace: [...S, ...call({ op: 'terminate_async', chan: 0 }, err('EINVAL'))] },
  { rule: 'TERM-2', kind: 'violation', legal: 'NOCAPS', cfg: config({ caps: { terminate: false } }), trace: [...S, ...call({ op: 'terminate_all', chan: 0 }, ZERO)] },
  { rule: 'TERM-3', kind: 'violation', legal: 'TERM_SYNC', trace: [...S, ...call({ op: 'terminate_sync', chan: 0 }, err('EINVAL'))] },
  { rule: 'TERM-4', kind: 'violation', legal: 'TERM', trace: [...S, ...callIn('atomic', { op: 'terminate_async', chan: 0 }, err('EINVAL'))] },
  { rule: 'TERM-5', kind: 'undefined', legal: 'TERM_SYNC', trace: [...S, ...callIn('atomic', { op: 'terminate_sync', chan: 0 }, ZERO)] },
  { rule: 'TERM-6', kind: 'advisory', legal: 'TERM', trace: [...S, ...call({ op: 'terminate_all', chan: 0 }, ZERO)] },
  { rule: 'TERM-7', kind: 'violation', legal: 'TERM', trace: [...S, ...P1, ...SI, ...term(freed(1)), ...adv(ev(xfer(0, 1, 0, 4, memSum(1, 0, 4))))] },
  { rule: 'TERM-8', kind: 'undefined', legal: 'TERM', trace: [...S, ...P1, ...SI, ...term(), ...call({ op: 'free_buf', buf: 1 }, VOID)] },
  { rule: 'TERM-9', kind: 'violation', legal: 'TERM', trace: [...S, ...two, ...call({ op: 'issue_pending', chan: 0 }, VOID, ev({ ev: 'hw_start', chan: 0, desc: 1 })), ...term(freed(1))] },
  { rule: 'TERM-10', kind: 'violation', legal: 'TERM', trace: [...S, ...P1, ...SI, ...term(freed(1)), ...sync(), ...prepSg(0, 2, 1, 8), ...call({ op: 'submit', desc: 2 }, cookie(2))] },
  { rule: 'TERM-11', kind: 'violation', legal: 'TERM', trace: [...S, ...P1, ...SI, ...call({ op: 'pause', chan: 0 }, ZERO), ...term(freed(1)), ...sync(), ...prepSg(0, 2, 1, 8), ...cbNone(2), ...call({ op: 'submit', desc: 2 }, cookie(3)), ...call({ op: 'issue_pending', chan: 0 }, VOID)] },
  { rule: 'SYNC-1', kind: 'violation', legal: 'NOCAPS', cfg: config({ caps: { synchronize: false } }), trace: [...S, ...P1, ...SI, ...term(), ...sync(freed(1))] },
  { rule: 'SYNC-2', kind: 'undefined', legal: 'TERM', trace: [...S, ...callIn('atomic', { op: 'synchronize', chan: 0 }, VOID)] },
  { rule: 'SYNC-3', kind: 'undefined', legal: 'TERM', trace: [...S, ...term(), ...call({ op: 'issue_pending', chan: 0 }, VOID), ...sync()] },
  { rule: 'SYNC-7', kind: 'undefined', legal: 'TERM', trace: [...S, ...term(), ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'issue_pending', chan: 0 }, VOID), ...term(), ...sync()] },
  { rule: 'SYNC-4', kind: 'violation', legal: 'TERM', trace: [...S, ...P1, ...SI, ...term(), ...sync(freed(1)), ...adv(ev(xfer(0, 1, 0, 4, memSum(1, 0, 4))))] },
  { rule: 'SYNC-5', kind: 'violation', legal: 'TERM_SYNC', trace: [...S, ...P1, ...SI, ...RUN, ...sync()] },
  { rule: 'SYNC-6', kind: 'undefined', legal: 'TERM', trace: [...S, ...P1, ...SI, ...RUN, ...tasklet(0, 1), ...sync(), ...call({ op: 'periph_teardown', chan: 0 }, VOID, ev({ ev: 'periph_lost', chan: 0, len: 16 }))] },
  { rule: 'PAUSE-1', kind: 'violation', legal: 'NOCAPS', cfg: config({ caps: { pause: false } }), trace: [...S, ...call({ op: 'pause', chan: 0 }, ZERO)] },
  { rule: 'PAUSE-2', kind: 'violation', legal: 'PAUSE', trace: [...S, ...P1, ...SI, ...call({ op: 'pause', chan: 0 }, ZERO), ...adv(ev(xfer(0, 1, 0, 4, memSum(1, 0, 4))))] },
  { rule: 'PAUSE-3', kind: 'undefined', legal: 'PAUSE', trace: [...S, ...call({ op: 'resume', chan: 0 }, err('EPERM'))] },
  { rule: 'PAUSE-4', kind: 'violation', legal: 'PAUSE', trace: [...S, ...P1, ...SI, ...adv(ev(xfer(0, 1, 0, 16, memSum(1, 0, 16))), raised), ...call({ op: 'pause', chan: 0 }, ZERO), ...irq(ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }))] },
  { rule: 'PAUSE-5', kind: 'violation', legal: 'PAUSE', trace: [...S, ...call({ op: 'pause', chan: 0 }, ZERO), ...P1, ...SI] },
  { rule: 'PAUSE-6', kind: 'violation', legal: 'PAUSE', trace: [...S, ...call({ op: 'pause', chan: 0 }, err('EINVAL'))] },
  { rule: 'CYC-1', kind: 'violation', legal: 'CYCLIC', trace: [...S, ...cyc(), ...SI, ...adv(ev(xfer(0, 1, 0, 4, memSum(1, 0, 4))), raised), ...irq(ev({ ev: 'period', chan: 0, desc: 1 }))] },
  { rule: 'CYC-2', kind: 'undefined', legal: 'CYCLIC', trace: [...S, ...call({ op: 'prep_cyclic', chan: 0, desc: 1, buf: 1, bufLen: 20, periodLen: 8, dir: 'MEM_TO_DEV', flags: IA }, OK)] },
  { rule: 'CYC-3', kind: 'violation', legal: 'CYCLIC', trace: [...S, ...cyc(), ...SI, ...moved8, ...irq(ev({ ev: 'period', chan: 0, desc: 1 }), sched), ...env({ op: 'tasklet', chan: 0 })] },
  { rule: 'CYC-4', kind: 'violation', legal: 'CYCLIC', trace: [...S, ...cyc(), ...SI, ...moved8, ...irq(ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }))] },
  { rule: 'CYC-5', kind: 'undefined', legal: 'CYCLIC', trace: [...S, ...cyc(), ...SI, ...sync()] },
  { rule: 'CYC-6', kind: 'violation', legal: 'NOCAPS', cfg: config({ caps: { repeat: false } }), trace: [...S, ...ilv(1, IA | DMA_PREP_REPEAT, 0)] },
  { rule: 'CYC-7', kind: 'violation', legal: 'REPEAT', trace: [...S, ...ilv(1, IA | DMA_PREP_REPEAT, 0), ...SI, ...ilv(2, IA | DMA_PREP_LOAD_EOT, 16), ...call({ op: 'submit', desc: 2 }, cookie(3)), ...call({ op: 'issue_pending', chan: 0 }, VOID), ...adv(ev(xfer(0, 1, 0, 4, memSumParts(1, [[0, 4]]))), ev({ ev: 'hw_start', chan: 0, desc: 2 }))] },
  { rule: 'CYC-8', kind: 'violation', legal: 'REPEAT', trace: [...S, ...ilv(1, IA | DMA_PREP_REPEAT, 0), ...SI, ...ilv(2, IA, 16), ...call({ op: 'submit', desc: 2 }, cookie(3)), ...call({ op: 'issue_pending', chan: 0 }, VOID, ev({ ev: 'hw_start', chan: 0, desc: 2 }))] },
  { rule: 'CYC-9', kind: 'violation', legal: 'BASE', trace: [...S, ...prepSg(0, 1, 1, 8, 'MEM_TO_DEV', IA | DMA_PREP_REPEAT), ...cbNone(1), ...SI, ...adv(ev(xfer(0, 1, 0, 8, memSum(1, 0, 8))), ev(xfer(0, 1, 8, 4, memSum(1, 0, 4))))] },
  { rule: 'META-1', kind: 'advisory', legal: 'META', trace: [...S, ...P1, ...call({ op: 'attach_metadata', desc: 1, len: 4 }, ZERO)] },
  { rule: 'META-2', kind: 'undefined', legal: 'META', trace: [...S, ...metaOn, ...P1, ...call({ op: 'get_metadata_ptr', desc: 1 }, { t: 'metaptr', payloadLen: 0, maxLen: 8 }), ...call({ op: 'attach_metadata', desc: 1, len: 4 }, err('EINVAL'))] },
  { rule: 'META-3', kind: 'violation', legal: 'NOCAPS', cfg: config({ caps: { metadataClient: false } }), trace: [...S, ...call({ op: 'metadata_supported', chan: 0, mode: 'client' }, { t: 'bool', v: false }), ...P1, ...call({ op: 'attach_metadata', desc: 1, len: 4 }, ZERO)] },
  { rule: 'META-4', kind: 'violation', legal: 'META', trace: [...S, ...metaOn, ...P1, ...call({ op: 'get_metadata_ptr', desc: 1 }, { t: 'null' })] },
  { rule: 'META-5', kind: 'undefined', legal: 'META', trace: [...S, ...metaOn, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'attach_metadata', desc: 1, len: 4 }, ZERO)] },
  { rule: 'META-6', kind: 'violation', legal: 'META', trace: [...S, ...metaOn, ...d2m, ...call({ op: 'attach_metadata', desc: 1, len: 4 }, ZERO), ...SI, ...d2mRun] },
  { rule: 'META-7', kind: 'undefined', legal: 'META', trace: [...S, ...metaOn, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'set_metadata_len', desc: 1, len: 4 }, ZERO)] },
  { rule: 'META-8', kind: 'undefined', legal: 'META', trace: [...S, ...metaOn, ...d2m, ...SI, ...call({ op: 'get_metadata_ptr', desc: 1 }, { t: 'metaptr', payloadLen: 0, maxLen: 8 })] },
  { rule: 'META-9', kind: 'undefined', legal: 'META', trace: [...S, ...metaOn, ...d2m, ...SI, ...d2mRun, ...inCb(...callIn('callback', { op: 'get_metadata_ptr', desc: 1 }, { t: 'metaptr', payloadLen: 4, maxLen: 8 })), ...call({ op: 'access_metadata', desc: 1, write: false }, VOID)] },
  { rule: 'META-10', kind: 'violation', legal: 'META', trace: [...S, ...metaOn, ...d2m, ...SI, ...d2mRun, ...inCb(...callIn('callback', { op: 'get_metadata_ptr', desc: 1 }, { t: 'metaptr', payloadLen: 4, maxLen: 8 }), ...callIn('callback', { op: 'access_metadata', desc: 1, write: false }, VOID, ev({ ev: 'meta_fault', chan: 0, desc: 1 }))) ] },
  { rule: 'DATA-1', kind: 'undefined', legal: 'BASE', trace: [...call({ op: 'request_chan', name: 'tx' }, OK), ...call({ op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 1, dstMaxburst: 1 } }, ZERO), ...call({ op: 'alloc_buf', buf: 1, len: 64 }, ZERO), ...prepSg(0, 1, 1, 16)] },
  { rule: 'DATA-11', kind: 'advisory', legal: 'BASE', trace: [...call({ op: 'request_chan', name: 'tx' }, OK), ...call({ op: 'alloc_buf', buf: 1, len: 8 }, ZERO), ...call({ op: 'map_buf', chan: 0, buf: 1, dev: 'client' }, ZERO)] },
  { rule: 'DATA-2', kind: 'undefined', legal: 'BASE', trace: [...S, ...call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [], dir: 'MEM_TO_DEV', flags: IA }, OK)] },
  { rule: 'DATA-3', kind: 'undefined', legal: 'CHAIN', trace: [...S, ...P1, ...SI, ...call({ op: 'unmap_buf', buf: 1 }, VOID)] },
  { rule: 'DATA-4', kind: 'undefined', legal: 'BASE', trace: [...S, ...P1, ...SI, ...RUN, ...tasklet(0, 1), ...call({ op: 'periph_teardown', chan: 0 }, VOID, ev({ ev: 'periph_lost', chan: 0, len: 16 }))] },
  { rule: 'DATA-5', kind: 'violation', legal: 'STATUS', trace: [...S, ...P1, ...SI, ...status(2, { t: 'status', st: { status: 'DMA_IN_PROGRESS', last: 1, used: 2, residue: 16, inFlight: -1 } })] },
  { rule: 'DATA-6', kind: 'violation', legal: 'BASE', trace: [...S, ...prepSg(0, 1, 1, 8, 'MEM_TO_MEM' as 'MEM_TO_DEV')] },
  { rule: 'DATA-7', kind: 'undefined', legal: 'BASE', trace: [...S, ...call({ op: 'prep_dma_vec', chan: 0, desc: 1, vecs: [{ buf: 1, offset: 0, len: 0 }], dir: 'MEM_TO_DEV', flags: IA }, OK)] },
  { rule: 'DATA-8', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...SI, ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, 12345))] },
  // DATA-9 is judged at the end of a client program (spec/model/end-mappings.ts): the buffer is never unmapped.
  { rule: 'DATA-9', kind: 'undefined', legal: 'BASE', programEnd: true, trace: [...S, ...call({ op: 'release_channel', chan: 0 }, VOID)] },
  { rule: 'DATA-10', kind: 'undefined', legal: 'BASE', trace: [...S, ...prepSg(0, 1, 1, 16, 'DEV_TO_MEM'), ...cbNone(1), ...SI, ...call({ op: 'give_back', buf: 1 }, VOID)] },
  { rule: 'PROV-8', kind: 'violation', legal: 'BASE', trace: [...S, ...call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 16 }], dir: 'MEM_TO_DEV', flags: IA }, OK, { ev: 'lock_splat', chan: 0, why: 'held_at_return' })] },
  { rule: 'PROV-4', kind: 'violation', legal: 'BASE', trace: [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2), raised)] },
  { rule: 'PROV-5', kind: 'violation', legal: 'CYCLIC', trace: [...S, ...P1, ...SI, ...RUN, ...term(...cb({ chan: 0, desc: 1 }))] },
  { rule: 'PROV-6', kind: 'violation', legal: 'NOCAPS', cfg: config({ caps: { synchronize: false } }), trace: [...S, ...P1, ...SI, ...RUN, ...term(freed(1)), ...sync(), ...adv(raised), ...irq(sched), ...env({ op: 'tasklet', chan: 0 }, ...cb({ chan: 0, desc: 1 }))] },
];

