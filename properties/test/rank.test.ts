/**
 * The most specific counterexample first (properties/certify/rank.ts): a one-shot run
 * before a cyclic one, one channel before two, fewer steps before more; ties keep
 * their order.
 */
import { describe, expect, it } from 'vitest';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT } from '../../spec/api/index.ts';
import type { Counterexample } from '../../reports/result.ts';
import { rankCounterexamples } from '../certify/rank.ts';
import { defaultConfig } from '../gen/config.ts';
import type { Step } from '../lockstep/step.ts';
import { createBuiltinEngine } from '../../impl/index.ts';

const config = defaultConfig(createBuiltinEngine().profile);
const call = (c: Extract<Step, { k: 'call' }>['call']): Step => ({ k: 'call', call: c, ctx: 'process' });
const FLAGS = DMA_PREP_INTERRUPT | DMA_CTRL_ACK;
const req = (chan: number) => call({ op: 'request_chan', name: config.slaves[chan]!.name });
const sg = (chan: number) => call({ op: 'prep_slave_sg', chan, desc: 1, sgl: [{ buf: 1, offset: 0, len: 8 }], dir: 'MEM_TO_DEV', flags: FLAGS });
const cyclic = call({ op: 'prep_cyclic', chan: 0, desc: 1, buf: 1, bufLen: 32, periodLen: 8, dir: 'MEM_TO_DEV', flags: FLAGS });

function cx(rule: string, commands: readonly Step[]): Counterexample {
  return { rule, kind: 'violation', msg: rule, statement: '', seed: 1, path: '', config, commands, length: commands.length, trace: [], violationIndex: 0, text: '', c: '' };
}

describe('rankCounterexamples', () => {
  it('puts the one-shot run before the cyclic one, even when longer', () => {
    const cyc = cx('CYC-4', [req(0), cyclic]);
    const shot = cx('STAT-6', [req(0), sg(0), call({ op: 'submit', desc: 1 })]);
    expect(rankCounterexamples([cyc, shot])).toEqual([1, 0]);
  });

  it('puts one channel before two, then fewer steps first, and keeps ties in order', () => {
    const two = cx('A', [req(0), req(1), sg(0)]);
    const oneLong = cx('B', [req(0), sg(0), call({ op: 'submit', desc: 1 })]);
    const oneShort = cx('C', [req(0), sg(0)]);
    const tie = cx('D', [req(0), sg(0)]);
    expect(rankCounterexamples([two, oneLong, oneShort, tie])).toEqual([2, 3, 1, 0]);
  });
});
