/**
 * In-guest shrinking with a fake runner: candidates are one step smaller and legal, each
 * round is one boot, and the result is the smallest legal program that still fails with
 * the same rule.
 */
import { describe, expect, it } from 'vitest';
import type { ClientProgram } from '../../spec/api/program.ts';
import { candidates, programSize } from '../certify/candidates.ts';
import { decisive, judgeRun } from '../certify/judge.ts';
import { shrinkInGuest } from '../certify/shrink.ts';
import { generatePrograms } from '../gen/generate.ts';
import { checkLegality } from '../gen/legality.ts';
import { FakeRunner, fakeTrace, testModel } from './fake-runner.ts';

/** A generated program on 2+ channels with an is_tx_complete (the fake model's violation) on its last channel. */
function failing(): ClientProgram {
  const p = generatePrograms(7, 60).find((q) => q.steps.filter((s) => 'do' in s && s.do.op === 'request_chan').length >= 2 && !q.steps.some((s) => 'do' in s && s.do.op === 'is_tx_complete'))!;
  const lastChan = p.steps.filter((s) => 'do' in s && s.do.op === 'request_chan').length - 1;
  const at = p.steps.findIndex((s) => 'do' in s && s.do.op === 'release_channel');
  return { ...p, steps: [...p.steps.slice(0, at), { do: { op: 'is_tx_complete', chan: lastChan, cookie: 1 } }, ...p.steps.slice(at)] };
}

describe('shrinking candidates', () => {
  it('are one step smaller or more, distinct, and renumber channels when one is dropped', () => {
    const p = failing();
    const cs = candidates(p);
    expect(cs.length).toBeGreaterThan(p.steps.length);
    expect(new Set(cs.map((c) => JSON.stringify(c.steps))).size).toBe(cs.length);
    for (const c of cs) expect(programSize(c)).toBeLessThan(programSize(p));
    const dropFirst = cs[0]!;
    const requests = dropFirst.steps.filter((s) => 'do' in s && s.do.op === 'request_chan').length;
    const chans = dropFirst.steps.flatMap((s) => ('do' in s && 'chan' in s.do ? [s.do.chan] : []));
    expect(Math.max(...chans)).toBe(requests - 1);
    expect(checkLegality(dropFirst)).toBeUndefined();
  });
});

describe('shrinkInGuest', () => {
  it('finds the smallest legal program failing with the same rule, one boot per round', async () => {
    const p = failing();
    const runner = new FakeRunner();
    const judged = judgeRun({ name: p.name, trace: fakeTrace(p), complete: true }, testModel);
    expect(decisive(judged)).toMatchObject({ kind: 'violation', rule: 'STAT-1' });
    const s = await shrinkInGuest(p, judged, { runner, model: testModel, rounds: 100, maxCandidates: 1000 });
    expect(s.program.steps.map((x) => ('do' in x ? `${x.do.op}${'chan' in x.do ? ` ch${x.do.chan}` : ''}` : '?'))).toEqual(['request_chan', 'is_tx_complete ch0']);
    expect(decisive(s.judged)).toMatchObject({ kind: 'violation', rule: 'STAT-1' });
    expect(runner.batches.length).toBe(s.boots);
    expect(s.boots).toBeLessThan(programSize(p));
  });

  it('stops after the given rounds and keeps the best so far', async () => {
    const p = failing();
    const judged = judgeRun({ name: p.name, trace: fakeTrace(p), complete: true }, testModel);
    const s = await shrinkInGuest(p, judged, { runner: new FakeRunner(), model: testModel, rounds: 1, maxCandidates: 1000 });
    expect(s.boots).toBe(1);
    expect(programSize(s.program)).toBeLessThan(programSize(p));
    expect(checkLegality(s.program)).toBeUndefined();
  });
});
