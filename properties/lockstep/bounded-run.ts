/**
 * One run on a new {@link Lockstep} under the implementation's run bound
 * (adapters/inproc/guard.ts): for a module in our thread, one time bound covers the whole
 * run instead of one per request, and a request that never returns ends the run with
 * impl_error('timeout') on the entries so far. Other implementations run as is.
 * @internal
 */
import { bounded } from '../../adapters/inproc/guard.ts';
import type { Implementation } from '../../spec/api/index.ts';
import type { Lockstep } from './runner.ts';

/** Makes the runner (its constructor resets the engine) and runs `body` on it, bounded. @internal */
export function boundedRun<R extends Lockstep>(impl: Implementation, make: () => R, body: (r: R) => void): R {
  let r: R | undefined;
  const hung = bounded(impl, () => {
    const l = (r = make());
    body(l);
  });
  // Hung in reset (no runner yet): a new runner's reset raises the same error.
  r ??= make();
  if (hung) r.abandon(hung);
  return r;
}
