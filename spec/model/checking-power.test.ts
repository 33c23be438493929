import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../api/index.ts';
import {
  call, callIn, config, cookie, env, IA, memSum, NULL, OK, prepSg, runM2D, runTrace, setup, submitIssue, tasklet, VOID, xfer, ZERO,
} from './trace-builder.ts';

/** Issue 12: DESC-17 (resources come back), CH-10 (a re-requested channel is new), PROV-8 (lock balance). */
const S = setup(0, 1, 64);
const cbNone = (desc: number): TraceEntry[] => call({ op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } }, VOID);
const done1 = [...S, ...prepSg(0, 1, 1, 16), ...cbNone(1), ...submitIssue(0, 1, 2), ...runM2D(0, 1, 1, 16, 2), ...tasklet(0, 1)];
const sg = (desc: number, len: number) => ({ op: 'prep_slave_sg', chan: 0, desc, sgl: [{ buf: 1, offset: 0, len }], dir: 'MEM_TO_DEV', flags: IA }) as const;
/** The first failing verdict on the entries themselves (end-of-trace obligations left out: these traces stop early). */
const firstRule = (t: readonly TraceEntry[], cfg = config()): string => {
  const v = runTrace(cfg, t).verdicts.find((x) => x.kind !== 'advisory' && 'step' in x && x.step < t.length);
  return v === undefined ? 'none' : 'rule' in v ? `${v.kind} ${v.rule}` : v.kind;
};

describe('DESC-17: a prep that succeeded before succeeds again on an empty engine', () => {
  it('names DESC-17 for a NULL from atomic context too (not the DESC-2 context permission)', () => {
    expect(firstRule([...done1, ...callIn('atomic', sg(2, 16), NULL)])).toBe('violation DESC-17');
  });
  it('accepts NULL for a larger prep than any that succeeded', () => {
    expect(firstRule([...done1, ...call(sg(2, 32), NULL)])).toBe('none');
  });
  it('accepts NULL while another descriptor is outstanding (a full pool)', () => {
    expect(firstRule([...done1, ...prepSg(0, 2, 1, 8), ...cbNone(2), ...call(sg(3, 8), NULL)])).toBe('none');
  });
  it('remembers successes across release and request', () => {
    const again = [...call({ op: 'release_channel', chan: 0 }, VOID), ...call({ op: 'request_chan', name: 'tx' }, OK),
      ...call({ op: 'slave_config', chan: 0, cfg: { srcAddrWidth: 4, dstAddrWidth: 4, srcMaxburst: 4, dstMaxburst: 4 } }, ZERO)];
    expect(firstRule([...done1, ...again, ...call(sg(2, 8), NULL)])).toBe('violation DESC-17');
  });
});

describe('CH-10: the second holder of a channel gets the driver defaults', () => {
  const run = (width: 0 | 4) => [...prepSg(0, 1, 1, 16), ...cbNone(1), ...submitIssue(0, 1, 2),
    ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16), width), { ev: 'irq_raised', chan: 0 })];
  const fresh = [...call({ op: 'request_chan', name: 'tx' }, OK), ...call({ op: 'alloc_buf', buf: 1, len: 64 }, ZERO),
    ...call({ op: 'map_buf', chan: 0, buf: 1, dev: 'dma' }, ZERO)];
  const second = [...S, ...call({ op: 'release_channel', chan: 0 }, VOID), ...call({ op: 'request_chan', name: 'tx' }, OK)];
  it('accepts the default width on the second hold', () => {
    expect(firstRule([...second, ...run(0)])).toBe('none');
  });
  it('rejects the first holder\'s width on the second hold (CH-10)', () => {
    expect(firstRule([...second, ...run(4)])).toBe('violation CH-10');
  });
  it('keeps CFG-2 for a wrong width on a first hold', () => {
    expect(firstRule([...fresh, ...run(4)])).toBe('violation CFG-2');
  });
});

describe('PROV-8: lock splats are judged where they happen', () => {
  it('inside an interrupt step as well as inside a call', () => {
    const t = [...S, ...prepSg(0, 1, 1, 16), ...cbNone(1), ...call({ op: 'submit', desc: 1 }, cookie(2)),
      ...call({ op: 'issue_pending', chan: 0 }, VOID, { ev: 'hw_start', chan: 0, desc: 1 }),
      ...env({ op: 'advance', units: 4 }, xfer(0, 1, 0, 16, memSum(1, 0, 16)), { ev: 'irq_raised', chan: 0 }),
      ...env({ op: 'irq', chan: 0 }, { ev: 'lock_splat', chan: 0, why: 'recursion' })];
    expect(firstRule(t)).toBe('violation PROV-8');
  });
});
