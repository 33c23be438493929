/**
 * Shrinks a failing program in the guest: each round runs every legal one-step-smaller
 * candidate (candidates.ts) in ONE boot, keeps the smallest whose run fails with the same
 * verdict (kind and rule), and repeats until no candidate fails or the rounds run out.
 * @public
 */
import type { Model } from '../../spec/api/model-api.ts';
import type { ClientProgram } from '../../spec/api/program.ts';
import { checkLegality } from '../gen/legality.ts';
import { candidates, programSize } from './candidates.ts';
import { decisive, type Judged, judgeRun, verdictKey } from './judge.ts';
import { batchTimeoutMs, type ProgramRun } from './runner.ts';

/** What shrinking needs of a runner: a KernelRunner has it, and so has the stdio batch target (properties/batch/). @public */
export type ProgramBatchRunner = { runBatch(programs: readonly ClientProgram[], opts?: { timeoutMs?: number; cpus?: 1 }): Promise<{ readonly runs: readonly ProgramRun[] }> };

/** @public */
export interface ShrinkOptions {
  readonly runner: ProgramBatchRunner;
  readonly model: Model<unknown>;
  /** Boots at most (one per round). */
  readonly rounds: number;
  /** Candidates per boot at most (the smallest first). */
  readonly maxCandidates: number;
}

/** @public */
export interface Shrunk {
  readonly program: ClientProgram;
  readonly judged: Judged;
  readonly boots: number;
  readonly candidatesRun: number;
}

/** Shrink `program`, whose run `judged` failed; keeps its verdict key. @public */
export async function shrinkInGuest(program: ClientProgram, judged: Judged, o: ShrinkOptions): Promise<Shrunk> {
  const v = decisive(judged);
  if (!v) return { program, judged, boots: 0, candidatesRun: 0 };
  const key = verdictKey(v);
  const keepLegal = checkLegality(program) === undefined;
  let best = { program, judged };
  let boots = 0;
  let candidatesRun = 0;
  for (let round = 0; round < o.rounds; round++) {
    const cands = candidates(best.program)
      .filter((c) => !keepLegal || checkLegality(c) === undefined)
      .map((c, i) => ({ ...c, name: `${program.name}-s${round}.${i}` }))
      .sort((a, b) => programSize(a) - programSize(b))
      .slice(0, o.maxCandidates);
    if (cands.length === 0) break;
    const b = await o.runner.runBatch(cands, { timeoutMs: batchTimeoutMs(cands.length), cpus: 1 });
    boots++;
    candidatesRun += b.runs.length;
    let next: typeof best | undefined;
    const byName = new Map(cands.map((c) => [c.name, c]));
    b.runs.forEach((run) => {
      const cand = byName.get(run.name);
      if (!cand) return;
      const j = judgeRun(run, o.model);
      const w = decisive(j);
      if (w && verdictKey(w) === key && (!next || programSize(cand) < programSize(next.program))) next = { program: cand, judged: j };
    });
    if (!next) break;
    best = next;
  }
  return { ...best, boots, candidatesRun };
}
