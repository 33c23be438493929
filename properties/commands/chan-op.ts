/** Shape shared by the one-channel control calls (pause, resume, terminate_*, synchronize, periph_teardown). @internal */
import type { ChanView, Ctx } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import type { Step } from '../lockstep/step.ts';
import { DmaCommand } from './base.ts';
import { pick } from './view.ts';

type ChanOp = 'pause' | 'resume' | 'terminate_async' | 'terminate_sync' | 'terminate_all' | 'synchronize' | 'periph_teardown';

/** A call `op(chan)` on one of `targets(m)`. @internal */
export abstract class ChanOpCommand extends DmaCommand {
  abstract override readonly op: ChanOp;
  constructor(readonly ch: number, readonly ctx: Ctx) { super(); }
  abstract targets(m: Readonly<Lockstep>): readonly ChanView[];
  check(m: Readonly<Lockstep>): boolean { return this.targets(m).length > 0; }
  resolve(m: Lockstep): Step { return { k: 'call', call: { op: this.op, chan: pick(this.targets(m), this.ch).chan }, ctx: this.ctx }; }
}
