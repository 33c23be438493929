/** Environment steps on one channel: irq, tasklet, drain, on channels that have one pending. @internal */
import type { ChanView } from '../../spec/api/index.ts';
import type { Lockstep } from '../lockstep/runner.ts';

/** Channels whose view satisfies `p`. @internal */
export function chansWhere(m: Readonly<Lockstep>, p: (c: ChanView) => boolean): ChanView[] {
  const out: ChanView[] = [];
  if (!m.model) return out;
  for (let i = 0; i < m.config.slaves.length; i++) {
    const v = m.model.chan(m.state, i);
    if (v && p(v)) out.push(v);
  }
  return out;
}
