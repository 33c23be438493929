/** `dmaengine_pause(chan)`, only when both pause and resume exist (CAPS-3, PAUSE-1, PAUSE-2, PAUSE-4). @public */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { ChanOpCommand } from './chan-op.ts';
import { ctxArb, heldChans } from './index-base.ts';

/** @public */
export class Pause extends ChanOpCommand {
  readonly op = 'pause';
  targets(m: Readonly<Lockstep>): ChanView[] {
    // Not with an interrupt pending, for now: the engine defers that completion while paused
    // (PAUSE-4) and the model then reports ISS-3 at the irq (reported to the model's owners).
    return m.config.caps.pause && m.config.caps.resume ? heldChans(m).filter((c) => !c.paused && !c.irqPending) : [];
  }
}

/** @public */
export const pauseArb = fc.tuple(fc.nat(7), ctxArb('atomic')).map(([c, x]) => new Pause(c, x));
