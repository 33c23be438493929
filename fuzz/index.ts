/**
 * The fuzzer's public API: campaigns (one thread), worker pools, shards, the failure
 * corpus, coverage figures, shrinking and the regression-test emitter. `dmacheck fuzz`
 * (cli/commands/fuzz.ts) is {@link runFuzz} plus argument parsing and report writing.
 * @public
 */
export { Campaign, type CampaignOptions } from './campaign.ts';
export { Corpus, type CorpusEntry, type CorpusReplay, replayCorpus } from './corpus.ts';
export { chao1, CoverageMap, type CoverageFigures, type CoverageSnapshot, exercisableRules, figures, figuresText } from './coverage.ts';
export { emitTest, type EmitOptions } from './emit-test.ts';
export { type Finding, findingText, keyOf, makeFinding } from './finding.ts';
export { Guidance } from './guidance.ts';
export { splitRuns, WorkerPool, type PoolOptions, type PoolTotals } from './parallel.ts';
export { Planner } from './plan.ts';
export { Progress, progressText } from './progress.ts';
export { racyBoost, situation } from './racy.ts';
export { fuzzResult } from './result.ts';
export { deriveSeed, FuzzRng } from './rng.ts';
export { type FuzzOptions, type FuzzOutcome, runFuzz } from './run.ts';
export { runSequence, type SequencePlan, type SequenceRun } from './sequence.ts';
export { parseShard, type Shard, shardPlan } from './shard.ts';
export { ddmin, shrink, signature } from './shrink.ts';
export { drawSwarm, fullSwarm, type Swarm } from './swarm.ts';
