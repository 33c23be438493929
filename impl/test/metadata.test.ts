import { describe, expect, it } from 'vitest';
import { INT, Rig, baseConfig, expectRet } from './rig.ts';

function prep(r: Rig, desc: number, dir: 'MEM_TO_DEV' | 'DEV_TO_MEM'): void {
  expectRet(r.call({ op: 'prep_slave_sg', chan: 2, desc, sgl: [{ buf: 1, offset: 0, len: 8 }], dir, flags: INT }), { t: 'ok' });
  r.call({ op: 'set_callback', desc, fn: 'callback', action: { kind: 'none' } });
}

function runOne(r: Rig): void {
  r.call({ op: 'issue_pending', chan: 2 });
  r.env({ op: 'advance', units: 2 });
  r.env({ op: 'drain', chan: 2, bytes: 64 });
  r.env({ op: 'irq', chan: 2 });
}

describe('per-descriptor metadata', () => {
  it('CLIENT mode, MEM_TO_DEV: attach after prep, before submit (META-5)', () => {
    const r = new Rig();
    r.open('duplex', 2, 1, 8);
    expectRet(r.call({ op: 'metadata_supported', chan: 2, mode: 'client' }), { t: 'bool', v: true });
    prep(r, 1, 'MEM_TO_DEV');
    expectRet(r.call({ op: 'attach_metadata', desc: 1, len: 12 }), { t: 'int', v: 0 });
    r.call({ op: 'submit', desc: 1 });
    runOne(r);
    expect(r.events('meta_copied')).toEqual([]);
    expect(r.events('complete')).toHaveLength(1);
  });

  it('CLIENT mode, DEV_TO_MEM: meta_copied before complete (META-6)', () => {
    const r = new Rig();
    r.open('duplex', 2, 1, 8);
    prep(r, 1, 'DEV_TO_MEM');
    r.call({ op: 'attach_metadata', desc: 1, len: 12 });
    r.call({ op: 'submit', desc: 1 });
    runOne(r);
    expect(r.lines().filter((l) => l.startsWith('meta') || l.startsWith('complete'))).toEqual(['meta_copied d1', 'complete d1']);
  });

  it('ENGINE mode, MEM_TO_DEV: get_ptr, write, set_len, submit (META-7)', () => {
    const r = new Rig();
    r.open('duplex', 2, 1, 8);
    prep(r, 1, 'MEM_TO_DEV');
    expectRet(r.call({ op: 'get_metadata_ptr', desc: 1 }), { t: 'metaptr', payloadLen: 0, maxLen: 64 });
    r.call({ op: 'access_metadata', desc: 1, write: true });
    expectRet(r.call({ op: 'set_metadata_len', desc: 1, len: 10 }), { t: 'int', v: 0 });
    expectRet(r.call({ op: 'set_metadata_len', desc: 1, len: 65 }), { t: 'err', e: 'EINVAL' });
    expectRet(r.call({ op: 'get_metadata_ptr', desc: 1 }), { t: 'metaptr', payloadLen: 10, maxLen: 64 });
    r.call({ op: 'submit', desc: 1 });
    runOne(r);
    expect(r.events('meta_fault')).toEqual([]);
  });

  it('ENGINE mode, DEV_TO_MEM: read in the callback; the pointer dies with the descriptor (META-8, META-9)', () => {
    const r = new Rig();
    r.open('duplex', 2, 1, 8);
    prep(r, 1, 'DEV_TO_MEM');
    r.call({ op: 'submit', desc: 1 });
    const seen: unknown[] = [];
    r.actions.set(1, (_i, rig) => {
      seen.push(rig.call({ op: 'get_metadata_ptr', desc: 1 }, 'callback'));
      rig.call({ op: 'access_metadata', desc: 1, write: false }, 'callback');
    });
    runOne(r);
    r.env({ op: 'tasklet', chan: 2 });
    expect(seen).toEqual([{ t: 'metaptr', payloadLen: 16, maxLen: 64 }]);
    expect(r.events('meta_fault')).toEqual([]); // META-10: alive during the callback
    r.call({ op: 'access_metadata', desc: 1, write: false });
    expect(r.events('meta_fault')).toEqual([{ ev: 'meta_fault', chan: 2, desc: 1 }]);
  });

  it('the first call fixes the mode; the other mode is -EINVAL; unsupported is -ENOTSUPP (META-2, META-3)', () => {
    const r = new Rig();
    r.open('duplex', 2, 1, 8);
    prep(r, 1, 'MEM_TO_DEV');
    r.call({ op: 'attach_metadata', desc: 1, len: 4 });
    expectRet(r.call({ op: 'get_metadata_ptr', desc: 1 }), { t: 'err', e: 'EINVAL' });
    expectRet(r.call({ op: 'set_metadata_len', desc: 1, len: 4 }), { t: 'err', e: 'EINVAL' });
    expectRet(r.call({ op: 'attach_metadata', desc: 99, len: 4 }), { t: 'err', e: 'EINVAL' }); // NULL desc
    const n = new Rig(baseConfig({}, { metadataClient: false, metadataEngine: false }));
    n.open('duplex', 2, 1, 8);
    prep(n, 1, 'MEM_TO_DEV');
    expectRet(n.call({ op: 'metadata_supported', chan: 2, mode: 'engine' }), { t: 'bool', v: false });
    expectRet(n.call({ op: 'attach_metadata', desc: 1, len: 4 }), { t: 'err', e: 'ENOTSUPP' });
    expectRet(n.call({ op: 'get_metadata_ptr', desc: 1 }), { t: 'err', e: 'ENOTSUPP' });
    expectRet(n.call({ op: 'set_metadata_len', desc: 1, len: 4 }), { t: 'err', e: 'ENOTSUPP' });
  });
});
