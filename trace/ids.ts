/**
 * Ids a trace cannot name (issue 13, item 10): a channel id is the index of its entry in
 * the header's slave map, so one outside it names no channel at all; a descriptor id is
 * created by the prep call that returned it, so a client call naming a descriptor no
 * earlier prep created names nothing. Either is a malformed trace, not a verdict.
 * @internal
 */
import type { TraceEntry } from '../spec/api/trace.ts';

/** The channel id an entry names, if any. */
function channelOf(e: TraceEntry): number | undefined {
  switch (e.k) {
    case 'call': return 'chan' in e.call ? e.call.chan : undefined;
    case 'env': return 'chan' in e.step ? e.step.chan : undefined;
    case 'ev': return e.ev.chan;
    case 'cb': return e.cb.chan;
    case 'ret': case 'env_end': case 'cb_ret': return undefined;
  }
}

/** Tracks the descriptor ids created so far; reports the first impossible id of each entry. @internal */
export class IdCheck {
  private readonly created = new Set<number>();
  constructor(private readonly channels: number) {}

  /** Why `e` names an impossible id (undefined: it does not); records the descriptors it creates. */
  check(e: TraceEntry): string | undefined {
    const chan = channelOf(e);
    if (chan !== undefined && (chan < 0 || chan >= this.channels)) {
      return `channel ${chan} does not exist: the header's config has ${this.channels} slave(s), ids 0..${this.channels - 1}`;
    }
    if (e.k !== 'call' || !('desc' in e.call)) return undefined;
    const { op, desc } = e.call;
    if (op.startsWith('prep_')) this.created.add(desc);
    else if (!this.created.has(desc)) return `${op} of descriptor ${desc}, which no earlier prep call created`;
    return undefined;
  }
}
