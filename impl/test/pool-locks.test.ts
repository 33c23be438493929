import { describe, expect, it } from 'vitest';
import type { ClientCall } from '../../spec/api/index.ts';
import { ACK, INT, Rig, baseConfig } from './rig.ts';

/** The descriptor pool (EngineChoices.descSlots, DESC-17) and the lock checks (PROV-8) of the built-in engine. */
const sg = (desc: number): ClientCall => ({ op: 'prep_slave_sg', chan: 1, desc, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'DEV_TO_MEM', flags: INT | ACK });

describe('hardware descriptor pool', () => {
  it('a full pool refuses a prep; every freed descriptor gives its slot back', () => {
    const r = new Rig(baseConfig({ choices: { descSlots: 1 } }));
    r.open('rx', 1, 1, 64);
    expect(r.call(sg(1))).toEqual({ t: 'ok' });
    expect(r.call(sg(2))).toEqual({ t: 'null' });
    r.call({ op: 'terminate_sync', chan: 1 });
    expect(r.call(sg(3))).toEqual({ t: 'ok' });
    expect(r.events('lock_splat')).toEqual([]);
  });

  it('pool-leak-unsubmitted: an abandoned prepared descriptor keeps its slot for ever', () => {
    const r = new Rig(baseConfig({ choices: { descSlots: 1 } }), ['pool-leak-unsubmitted']);
    r.open('rx', 1, 1, 64);
    r.call(sg(1));
    r.call({ op: 'terminate_sync', chan: 1 });
    expect(r.call(sg(2))).toEqual({ t: 'null' });
  });
});

describe('lock checks', () => {
  it('the built-in engine reports no lock splat through a whole transfer', () => {
    const r = new Rig();
    r.open('rx', 1, 1, 64);
    r.call(sg(1));
    r.call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } });
    r.call({ op: 'submit', desc: 1 });
    r.call({ op: 'issue_pending', chan: 1 });
    r.env({ op: 'advance', units: 8 });
    r.service(1);
    expect(r.callbacks()).toHaveLength(1);
    expect(r.events('lock_splat')).toEqual([]);
    expect(r.eng.splats).toEqual([]);
  });

  it('prep-returns-locked: the leak is reported at the prep, and the next call finds the lock free', () => {
    const r = new Rig(baseConfig({ choices: { descSlots: 1 } }), ['prep-returns-locked']);
    r.open('rx', 1, 1, 64);
    r.call(sg(1));
    r.call(sg(2));
    expect(r.events('lock_splat')).toEqual([{ ev: 'lock_splat', chan: 1, why: 'held_at_return' }]);
    r.call({ op: 'terminate_sync', chan: 1 });
    expect(r.events('lock_splat')).toHaveLength(1);
  });

  it('issue-pending-relock: the recursion is reported, not a leak', () => {
    const r = new Rig(undefined, ['issue-pending-relock']);
    r.open('rx', 1, 1, 64);
    r.call(sg(1));
    r.call({ op: 'submit', desc: 1 });
    r.call({ op: 'issue_pending', chan: 1 });
    expect(r.events('lock_splat')).toEqual([{ ev: 'lock_splat', chan: 1, why: 'recursion' }]);
  });

  it('a call made from a callback invoked with the lock held is not blamed for that lock (cb-lock-held is CB-2)', () => {
    const r = new Rig(undefined, ['cb-lock-held']);
    r.open('rx', 1, 1, 64);
    r.call(sg(1));
    r.call({ op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } });
    r.actions.set(1, (_i, rig) => { rig.call({ op: 'tx_status', chan: 1, cookie: 2, withState: false }, 'callback'); });
    r.call({ op: 'submit', desc: 1 });
    r.call({ op: 'issue_pending', chan: 1 });
    r.env({ op: 'advance', units: 8 });
    r.service(1);
    expect(r.callbacks()[0]?.locksHeld).toBe(true);
    expect(r.events('lock_splat').filter((e) => e.why === 'held_at_return')).toEqual([]);
  });
});
