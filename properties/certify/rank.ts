/**
 * The most specific counterexample first. One engine fault often fails several rules in
 * different runs (a residue bug fails STAT-6 in a one-shot run and CYC-4 in a cyclic
 * one); a developer should read the simplest run and the rule that names the cause, the
 * others as "also". Simpler means, in order: no cyclic or repeated transfer (the cyclic
 * family's rules restate the one-shot ones for an endless transfer), fewer channels,
 * fewer calls/steps, fewer printed trace entries. Stable: equal runs keep their order.
 * @public
 */
import type { Counterexample } from '../../reports/result.ts';
import { DMA_PREP_REPEAT } from '../../spec/api/index.ts';
import { counterexampleCounts } from '../counterexample/counts.ts';
import { stepNames } from '../counterexample/objects.ts';
import type { Step } from '../lockstep/step.ts';

/** Does the run use a cyclic or repeated transfer? */
function cyclic(steps: readonly Step[]): boolean {
  return steps.some((s) => s.k === 'call' && (s.call.op === 'prep_cyclic' || ('flags' in s.call && (s.call.flags & DMA_PREP_REPEAT) !== 0)));
}

/** How many channels the run names. */
function channels(steps: readonly Step[], c: Counterexample): number {
  const names = new Set<string>();
  for (const s of steps) {
    const n = stepNames(s);
    n.chans.forEach((ch) => names.add(c.config.slaves[ch]?.name ?? String(ch)));
    if (n.slave !== undefined) names.add(n.slave);
  }
  return names.size;
}

/** The comparison key of `c`: smaller is simpler. @public */
export function simplicityKey(c: Counterexample): readonly number[] {
  const steps = c.commands as readonly Step[];
  const n = counterexampleCounts(c);
  return [cyclic(steps) ? 1 : 0, channels(steps, c), n.steps, n.entries];
}

/** The indices of `cxs`, most specific first (stable). @public */
export function rankCounterexamples(cxs: readonly Counterexample[]): number[] {
  const keys = cxs.map(simplicityKey);
  const cmp = (a: readonly number[], b: readonly number[]): number => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  };
  return cxs.map((_, i) => i).sort((i, j) => cmp(keys[i]!, keys[j]!) || i - j);
}
