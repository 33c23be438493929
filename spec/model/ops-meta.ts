/**
 * Handlers of the metadata calls (fact sheet §2.10).
 * Raises Undefined(META-1, META-2, META-5..META-9, DESC-5), Violation(META-2, META-3, META-4, META-10).
 * @internal
 */
import type { ClientCall } from '../api/index.ts';
import { meta1_checkedFirst, meta2_metaRets, meta2_noMixing, meta5_attachBeforeSubmit, meta6_attachBeforeSubmit, meta7_writeBeforeSubmit, meta8_readInCallback, meta9_pointerValid } from '../rules/metadata.ts';
import { clientOwned, liveDesc } from './guards.ts';
import type { OpHandler } from './ops.ts';
import { findDead, findDesc, runningCb, updDesc } from './store.ts';
import { withDesc, withMeta } from './records.ts';

type Op<K extends ClientCall['op']> = OpHandler<Extract<ClientCall, { op: K }>>;

/** attach_metadata: CLIENT mode, before submit. @internal */
export const attachMetadata: Op<'attach_metadata'> = {
  judge(cx, s, c) {
    const l = liveDesc(cx, s, c.desc);
    const d = l.d;
    const ch = d === undefined ? undefined : s.chans[d.chan];
    const before = d !== undefined && clientOwned(d.phase);
    const ub = l.fail ?? meta1_checkedFirst(cx, ch?.metaChecked.client ?? false)
      ?? (d?.dir === 'DEV_TO_MEM' ? meta6_attachBeforeSubmit(cx, before) : meta5_attachBeforeSubmit(cx, before));
    const deferred = meta2_noMixing(cx, d?.meta.mode ?? 'none', 'client');
    return { chan: l.chan, ub, deferred, spec: meta2_metaRets(d?.meta.mode ?? 'none', 'client', s.cfg.caps.metadataClient, false) };
  },
  leave(_cx, s, c, _ctx, r) {
    const d = findDesc(s, c.desc);
    return d !== undefined && r.t === 'int' && r.v === 0 ? { s: updDesc(s, withDesc(d, { meta: withMeta(d.meta, { mode: 'client' }) })) } : { s };
  },
};

/** get_metadata_ptr: ENGINE mode, before submit or in the own callback (DEV_TO_MEM). @internal */
export const getMetadataPtr: Op<'get_metadata_ptr'> = {
  judge(cx, s, c) {
    const l = liveDesc(cx, s, c.desc);
    const d = l.d;
    const ch = d === undefined ? undefined : s.chans[d.chan];
    const inOwnCb = d !== undefined && d.phase === 'callback' && runningCb(s)?.inv.desc === d.id;
    const ok = d !== undefined && (clientOwned(d.phase) || (d.dir === 'DEV_TO_MEM' && inOwnCb));
    const ub = l.fail ?? meta1_checkedFirst(cx, ch?.metaChecked.engine ?? false)
      ?? (d?.dir === 'DEV_TO_MEM' ? meta8_readInCallback(cx, ok) : meta7_writeBeforeSubmit(cx, ok));
    const deferred = meta2_noMixing(cx, d?.meta.mode ?? 'none', 'engine');
    return { chan: l.chan, ub, deferred, spec: meta2_metaRets(d?.meta.mode ?? 'none', 'engine', s.cfg.caps.metadataEngine, true) };
  },
  leave(_cx, s, c, _ctx, r) {
    const d = findDesc(s, c.desc);
    return d !== undefined && r.t === 'metaptr' ? { s: updDesc(s, withDesc(d, { meta: withMeta(d.meta, { mode: 'engine', ptr: 'valid' }) })) } : { s };
  },
};

/** set_metadata_len: ENGINE mode, before submit. @internal */
export const setMetadataLen: Op<'set_metadata_len'> = {
  judge(cx, s, c) {
    const l = liveDesc(cx, s, c.desc);
    const d = l.d;
    const ch = d === undefined ? undefined : s.chans[d.chan];
    const ub = l.fail ?? meta1_checkedFirst(cx, ch?.metaChecked.engine ?? false)
      ?? meta7_writeBeforeSubmit(cx, d !== undefined && clientOwned(d.phase));
    const deferred = meta2_noMixing(cx, d?.meta.mode ?? 'none', 'engine');
    return { chan: l.chan, ub, deferred, spec: meta2_metaRets(d?.meta.mode ?? 'none', 'engine', s.cfg.caps.metadataEngine, false) };
  },
  leave(_cx, s, c, _ctx, r) {
    const d = findDesc(s, c.desc);
    return d !== undefined && r.t === 'int' && r.v === 0 ? { s: updDesc(s, withDesc(d, { meta: withMeta(d.meta, { mode: 'engine' }) })) } : { s };
  },
};

/** access_metadata: only through a pointer that is still valid. @internal */
export const accessMetadata: Op<'access_metadata'> = {
  judge(cx, s, c) {
    const d = findDesc(s, c.desc);
    const chan = d?.chan ?? findDead(s, c.desc)?.chan;
    const inOwnCb = d !== undefined && d.phase === 'callback' && runningCb(s)?.inv.desc === d.id;
    const ok = d !== undefined && (clientOwned(d.phase) || (d.dir === 'DEV_TO_MEM' && inOwnCb));
    const ub = meta9_pointerValid(cx, d !== undefined && d.meta.ptr === 'valid')
      ?? (d?.dir === 'DEV_TO_MEM' ? meta8_readInCallback(cx, ok) : meta7_writeBeforeSubmit(cx, ok));
    return { chan, ub, spec: { rule: 'META-9', msg: 'access_metadata returns void', alts: [{ t: 'void' }] } };
  },
  leave: (_cx, s) => ({ s }),
};
