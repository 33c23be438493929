/** `dmaengine_slave_config(chan, cfg)` with a supported width and burst (CFG-1, CFG-5). @public */
import fc from 'fast-check';
import type { Ctx } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { ctxArb, DmaCommand, heldChans, pick } from './index-base.ts';

/** @public */
export class SlaveConfig extends DmaCommand {
  readonly op = 'slave_config';
  constructor(readonly ch: number, readonly width: number, readonly burst: number, readonly ctx: Ctx) { super(); }
  check(m: Readonly<Lockstep>): boolean { return heldChans(m).length > 0 && m.config.addrWidths.length > 0; }
  resolve(m: Lockstep): Step {
    const chan = pick(heldChans(m), this.ch).chan;
    const w = pick(m.config.addrWidths, this.width);
    const b = 1 + (this.burst % Math.max(1, m.config.maxBurst));
    return { k: 'call', call: { op: 'slave_config', chan, cfg: { srcAddrWidth: w, dstAddrWidth: w, srcMaxburst: b, dstMaxburst: b } }, ctx: this.ctx };
  }
}

/** @public */
export const slaveConfigArb = fc.tuple(fc.nat(7), fc.nat(7), fc.nat(15), ctxArb('atomic')).map(([c, w, b, x]) => new SlaveConfig(c, w, b, x));
