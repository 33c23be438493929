import { describe, expect, it } from 'vitest';
import { runGarbage } from './garbage.ts';
import { Rig } from './rig.ts';

describe('bad input never throws', () => {
  it('hand-picked degenerate calls return the error convention', () => {
    const r = new Rig();
    expect(r.call({ op: 'alloc_buf', buf: 1, len: 0 })).toEqual({ t: 'err', e: 'EINVAL' });
    expect(r.call({ op: 'alloc_buf', buf: 1, len: -4 })).toEqual({ t: 'err', e: 'EINVAL' });
    r.open('tx', 0, 1, 16);
    expect(r.call({ op: 'alloc_buf', buf: 1, len: 4 })).toEqual({ t: 'err', e: 'EINVAL' }); // duplicate
    const prep = (sgl: { buf: number; offset: number; len: number }[], dir: 'MEM_TO_DEV' | 'DEV_TO_MEM' = 'MEM_TO_DEV') =>
      r.call({ op: 'prep_slave_sg', chan: 0, desc: 50, sgl, dir, flags: 1 });
    expect(prep([])).toEqual({ t: 'null' });
    expect(prep([{ buf: 1, offset: 0, len: -1 }])).toEqual({ t: 'null' });
    expect(prep([{ buf: 1, offset: 8, len: 9 }])).toEqual({ t: 'null' }); // past the end
    expect(prep([{ buf: 42, offset: 0, len: 4 }])).toEqual({ t: 'null' }); // unknown buffer
    expect(prep([{ buf: 1, offset: 0, len: 4 }], 'DEV_TO_MEM')).toEqual({ t: 'null' }); // not a direction of "tx"
    expect(r.call({ op: 'prep_slave_sg', chan: 1, desc: 50, sgl: [{ buf: 1, offset: 0, len: 4 }], dir: 'DEV_TO_MEM', flags: 1 })).toEqual({ t: 'null' }); // not held
    expect(prep([{ buf: 1, offset: 0, len: 4 }])).toEqual({ t: 'ok' });
    expect(prep([{ buf: 1, offset: 0, len: 4 }])).toEqual({ t: 'null' }); // id already used
    expect(r.call({ op: 'submit', desc: 777 })).toEqual({ t: 'err', e: 'EINVAL' });
    expect(r.call({ op: 'tx_status', chan: 2, cookie: 2, withState: true })).toEqual({ t: 'status', st: { status: 'DMA_ERROR' } });
    expect(r.call({ op: 'pause', chan: 5 })).toEqual({ t: 'err', e: 'EINVAL' });
    expect(() => r.env({ op: 'advance', units: -3 })).not.toThrow();
  });

  it('seeded random garbage (seed printed on failure) never throws', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) runGarbage(new Rig(), seed, 600);
  });
});
