/** Set `desc->callback` or `callback_result` between prep and submit (DESC-3), with what the callback will do (CB-3, CB-5, META-8, STAT-9). @public */
import fc from 'fast-check';
import type { CallbackAction, DescView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { allDescs, bufsMappedTo, DmaCommand, pick } from './index-base.ts';
import { dirOf } from './prep-common.ts';

const prepared = (m: Readonly<Lockstep>): DescView[] => allDescs(m, (d) => d.phase === 'prepared');

/** The legal actions for a descriptor's callback. @internal */
export function legalActions(m: Readonly<Lockstep>, d: DescView, chainBuf: number, chainLen: number, dir: number): CallbackAction[] {
  const acts: CallbackAction[] = [{ kind: 'none' }, { kind: 'terminate_async' }];
  if (!m.config.caps.completionNoOrder) acts.push({ kind: 'tx_status' });
  if (d.kind === 'cyclic') return acts;
  const bufs = bufsMappedTo(m, d.chan);
  if (bufs.length > 0) {
    const b = pick(bufs, chainBuf);
    acts.push({ kind: 'chain', buf: b.buf, len: 1 + (chainLen % b.len), dir: dirOf(m, d.chan, dir) });
  }
  // First, so it is drawn often where it is possible at all (META-8..META-10 need it).
  if (d.dir === 'DEV_TO_MEM' && d.metaMode !== 'client' && m.client.metaSupported(d.chan, 'engine')) acts.unshift({ kind: 'read_metadata' });
  return acts;
}

/** @public */
export class SetCallback extends DmaCommand {
  readonly op = 'set_callback';
  constructor(readonly d: number, readonly result: boolean, readonly act: number, readonly chainBuf: number, readonly chainLen: number, readonly dir: number) { super(); }
  check(m: Readonly<Lockstep>): boolean { return prepared(m).length > 0; }
  resolve(m: Lockstep): Step {
    const d = pick(prepared(m), this.d);
    const action = pick(legalActions(m, d, this.chainBuf, this.chainLen, this.dir), this.act);
    return { k: 'call', call: { op: 'set_callback', desc: d.desc, fn: this.result ? 'callback_result' : 'callback', action }, ctx: 'process' };
  }
}

/** @public */
export const setCallbackArb = fc
  .tuple(fc.nat(7), fc.boolean(), fc.nat(5), fc.nat(7), fc.nat(511), fc.nat(3))
  .map(([d, r, a, b, l, x]) => new SetCallback(d, r, a, b, l, x));
