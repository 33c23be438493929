/**
 * A program-batch target: anything that runs a whole client program on a fresh engine
 * and returns the trace it recorded — a foreign engine over the stdio batch extension
 * (adapters/stdio/client.ts), or an in-process implementation through the same
 * interpreter `dmacheck serve` uses (for the benchmark and tests). Running a case
 * yields the trace as the text of a `dmacheck-trace/1` file whose header the harness
 * writes (the configuration it sent), so the judge (kernel/certify/judge.ts:
 * trace/parse.ts + trace/check.ts) checks it exactly like a recorded one.
 * @public
 */
import type { BatchTrace } from '../../adapters/stdio/client.ts';
import type { CapabilityProfile, ClientProgram, EngineConfig, Implementation } from '../../spec/api/index.ts';
import type { ProgramRun } from '../../kernel/certify/runner.ts';
import { TRACE_FORMAT } from '../../trace/format.ts';
import { interpretProgram } from './interpret.ts';
import type { BatchCase } from './programs.ts';

/** @public */
export interface ProgramTarget {
  readonly name: string;
  readonly profile: CapabilityProfile;
  /** Raises ImplError when the implementation fails (it threw, hung, broke the protocol). */
  runProgram(config: EngineConfig, program: ClientProgram): BatchTrace;
}

/** An in-process implementation as a target (the engine side of batch/1, without the pipe). @public */
export function inProcessTarget(impl: Implementation): ProgramTarget {
  return {
    name: impl.name,
    profile: impl.profile,
    runProgram: (config, program) => {
      const r = interpretProgram(impl, config, program);
      if (r.error !== undefined) throw new Error(`program ${program.name}: ${r.error}`);
      return r;
    },
  };
}

/** The trace file text of one run: the harness's header, the entries, the end line when quiescent. @public */
export function traceText(target: ProgramTarget, c: BatchCase, t: BatchTrace): string {
  const header = { format: TRACE_FORMAT, implementation: target.name, config: c.config, meta: { tool: 'dmacheck certify (batch/1)', program: c.program.name } };
  const lines = [JSON.stringify(header), ...t.entries.map((e) => JSON.stringify(e)), ...(t.ended ? ['{"end":true}'] : [])];
  return `${lines.join('\n')}\n`;
}

/** Run one case; raises what the target raises. @public */
export function runCase(target: ProgramTarget, c: BatchCase): ProgramRun {
  const t = target.runProgram(c.config, c.program);
  return { name: c.program.name, trace: traceText(target, c, t), complete: t.ended };
}
