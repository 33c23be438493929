/**
 * Handlers: periph_enable (no effect on the data path) and give_back (the client hands a
 * buffer to its owner without unmapping it).
 * Raises Undefined(DATA-10).
 * @internal
 */
import type { BufId, ClientCall } from '../api/index.ts';
import { data10_unmappedBeforeOwner } from '../rules/data.ts';
import type { OpHandler } from './ops.ts';
import type { ModelState } from './state.ts';
import { bufOf } from './store.ts';

type Op<K extends ClientCall['op']> = OpHandler<Extract<ClientCall, { op: K }>>;

const VOID = { rule: 'DATA-10', msg: 'client-side calls return void', alts: [{ t: 'void' }] } as const;

/**
 * Is `buf` still mapped for the device after the device wrote into it (a DEV_TO_MEM transfer
 * or memcpy destination recorded writes, or a live DEV_TO_MEM descriptor uses it)?
 */
function deviceWritten(s: ModelState, buf: BufId): boolean {
  const b = bufOf(s, buf);
  if (b === undefined || b.freed || b.mapped === 'no') return false;
  if (b.writes.length > 0 || b.tainted) return true;
  return s.chans.some((ch) => ch.descs.some((d) => d.dir === 'DEV_TO_MEM' && d.segs.some((g) => g.buf === buf)));
}

/** periph_enable: the client's own peripheral; the engine is not involved. @internal */
export const periphEnable: Op<'periph_enable'> = {
  judge: (_cx, _s, c) => ({ chan: c.chan, spec: VOID }),
  leave: (_cx, s) => ({ s }),
};

/** give_back: the owner (CPU) gets the buffer; a DEV_TO_MEM one must be unmapped first (DATA-10). @internal */
export const giveBack: Op<'give_back'> = {
  judge: (cx, s, c) => ({ chan: undefined, ub: data10_unmappedBeforeOwner(cx, deviceWritten(s, c.buf)), spec: VOID }),
  leave: (_cx, s) => ({ s }),
};
