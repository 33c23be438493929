/**
 * Ret constructors: the C return conventions (int, -errno, ERR_PTR, NULL, cookie).
 * @internal
 */
import type { Errno, Ret, TxState } from '../../spec/api/index.ts';
import type { OpResult } from './device.ts';

export const VOID: Ret = { t: 'void' };
export const NULL: Ret = { t: 'null' };
export const OK: Ret = { t: 'ok' };
export const ZERO: Ret = { t: 'int', v: 0 };

export function err(e: Errno): Ret {
  return { t: 'err', e };
}

export function fromOp(r: OpResult): Ret {
  return r === 0 ? ZERO : err(r);
}

export function status(st: TxState): Ret {
  return { t: 'status', st };
}
