/**
 * check-client's outcome as text and as JSON, and its exit status: 0 no explored
 * schedule breaks a rule, 1 the client broke one, 3 the engine failed (threw, crashed,
 * broke the protocol), 4 the engine broke an engine rule or the model failed — with a
 * client program that is a model or engine bug, never the client's.
 * @public
 */
import type { ClientProgram, Verdict } from '../../spec/api/index.ts';
import { ruleById } from '../../spec/catalogue/index.ts';
import { traceText } from '../counterexample/text.ts';
import { verdictLine } from '../lockstep/step.ts';
import { BYTES_PER_UNIT, choiceText, COOKIE_INITS, GRANULARITIES } from './engine-choices.ts';
import type { ExploreResult } from './explore.ts';

/** The verdict kinds check-client reports. @public */
export type ClientOutcome = 'conformant' | 'client' | 'engine_error' | 'internal';

/** What a run's verdict means for the client. @public */
export function outcomeOf(v: Verdict | undefined): ClientOutcome {
  if (v === undefined) return 'conformant';
  switch (v.kind) {
    case 'undefined': return 'client';
    case 'advisory': return 'conformant'; // never a run's failure: listed, fails only under --strict
    case 'impl_error': return 'engine_error';
    case 'violation': case 'model_bug': return 'internal';
  }
}

/** Exit status of an outcome (cli/exit-codes.ts values). @public */
export const EXIT_OF: { readonly [K in ClientOutcome]: number } = { conformant: 0, client: 1, engine_error: 3, internal: 4 };

/** Engine choices there are: speeds × granularities × first cookies × peripheral × TERM-9 × STAT-3. */
const SPACE = BYTES_PER_UNIT.length * GRANULARITIES.length * COOKIE_INITS.length * 2 * 2 * 2;

/** The "what was explored" paragraph. @public */
export function exploredText(r: ExploreResult): string {
  const e = r.explored;
  return [
    `explored ${e.runs} runs (seed ${r.seed}): ${e.schedules} distinct schedules, ${e.choices} of ${SPACE} engine choices`
      + ` (bytes/µs ${BYTES_PER_UNIT.join('/')}, residue ${GRANULARITIES.join('/')}, first cookie ${COOKIE_INITS.join('/')}, slow/fast peripheral, running descriptor freed at terminate/synchronize, aborted cookies IN_PROGRESS/COMPLETE), ${e.envSteps} environment steps`,
    `  callback before the peripheral drained (seed 000) in ${e.callbackBeforeDrain} runs, delayed callback in ${e.delayedCallback}, wait timed out in ${e.timeouts}`
      + (e.shrinkRuns > 0 ? `; ${e.shrinkRuns} runs shrinking` : ''),
  ].join('\n');
}

/** The whole text report. @public */
export function reportText(file: string, p: ClientProgram, r: ExploreResult): string {
  const f = r.failure;
  const out: string[] = [`${file}: ${p.name}`];
  for (const a of r.advisories) out.push(`${verdictLine(a)}  [advisory: ${ruleById(a.rule)?.statement ?? ''}]`);
  if (f === undefined) {
    out.push(r.advisories.length > 0 ? 'no explored schedule breaks a rule (advisories above)' : 'no explored schedule breaks a rule', exploredText(r));
    return out.join('\n');
  }
  const v = f.verdict;
  const outcome = outcomeOf(v);
  if (outcome === 'internal') {
    out.push(`the engine (${r.impl}) broke an engine rule, or the model failed, while running a client program: not the client's fault`
      + (r.impl === 'builtin' ? ' — with the built-in engine this is a dmacheck bug' : ' — a bug of that engine or of the model'));
  }
  out.push(verdictLine(v));
  const rule = v.kind === 'undefined' || v.kind === 'violation' ? ruleById(v.rule) : undefined;
  if (rule !== undefined) out.push(`${rule.id} (${rule.binds}): ${rule.statement}`);
  out.push(`engine: ${choiceText(f.choice)}`);
  out.push(`shortest schedule found: ${f.schedule.length === 0 ? 'the default one (no decision)' : `${f.schedule.length} decisions [${f.schedule.join(',')}]`}`);
  out.push(traceText(f.run.trace, v));
  out.push(exploredText(r));
  out.push(`replay: dmacheck check-client ${file} --seed ${r.seed} --runs ${r.budget}${r.impl === 'builtin' ? '' : ` --impl ${r.impl}`}`);
  return out.join('\n');
}

/** Exit status of a result: advisories fail only under `strict`. @public */
export function exitOf(r: ExploreResult, strict: boolean): number {
  const code = EXIT_OF[outcomeOf(r.failure?.verdict)];
  return code === 0 && strict && r.advisories.length > 0 ? 1 : code;
}

/** The JSON report (one object). @public */
export function reportJson(file: string, p: ClientProgram, r: ExploreResult): unknown {
  const f = r.failure;
  return {
    file, program: p.name, seed: r.seed, impl: r.impl, outcome: outcomeOf(f?.verdict), explored: r.explored, advisories: r.advisories,
    ...(f === undefined ? {} : { verdict: f.verdict, engine: f.choice, schedule: f.schedule, trace: f.run.trace }),
  };
}
