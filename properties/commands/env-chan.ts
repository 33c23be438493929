/** Environment steps on one channel: irq, tasklet, drain, on channels that have one pending. @internal */
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';
import { chanViews } from './view.ts';

/** Channels whose view satisfies `p`. @internal */
export function chansWhere(m: Readonly<Lockstep>, p: (c: ChanView) => boolean): ChanView[] {
  const out: ChanView[] = [];
  for (const v of chanViews(m)) if (v && p(v)) out.push(v);
  return out;
}
