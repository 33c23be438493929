/** Context arbitraries for calls that may be made outside process context. @internal */
import fc from 'fast-check';
import type { Ctx } from '../../spec/api/index.ts';

/** Process context mostly, else one of `others` (e.g. atomic for STAT-7, DESC-2, TERM-4). @internal */
export function ctxArb(...others: Ctx[]): fc.Arbitrary<Ctx> {
  return others.length === 0
    ? fc.constant<Ctx>('process')
    : fc.oneof({ arbitrary: fc.constant<Ctx>('process'), weight: 3 }, { arbitrary: fc.constantFrom(...others), weight: 1 });
}
