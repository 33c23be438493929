/** `dmaengine_pause(chan)`: when both pause and resume exist, or when pause does not (-ENOSYS) (CAPS-3, PAUSE-1, PAUSE-2, PAUSE-4). @public */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { ChanOpCommand } from './chan-op.ts';
import { ctxArb, heldChans } from './index-base.ts';

/** @public */
export class Pause extends ChanOpCommand {
  readonly op = 'pause';
  targets(m: Readonly<Lockstep>): readonly ChanView[] {
    // Without device_pause it is a legal call that must give -ENOSYS (PAUSE-1); with pause but
    // no resume a careful client does not pause at all (CAPS-3). Also with an interrupt
    // pending: the engine defers that completion while paused (PAUSE-4).
    if (!m.config.caps.pause) return heldChans(m);
    return m.config.caps.resume ? heldChans(m).filter((c) => !c.paused) : [];
  }
}

/** @public */
export const pauseArb = fc.tuple(fc.nat(7), ctxArb('atomic')).map(([c, x]) => new Pause(c, x));
