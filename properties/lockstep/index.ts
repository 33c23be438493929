/**
 * The lockstep runner's public surface (package export `dmacheck/properties/lockstep`):
 * replaying a stored step sequence and naming its verdict.
 * @public
 */
export { Lockstep, type RunnerOptions } from './runner.ts';
export { replaySteps } from './replay.ts';
export { LockstepFailure, verdictLine, verdictRule, type Misuse, type Mode, type Step } from './step.ts';
