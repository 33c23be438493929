/**
 * Handlers: alloc_buf, free_buf, map_buf, unmap_buf, periph_teardown.
 * Raises Undefined(DESC-7, DATA-1, DATA-3, DATA-4, TERM-8, CB-15, SYNC-6, CH-8), Violation(DATA-1 returns).
 * @internal
 */
import type { BufId, ChanId, ClientCall } from '../api/index.ts';
import { cb15_callbackResourcesAlive } from '../rules/callback.ts';
import { data1_dmaDevice, data3_mappedUntilDone, data4_peripheralHoldsData } from '../rules/data.ts';
import { desc7_bufferLivesWhileInFlight } from '../rules/desc.ts';
import type { Cx, Fail } from '../rules/require.ts';
import { sync6_peripheralNotDrained } from '../rules/sync.ts';
import { term8_keepUntilSync } from '../rules/terminate.ts';
import { heldChan, usesBuffers } from './guards.ts';
import type { Judged, OpHandler } from './ops.ts';
import type { ModelState } from './state.ts';
import { bufOf, setBuf } from './store.ts';
import { withBuf } from './records.ts';

type Op<K extends ClientCall['op']> = OpHandler<Extract<ClientCall, { op: K }>>;

const VOID = { rule: 'DATA-1', msg: 'buffer calls return void', alts: [{ t: 'void' }] } as const;

/** Channel (not poisoned) whose in-flight descriptor uses `buf`. */
function userOf(s: ModelState, buf: BufId): ChanId | undefined {
  for (const ch of s.chans) {
    if (ch.poisoned) continue;
    if (ch.descs.some((d) => usesBuffers(d.phase) && d.segs.some((g) => g.buf === buf))) return ch.id;
  }
  return undefined;
}

const terminatingUser = (s: ModelState, buf: BufId): ChanId | undefined =>
  s.chans.find((ch) => !ch.poisoned && ch.termBufs.includes(buf))?.id;

const callbackUser = (s: ModelState, buf: BufId): ChanId | undefined =>
  s.chans.find((ch) => !ch.poisoned && ch.descs.some((d) => d.action?.kind === 'chain' && d.action.buf === buf
    && d.phase !== 'prepared' && d.phase !== 'reusable' && d.phase !== 'done'))?.id;

/** Releasing a buffer: in flight (DESC-7 / DATA-3), between terminate and sync (TERM-8), needed by a callback (CB-15). */
function releaseJudge(cx: Cx, s: ModelState, buf: BufId, unmap: boolean): Judged {
  const inFlight = userOf(s, buf);
  const f1: Fail | undefined = unmap ? data3_mappedUntilDone(cx, inFlight !== undefined) : desc7_bufferLivesWhileInFlight(cx, inFlight !== undefined);
  if (f1 !== undefined) return { chan: inFlight, ub: f1, spec: VOID };
  const term = terminatingUser(s, buf);
  const f2 = term8_keepUntilSync(cx, term !== undefined);
  if (f2 !== undefined) return { chan: term, ub: f2, spec: VOID };
  const cbu = unmap ? undefined : callbackUser(s, buf);
  return { chan: cbu, ub: cb15_callbackResourcesAlive(cx, cbu !== undefined), spec: VOID };
}

/** alloc_buf: a fresh buffer with the allocation pattern. @internal */
export const allocBuf: Op<'alloc_buf'> = {
  judge(_cx, s, c) {
    const dup = bufOf(s, c.buf);
    const bad = c.len <= 0 || !Number.isInteger(c.len) || (dup !== undefined && !dup.freed);
    return { chan: undefined, spec: bad ? { rule: 'DATA-1', msg: 'alloc_buf of a bad length or live id must fail with EINVAL', alts: [{ t: 'err', e: ['EINVAL'] }] } : { rule: 'DATA-1', msg: 'alloc_buf returns 0', alts: [{ t: 'int', v: 0 }] } };
  },
  leave(_cx, s, c, _ctx, r) {
    if (r.t !== 'int' || r.v !== 0) return { s };
    return { s: setBuf(s, { id: c.buf, len: c.len, mapped: 'no', freed: false, writes: [], tainted: false }) };
  },
};

/** free_buf: not while a transfer or a callback needs it. @internal */
export const freeBuf: Op<'free_buf'> = {
  judge: (cx, s, c) => releaseJudge(cx, s, c.buf, false),
  leave(_cx, s, c) {
    const b = bufOf(s, c.buf);
    // The mapping stays recorded: a buffer freed while mapped leaked its mapping (DATA-9).
    return b === undefined ? { s } : { s: setBuf(s, withBuf(b, { freed: true })) };
  },
};

/** map_buf: with the DMA device only (DATA-1). @internal */
export const mapBuf: Op<'map_buf'> = {
  judge(cx, s, c) {
    const ub = heldChan(cx, s, c.chan).fail ?? data1_dmaDevice(cx, c.dev === 'dma', 'buffer mapped with the client device');
    const b = bufOf(s, c.buf);
    const known = b !== undefined && !b.freed;
    return { chan: c.chan, ub, spec: known ? { rule: 'DATA-1', msg: 'map_buf returns 0', alts: [{ t: 'int', v: 0 }] } : { rule: 'DATA-1', msg: 'map_buf of an unknown buffer returns EINVAL', alts: [{ t: 'err', e: ['EINVAL'] }, { t: 'int', v: 0 }] } };
  },
  leave(_cx, s, c, _ctx, r) {
    const b = bufOf(s, c.buf);
    return b === undefined || b.freed || r.t !== 'int' ? { s } : { s: setBuf(s, withBuf(b, { mapped: c.dev })) };
  },
};

/** unmap_buf: not before completion or synchronize; with the device it was mapped with (DATA-1). @internal */
export const unmapBuf: Op<'unmap_buf'> = {
  judge(cx, s, c) {
    const b = bufOf(s, c.buf);
    const other = c.dev !== undefined && b !== undefined && b.mapped !== 'no' && b.mapped !== c.dev;
    const f = data1_dmaDevice(cx, !other, 'buffer unmapped with another device than the one it was mapped with');
    return f === undefined ? releaseJudge(cx, s, c.buf, true) : { chan: undefined, ub: f, spec: VOID };
  },
  leave(_cx, s, c) {
    const b = bufOf(s, c.buf);
    return b === undefined ? { s } : { s: setBuf(s, withBuf(b, { mapped: 'no' })) };
  },
};

/** periph_teardown: not while the FIFO holds data the client still wants (unless it discards them on purpose). @internal */
export const periphTeardown: Op<'periph_teardown'> = {
  judge(cx, s, c) {
    // Without the FIFO observed (1.1 observe) whether it holds data is unknown: not judged.
    if (!s.obs.fifo) return { chan: c.chan, spec: VOID };
    const ch = s.chans[c.chan];
    const holds = ch !== undefined && ch.fifo.length > 0 && ch.fifoOwed && c.discard !== true;
    const ub = ch?.syncAfterPush === true ? sync6_peripheralNotDrained(cx, holds) : data4_peripheralHoldsData(cx, holds);
    return { chan: c.chan, ub, spec: VOID };
  },
  leave: (_cx, s) => ({ s }),
};
