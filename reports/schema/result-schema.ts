/**
 * The zod schema of `report.json` (reports/result.ts `RunResult`). `readResult`
 * validates with it and reports/schema/report.schema.json is generated from it.
 * @internal
 */
import { z } from 'zod';
import { REPORT_SCHEMA_VERSION } from '../result.ts';
import {
  CapabilityProfileSchema as capabilityProfileSchema, EngineConfigSchema as engineConfigSchema,
  TraceEntrySchema as traceEntrySchema,
} from '../../spec/api/schema.ts';

const count = z.number().int().nonnegative();
const ruleId = z.string().describe('A rule id from the catalogue, e.g. "SYNC-3".');

export const ruleVerdictSchema = z.strictObject({
  id: ruleId,
  group: z.string().describe('Rule group, e.g. "SYNC".'),
  binds: z.enum(['client', 'engine', 'both']),
  statement: z.string(),
  verdict: z.enum(['pass', 'fail', 'advisory', 'not_exercised', 'not_supported', 'documented_only', 'known']),
  exercised: count.describe('How many times a clause of this rule was evaluated.'),
  failures: count.describe('How many distinct counterexamples name this rule.'),
});

export const counterexampleSchema = z.strictObject({
  rule: ruleId.nullable(),
  kind: z.enum(['violation', 'undefined', 'model_bug', 'impl_error']),
  msg: z.string(),
  statement: z.string().describe("The rule's statement from the catalogue (empty for impl errors)."),
  seed: z.number().int(),
  path: z.string().describe('fast-check replay path.'),
  config: engineConfigSchema,
  commands: z.array(z.unknown()).describe('The generated command sequence (harness encoding), replayable.'),
  length: count.describe('Number of top-level commands in the shrunk sequence.'),
  trace: z.array(traceEntrySchema).describe('The full trace of the shrunk run.'),
  violationIndex: z.number().int().describe('Index of the failing trace entry.'),
  text: z.string().describe('Numbered human-readable trace.'),
  c: z.string().describe('The same sequence as C-like dmaengine calls.'),
});

export const findingSchema = z.strictObject({
  kind: z.enum(['violation', 'undefined', 'advisory', 'model_bug', 'impl_error']),
  rule: ruleId.nullable(),
  msg: z.string(),
  line: z.number().int().positive().exactOptional().describe('Trace-file line the verdict points at (check-trace).'),
  chan: z.number().int().nonnegative().exactOptional(),
  count: z.number().int().positive().exactOptional().describe('How many times it was seen (certify, fuzz).'),
});

export const coverageSchema = z.strictObject({
  rulesExercised: count,
  rulesCheckable: count,
  pairsVisited: count,
  pairsReachable: count,
});

/** Schema of a whole `report.json`. */
export const runResultSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.strictObject({ name: z.literal('dmacheck'), version: z.string() }),
  command: z.enum(['certify', 'fuzz', 'check-trace', 'mutants']),
  implementation: z.strictObject({ name: z.string(), profile: capabilityProfileSchema.nullable() }),
  seed: z.number().int(),
  budget: z.strictObject({ runs: count.exactOptional(), timeMs: z.number().nonnegative().exactOptional() }),
  startedAt: z.string().describe('ISO 8601 time.'),
  finishedAt: z.string().describe('ISO 8601 time.'),
  durationMs: z.number().nonnegative(),
  partial: z.boolean().describe('True when the run was interrupted or ended early.'),
  verdict: z.enum(['pass', 'fail', 'error', 'inconclusive']).describe('inconclusive (certify): nothing failed but a checkable rule the implementation supports was never exercised.'),
  rules: z.array(ruleVerdictSchema),
  counterexamples: z.array(counterexampleSchema),
  findings: z.array(findingSchema).exactOptional().describe('Every verdict found, advisories included, in order.'),
  strict: z.boolean().exactOptional().describe('--strict: advisories fail the run.'),
  coverage: coverageSchema,
  stats: z.strictObject({ sequences: count, commands: count, commandsPerSecond: z.number().nonnegative() }),
  implError: z.strictObject({
    what: z.enum(['crash', 'timeout', 'exit', 'bad_json', 'bad_message', 'oversized', 'protocol_version', 'wrong_id', 'throw', 'eof']),
    msg: z.string(),
    stderrTail: z.array(z.string()),
  }).exactOptional(),
  known: z.array(ruleId).exactOptional().describe('Rule ids that failed but were already in the baseline report.'),
  seeds: z.array(z.number().int()).exactOptional().describe('Seeds of every shard of a merged result.'),
  shard: z.strictObject({ index: z.number().int().positive(), total: z.number().int().positive() }).exactOptional()
    .describe('This result is shard index of total (`fuzz --shard i/n`); report merge checks each is given once and none is missing.'),
  target: z.strictObject({
    release: z.string().describe('uname -r of the guest kernel.'),
    machine: z.string(),
    driver: z.string(),
    cpus: count,
    boots: count.describe('Guest boots used (batches and shrinking).'),
    notSupported: z.array(z.strictObject({ feature: z.string(), reason: z.string() })),
  }).exactOptional().describe('The real kernel, machine and driver a kernel certify run judged.'),
});
