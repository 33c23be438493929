/**
 * Re-runs a stored step sequence exactly (no generation): the basis of `dmacheck replay`
 * and of the engine-alone benchmark.
 * @public
 */
import type { CoverageSink, EngineConfig, Implementation, Model } from '../../spec/api/index.ts';
import { boundedRun } from './bounded-run.ts';
import { Lockstep } from './runner.ts';
import { LockstepFailure, type Mode, type Step } from './step.ts';

/** Run `steps` then quiesce; the returned runner holds the trace and any failure. @public */
export function replaySteps(model: Model<unknown> | null, impl: Implementation, config: EngineConfig, mode: Mode, steps: readonly Step[], cov?: CoverageSink): Lockstep {
  return boundedRun(impl, () => new Lockstep(model, impl, config, cov ? { mode, cov } : { mode }), (r) => {
    try {
      for (const s of steps) r.exec(s);
      r.finish();
    } catch (e) {
      if (!(e instanceof LockstepFailure)) throw e;
    }
  });
}
