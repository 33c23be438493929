import { describe, expect, it } from 'vitest';
import type { ClientCall, Ctx, TraceEntry } from '../api/index.ts';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT } from '../api/index.ts';
import { CASES_A } from '../rules/cases-a.ts';
import { CASES_B } from '../rules/cases-b.ts';
import { matchAlt } from '../rules/ret-spec.ts';
import { allowedRets, model, type ModelState } from './index.ts';
import { SCENARIOS } from './scenarios.ts';
import {
  call, callIn, cb, config, cookie, drainParts, env, err, IA, memSum, OK, prepSg, runM2D, runTrace, setup, submitIssue, tasklet, VOID, xfer, ZERO,
} from './trace-builder.ts';

const S = setup(0, 1, 64);
const cbNone = (desc: number): TraceEntry[] => call({ op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } }, VOID);
const P1 = [...prepSg(0, 1, 1, 16), ...cbNone(1)];
const ev = (e: Extract<TraceEntry, { k: 'ev' }>['ev']): TraceEntry => ({ k: 'ev', ev: e });
const accepted = (t: readonly TraceEntry[], cfg = config()): void => expect(runTrace(cfg, t).verdicts).toEqual([]);
const firstRule = (t: readonly TraceEntry[], cfg = config()): string => {
  const v = runTrace(cfg, t).verdicts[0];
  return v === undefined ? 'none' : 'rule' in v ? `${v.kind} ${v.rule}` : v.kind;
};
const stat = (ck: number, status: 'DMA_IN_PROGRESS' | 'DMA_COMPLETE' | 'DMA_PAUSED' | 'DMA_OUT_OF_ORDER', residue?: number): TraceEntry[] =>
  call({ op: 'tx_status', chan: 0, cookie: ck, withState: residue !== undefined }, { t: 'status', st: residue === undefined ? { status } : { status, residue, last: 1, used: 2 } });

describe('ranges: every behaviour engines may legitimately show is accepted', () => {
  const aborted = [...S, ...P1, ...submitIssue(0, 1, 2), ...call({ op: 'terminate_async', chan: 0 }, ZERO, ev({ ev: 'desc_freed', chan: 0, desc: 1, recycled: false })), ...call({ op: 'synchronize', chan: 0 }, VOID)];
  it('aborted cookie reads IN_PROGRESS or COMPLETE (Q1)', () => {
    accepted([...aborted, ...stat(2, 'DMA_IN_PROGRESS')]);
    accepted([...aborted, ...stat(2, 'DMA_COMPLETE')]);
  });
  it('pause of an idle channel returns 0 or EPERM (PAUSE-6)', () => {
    accepted([...S, ...call({ op: 'pause', chan: 0 }, ZERO), ...call({ op: 'resume', chan: 0 }, ZERO)]);
    accepted([...S, ...call({ op: 'pause', chan: 0 }, err('EPERM'))]);
  });
  it('submitted-not-issued residue is 0 or the length (STAT-12)', () => {
    const sub = [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2))];
    accepted([...sub, ...stat(2, 'DMA_IN_PROGRESS', 0), ...call({ op: 'terminate_sync', chan: 0 }, ZERO, ev({ ev: 'desc_freed', chan: 0, desc: 1, recycled: false }))]);
    accepted([...sub, ...stat(2, 'DMA_IN_PROGRESS', 16), ...call({ op: 'terminate_sync', chan: 0 }, ZERO, ev({ ev: 'desc_freed', chan: 0, desc: 1, recycled: false }))]);
  });
  it('a paused cookie reads DMA_PAUSED or DMA_IN_PROGRESS', () => {
    const p = [...S, ...P1, ...submitIssue(0, 1, 2), ...call({ op: 'pause', chan: 0 }, ZERO)];
    const end = call({ op: 'terminate_sync', chan: 0 }, ZERO, ev({ ev: 'desc_freed', chan: 0, desc: 1, recycled: false }));
    accepted([...p, ...stat(2, 'DMA_PAUSED'), ...end]);
    accepted([...p, ...stat(2, 'DMA_IN_PROGRESS'), ...end]);
  });
  it('the active descriptor is freed at terminate or at synchronize (TERM-9)', () => {
    const run = [...S, ...P1, ...submitIssue(0, 1, 2)];
    const freed = ev({ ev: 'desc_freed', chan: 0, desc: 1, recycled: false });
    accepted([...run, ...call({ op: 'terminate_async', chan: 0 }, ZERO, freed), ...call({ op: 'synchronize', chan: 0 }, VOID)]);
    accepted([...run, ...call({ op: 'terminate_async', chan: 0 }, ZERO), ...call({ op: 'synchronize', chan: 0 }, VOID, freed)]);
    expect(firstRule([...run, ...call({ op: 'terminate_async', chan: 0 }, ZERO), ...call({ op: 'synchronize', chan: 0 }, VOID)])).toBe('violation TERM-9');
  });
  it('callbacks a running tasklet already took still run after terminate_async (CB-13)', () => {
    const t = [...S, ...P1, ...prepSg(0, 2, 1, 16, 'MEM_TO_DEV', IA, 16), ...cbNone(2),
      ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'submit', desc: 2 }, cookie(3)),
      ...call({ op: 'issue_pending', chan: 0 }, VOID, ev({ ev: 'hw_start', chan: 0, desc: 1 })),
      ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16)), ev({ ev: 'irq_raised', chan: 0 })),
      ...env({ op: 'irq', chan: 0 }, ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }), ev({ ev: 'hw_start', chan: 0, desc: 2 }), ev({ ev: 'tasklet_scheduled', chan: 0 })),
      ...env({ op: 'advance', units: 4 }, xfer(0, 2, 0, 16, memSum(1, 16, 16)), ev({ ev: 'irq_raised', chan: 0 })),
      ...env({ op: 'irq', chan: 0 }, ev({ ev: 'complete', chan: 0, desc: 2, cookie: 3 }), ev({ ev: 'tasklet_scheduled', chan: 0 })),
      ...env({ op: 'tasklet', chan: 0 },
        ...cb({ chan: 0, desc: 1 }, ...callIn('callback', { op: 'terminate_async', chan: 0 }, ZERO)), ev({ ev: 'desc_freed', chan: 0, desc: 1, recycled: false }),
        ...cb({ chan: 0, desc: 2 }), ev({ ev: 'desc_freed', chan: 0, desc: 2, recycled: false })),
      ...call({ op: 'synchronize', chan: 0 }, VOID)];
    accepted(t);
  });
  it('without DMA_PREP_INTERRUPT the callback is optional (DESC-8)', () => {
    const t = (withCb: boolean): TraceEntry[] => [...S, ...prepSg(0, 1, 1, 16, 'MEM_TO_DEV', DMA_CTRL_ACK), ...cbNone(1), ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1, withCb)];
    accepted(t(true));
    accepted(t(false));
    expect(firstRule([...S, ...P1, ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1, false)])).toBe('violation CB-16');
  });
  it('a busy or unknown channel fails with ENODEV or EPROBE_DEFER (CH-4)', () => {
    for (const e of ['ENODEV', 'EPROBE_DEFER'] as const) {
      accepted([...call({ op: 'request_chan', name: 'tx' }, OK), ...call({ op: 'request_chan', name: 'tx' }, err(e)), ...call({ op: 'request_chan', name: 'zz' }, err(e))]);
    }
  });
  it('cookies continue or restart after a re-request (CH-9)', () => {
    const again = (ck: number): TraceEntry[] => [...S, ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'terminate_sync', chan: 0 }, ZERO, ev({ ev: 'desc_freed', chan: 0, desc: 1, recycled: false })),
      ...call({ op: 'release_channel', chan: 0 }, VOID), ...call({ op: 'request_chan', name: 'tx' }, OK),
      ...call({ op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 4, dstMaxburst: 4 } }, ZERO),
      ...prepSg(0, 2, 1, 8), ...call({ op: 'submit', desc: 2 }, cookie(ck)), ...call({ op: 'terminate_sync', chan: 0 }, ZERO, ev({ ev: 'desc_freed', chan: 0, desc: 2, recycled: false }))];
    accepted(again(3));
    accepted(again(2));
    expect(firstRule(again(4))).toBe('violation CH-9');
  });
  it('DMA_OUT_OF_ORDER is never allowed without DMA_COMPLETION_NO_ORDER (STAT-4)', () => {
    expect(firstRule([...S, ...P1, ...submitIssue(0, 1, 2), ...stat(2, 'DMA_OUT_OF_ORDER')])).toBe('violation STAT-4');
  });
  it('segment granularity counts whole sg entries only', () => {
    const cfg = config({ residueGranularity: 'segment' });
    const t = (residue: number): TraceEntry[] => [...S,
      ...call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 8 }, { buf: 1, offset: 8, len: 8 }], dir: 'MEM_TO_DEV', flags: IA }, OK), ...cbNone(1),
      ...submitIssue(0, 1, 2), ...env({ op: 'advance', units: 3 }, xfer(0, 1, 0, 12, memSum(1, 0, 12))), ...stat(2, 'DMA_IN_PROGRESS', residue),
      ...call({ op: 'terminate_sync', chan: 0 }, ZERO, ev({ ev: 'desc_freed', chan: 0, desc: 1, recycled: false }))];
    accepted(t(8), cfg);
    expect(firstRule(t(4), cfg)).toBe('violation STAT-6');
  });
});

describe('regressions', () => {
  it('release synchronizes: buffers of work aborted before it may be freed afterwards (TERM-8 not raised)', () => {
    accepted([...S, ...P1, ...submitIssue(0, 1, 2), ...call({ op: 'terminate_async', chan: 0 }, ZERO, ev({ ev: 'desc_freed', chan: 0, desc: 1, recycled: false })),
      ...call({ op: 'release_channel', chan: 0 }, VOID), ...call({ op: 'unmap_buf', buf: 1 }, VOID), ...call({ op: 'free_buf', buf: 1 }, VOID)]);
  });
  it('writing ENGINE metadata after submit is META-7 even with a pointer still valid', () => {
    const t = [...S, ...call({ op: 'metadata_supported', chan: 0, mode: 'engine' }, { t: 'bool', v: true }), ...P1,
      ...call({ op: 'get_metadata_ptr', desc: 1 }, { t: 'metaptr', payloadLen: 0, maxLen: 8 }), ...call({ op: 'submit', desc: 1 }, cookie(2)),
      ...call({ op: 'access_metadata', desc: 1, write: true }, VOID)];
    expect(firstRule(t)).toBe('undefined META-7');
  });
  it('hw_start reported from inside resume happens on a running channel', () => {
    accepted([...S, ...call({ op: 'pause', chan: 0 }, ZERO), ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'issue_pending', chan: 0 }, VOID),
      ...call({ op: 'resume', chan: 0 }, ZERO, ev({ ev: 'hw_start', chan: 0, desc: 1 })), ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1)]);
  });
  it('an interrupt delivered while paused may stay pending and complete after resume (PAUSE-4)', () => {
    accepted([...S, ...P1, ...submitIssue(0, 1, 2),
      ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16)), ev({ ev: 'irq_raised', chan: 0 })),
      ...call({ op: 'pause', chan: 0 }, ZERO), ...env({ op: 'irq', chan: 0 }), ...env({ op: 'advance', units: 1 }),
      ...call({ op: 'resume', chan: 0 }, ZERO),
      ...env({ op: 'irq', chan: 0 }, ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }), ev({ ev: 'tasklet_scheduled', chan: 0 })), ...tasklet(0, 1)]);
  });
  it('a callback run by synchronize (tasklet_kill) keeps what its tasklet took when it terminates', () => {
    accepted([...S, ...P1, ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 16, 2), ...prepSg(0, 2, 1, 8, 'MEM_TO_DEV', IA, 16), ...cbNone(2),
      ...call({ op: 'submit', desc: 2 }, cookie(3)),
      ...call({ op: 'synchronize', chan: 0 }, VOID,
        ...cb({ chan: 0, desc: 1 }, ...callIn('callback', { op: 'terminate_async', chan: 0 }, ZERO, ev({ ev: 'desc_freed', chan: 0, desc: 2, recycled: false }))),
        ev({ ev: 'desc_freed', chan: 0, desc: 1, recycled: false }))]);
  });
  it('a repeated transfer may end at a repetition boundary and be completed by the interrupt when LOAD_EOT work is queued (CYC-7)', () => {
    const ilv = (desc: number, flags: number): TraceEntry[] =>
      call({ op: 'prep_interleaved', chan: 0, desc, xt: { dir: 'MEM_TO_DEV', buf: 1, offset: 0, numf: 1, chunks: [{ size: 8, icg: 0 }] }, flags }, OK);
    accepted([...S, ...ilv(1, IA | 256), ...cbNone(1), ...ilv(2, IA | 512), ...cbNone(2), ...call({ op: 'submit', desc: 1 }, cookie(2)), ...call({ op: 'submit', desc: 2 }, cookie(3)),
      ...call({ op: 'issue_pending', chan: 0 }, VOID, ev({ ev: 'hw_start', chan: 0, desc: 1 })),
      ...env({ op: 'advance', units: 2 }, xfer(0, 1, 0, 8, memSum(1, 0, 8)), ev({ ev: 'irq_raised', chan: 0 })),
      ...env({ op: 'irq', chan: 0 }, ev({ ev: 'complete', chan: 0, desc: 1, cookie: 2 }), ev({ ev: 'hw_start', chan: 0, desc: 2 }), ev({ ev: 'tasklet_scheduled', chan: 0 })),
      ...tasklet(0, 1), ...runM2D(0, 2, 1, 8, 3), ...tasklet(0, 2), ...drainParts(0, 1, [[0, 8], [0, 8]])]);
  });
  it('a looping transfer at the end of a pass reports residue 0 or the full length', () => {
    const t = (residue: number): TraceEntry[] => [...S, ...call({ op: 'prep_cyclic', chan: 0, desc: 1, buf: 1, bufLen: 16, periodLen: 8, dir: 'MEM_TO_DEV', flags: DMA_CTRL_ACK }, OK),
      ...submitIssue(0, 1, 2), ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16))), ...stat(2, 'DMA_IN_PROGRESS', residue),
      ...call({ op: 'terminate_sync', chan: 0 }, ZERO, ev({ ev: 'desc_freed', chan: 0, desc: 1, recycled: false }))];
    accepted(t(0));
    accepted(t(16));
    expect(firstRule(t(8))).toBe('violation CYC-4');
  });
  it('a drain step delivers only its own channel', () => {
    const t = [...S, ...P1, ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1),
      ...env({ op: 'drain', chan: 1, bytes: 16 }, ev({ ev: 'periph_rx', chan: 0, len: 16, sum: memSum(1, 0, 16) }))];
    expect(firstRule(t)).toBe('violation DATA-8');
  });
});

describe('poisoning', () => {
  it('after UB on one channel anything goes there, the other channel is still checked', () => {
    const t = [...S, ...setup(1, 2, 64), ...call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [], dir: 'MEM_TO_DEV', flags: IA }, OK),
      ...env({ op: 'advance', units: 1 }, xfer(0, 1, 0, 99, 42), ev({ ev: 'complete', chan: 0, desc: 7, cookie: 3 })),
      ...call({ op: 'submit', desc: 1 }, cookie(77)),
      ...prepSg(1, 5, 2, 8), ...call({ op: 'submit', desc: 5 }, cookie(9))];
    const r = runTrace(config(), t);
    expect(r.verdicts.map((v) => ('rule' in v ? `${v.kind} ${v.rule}` : v.kind))).toEqual(['undefined DATA-2', 'violation CH-9']);
    expect(model.chan(r.state, 0)?.poisoned).toBe(true);
    expect(model.chan(r.state, 1)?.poisoned).toBe(false);
  });
});

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

describe('purity', () => {
  const all = [...Object.values(SCENARIOS).map((s) => [s.cfg, s.trace] as const), ...[...CASES_A, ...CASES_B].map((c) => [c.cfg ?? config(), c.trace] as const)];
  it('step never mutates its input state (deep-frozen states, every scenario and breaking case)', () => {
    for (const [cfg, trace] of all) {
      let s: ModelState = deepFreeze(model.init(cfg));
      trace.forEach((e, i) => {
        const before = JSON.stringify(s);
        const r = model.step(s, e, i);
        expect(JSON.stringify(s)).toBe(before);
        s = deepFreeze(r.state);
      });
      model.end(s, trace.length);
    }
  });
});

describe('allowedRets agrees with the acceptor', () => {
  it('in every legal scenario each call is allowed and its return is in the allowed set', () => {
    for (const sc of Object.values(SCENARIOS)) {
      let s = model.init(sc.cfg);
      const open: { call: ClientCall; ctx: Ctx; allowed: ReturnType<typeof allowedRets> }[] = [];
      sc.trace.forEach((e, i) => {
        if (e.k === 'call') open.push({ call: e.call, ctx: e.ctx, allowed: allowedRets(s, e.call, e.ctx) });
        if (e.k === 'ret') {
          const o = open.pop();
          expect(o?.allowed.ub).toBeUndefined();
          const spec = o?.allowed.spec;
          if (spec !== undefined && e.ret.t !== 'status') expect(spec.alts.some((a) => matchAlt(a, e.ret)), `${o?.call.op}`).toBe(true);
        }
        s = model.step(s, e, i).state;
      });
    }
  });
  it('for every client-UB breaking case the call is reported UB with that rule', () => {
    for (const c of [...CASES_A, ...CASES_B].filter((x) => x.kind === 'undefined' && x.rule !== 'DESC-4' && x.rule !== 'DESC-14' && x.programEnd !== true)) {
      let s = model.init(c.cfg ?? config());
      let found: string | undefined;
      c.trace.forEach((e, i) => {
        if (e.k === 'call' && found === undefined) found = allowedRets(s, e.call, e.ctx).ub?.rule;
        s = model.step(s, e, i).state;
      });
      expect(found, c.rule).toBe(c.rule);
    }
  });
});

describe('advisories (issue 15)', () => {
  const views = (s: ModelState) => ({ ch: model.chan(s, 0), d: model.desc(s, 1), all: model.descsOf(s, 0) });

  it('an advisory is reported, does not poison, and leaves the state of the call accepted', () => {
    const withAck = runTrace(config(), [...S, ...prepSg(0, 1, 1, 16, 'MEM_TO_DEV', IA), ...call({ op: 'submit', desc: 1 }, cookie(2))]);
    const noAck = runTrace(config(), [...S, ...prepSg(0, 1, 1, 16, 'MEM_TO_DEV', DMA_PREP_INTERRUPT), ...call({ op: 'submit', desc: 1 }, cookie(2))]);
    expect(withAck.verdicts).toEqual([]);
    expect(noAck.verdicts.map((v) => ('rule' in v ? `${v.kind} ${v.rule}` : v.kind))).toEqual(['advisory DESC-9']);
    expect(noAck.verdicts[0]).toMatchObject({ chan: 0 });
    expect(views(noAck.state)).toEqual(views(withAck.state));
    expect(model.chan(noAck.state, 0)?.poisoned).toBe(false);
  });

  it('the channel stays checked after an advisory: a later misuse and an engine violation are still found', () => {
    const t = [...S, ...prepSg(0, 1, 1, 16, 'MEM_TO_DEV', DMA_PREP_INTERRUPT), ...call({ op: 'submit', desc: 1 }, cookie(2)),
      ...call({ op: 'submit', desc: 1 }, cookie(3))];
    const r = runTrace(config(), t);
    expect(r.verdicts.map((v) => ('rule' in v ? `${v.kind} ${v.rule}` : v.kind))).toEqual(['advisory DESC-9', 'undefined DESC-5']);
  });

  it('no advisory is reported for a call on a poisoned channel', () => {
    const t = [...S, ...call({ op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [], dir: 'MEM_TO_DEV', flags: IA }, OK),
      ...prepSg(0, 2, 1, 16, 'MEM_TO_DEV', DMA_PREP_INTERRUPT)];
    expect(runTrace(config(), t).verdicts.map((v) => ('rule' in v ? v.rule : v.kind))).toEqual(['DATA-2']);
  });
});

describe('SYNC-7: no new work between terminate_async and synchronize (ALSA XRUN, e8343410ddf0)', () => {
  const term = (op: 'terminate_async' | 'terminate_sync' = 'terminate_async') => call({ op, chan: 0 }, ZERO);
  const sync = call({ op: 'synchronize', chan: 0 }, VOID);
  const newWork = [...P1, ...submitIssue(0, 1, 2)];
  const rules = (t: readonly TraceEntry[]) => runTrace(config(), t).verdicts.map((v) => ('rule' in v ? `${v.kind} ${v.rule}@${v.step}` : v.kind));

  it('new work issued after terminate_async is SYNC-7 at the issue_pending, and a later terminate does not launder it', () => {
    const t = [...S, ...term(), ...newWork, ...term(), ...sync];
    const at = S.length + 2 + P1.length + 2;
    expect(rules(t)).toEqual([`undefined SYNC-7@${at}`]);
  });
  it('synchronize first, or terminate_sync, makes the same work legal', () => {
    expect(rules([...S, ...term(), ...sync, ...newWork, ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1)])).toEqual([]);
    expect(rules([...S, ...term('terminate_sync'), ...newWork, ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1)])).toEqual([]);
  });
  it('prep and submit alone before synchronize are not the breach', () => {
    const t = [...S, ...term(), ...P1, ...call({ op: 'submit', desc: 1 }, cookie(2)), ...sync,
      ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }), ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1)];
    expect(rules(t)).toEqual([]);
  });
});
