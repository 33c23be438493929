/**
 * Handler: prep_memcpy (dmaengine_prep_dma_memcpy). A MEM_TO_MEM descriptor whose
 * extents are the source then the destination; from submit on it follows the shared
 * submit/issue/callback/terminate rules like any other descriptor. Memcpy needs no
 * slave_config (CFG-1 does not apply); the channel must have the memcpy capability
 * (DMA_MEMCPY in its device's cap_mask: include/linux/dmaengine.h (dmaengine_prep_dma_memcpy)
 * returns NULL when device_prep_dma_memcpy is missing).
 * Raises Undefined(CH-8, DESC-5, DESC-9, CAPS-5, DATA-1, DATA-2), Violation(DESC-1).
 * @internal
 */
import { DMA_CTRL_REUSE } from '../api/index.ts';
import type { ClientCall } from '../api/index.ts';
import { caps5_reuseNeedsCap } from '../rules/config.ts';
import { data2_nonEmptyList } from '../rules/data.ts';
import { desc1_prepRets, desc5_noDerefAfterSubmit, desc9_ack } from '../rules/desc.ts';
import { heldChan } from './guards.ts';
import type { OpHandler } from './ops.ts';
import { buffersOk, preparedDesc } from './ops-prep.ts';
import { hasCapability } from './ops-request-mask.ts';
import type { Seg } from './state.ts';
import { findDesc, putDesc, setChan } from './store.ts';

type Call = Extract<ClientCall, { op: 'prep_memcpy' }>;

/** Source extent, then destination extent. */
const segsOf = (c: Call): readonly Seg[] => [
  { buf: c.src.buf, offset: c.src.offset, len: c.len },
  { buf: c.dst.buf, offset: c.dst.offset, len: c.len },
];

/** prep_memcpy: the shared prep rules minus the slave ones. @internal */
export const prepMemcpy: OpHandler<Call> = {
  judge(cx, s, c) {
    const ch = heldChan(cx, s, c.chan);
    const ub = ch.fail
      ?? desc5_noDerefAfterSubmit(cx, findDesc(s, c.desc) === undefined)
      ?? desc9_ack(cx, c.flags)
      ?? caps5_reuseNeedsCap(cx, (c.flags & DMA_CTRL_REUSE) === 0 || s.cfg.caps.descriptorReuse)
      ?? data2_nonEmptyList(cx, c.len > 0 ? 1 : 0)
      ?? buffersOk(cx, s, segsOf(c));
    const invalid = !hasCapability(s.cfg, c.chan, 'memcpy') || c.len <= 0 || c.len > s.cfg.maxTransferLen;
    return { chan: c.chan, ub, spec: desc1_prepRets(invalid ? 'DESC-1' : undefined, false) };
  },
  leave(_cx, s, c, _ctx, r) {
    const ch = s.chans[c.chan];
    if (ch === undefined || r.t !== 'ok') return { s };
    const d = preparedDesc({
      id: c.desc, chan: c.chan, kind: 'memcpy', dir: 'MEM_TO_MEM', len: c.len, segs: segsOf(c), periodLen: 0,
      flags: c.flags, width: 0, cfgDir: undefined, cyclic: false, repeat: false,
    });
    return { s: setChan(s, putDesc(ch, d)) };
  },
};
