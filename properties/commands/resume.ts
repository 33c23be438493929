/** `dmaengine_resume(chan)` of a paused channel (PAUSE-2, PAUSE-3). @public */
import fc from 'fast-check';
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { ChanOpCommand } from './chan-op.ts';
import { ctxArb, heldChans } from './index-base.ts';

/** @public */
export class Resume extends ChanOpCommand {
  readonly op = 'resume';
  targets(m: Readonly<Lockstep>): readonly ChanView[] { return heldChans(m).filter((c) => c.paused); }
}

/** @public */
export const resumeArb = fc.tuple(fc.nat(7), ctxArb('atomic')).map(([c, x]) => new Resume(c, x));
