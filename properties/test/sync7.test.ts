/**
 * SYNC-7 in lockstep against the built-in engine (issue 15): a legal client never issues
 * new work between terminate_async and synchronize (the issue_pending command is not
 * offered there), the misuse command that does is judged SYNC-7 as it declares, and the
 * same work issued after synchronize is legal.
 */
import { describe, expect, it } from 'vitest';
import { DMA_CTRL_ACK, DMA_PREP_INTERRUPT } from '../../spec/api/index.ts';
import { IssuePending } from '../commands/issue-pending.ts';
import { IssueWhileTerminating } from '../commands/misuse/issue-while-terminating.ts';
import { type Step, verdictLine } from '../lockstep/step.ts';
import { call, runAfter } from './harness.ts';

const newWork = (desc: number): Step[] => [
  call({ op: 'prep_slave_sg', chan: 0, desc, sgl: [{ buf: 1, offset: 0, len: 32 }], dir: 'MEM_TO_DEV', flags: DMA_PREP_INTERRUPT | DMA_CTRL_ACK }),
  call({ op: 'submit', desc }),
];


describe('SYNC-7 in lockstep', () => {
  const afterTerminate = [...newWork(1), call({ op: 'issue_pending', chan: 0 }), call({ op: 'terminate_async', chan: 0 }), ...newWork(2)];

  it('a legal client is not offered issue_pending on the terminating channel', async () => {
    const r = await runAfter('legal', afterTerminate);
    const offered = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => new IssuePending(i, 'process')).filter((c) => c.check(r)).map((c) => c.resolve(r));
    expect(offered.map((s) => s.k === 'call' && 'chan' in s.call && s.call.chan)).not.toContain(0);
  });

  it('the misuse command is judged SYNC-7 at once, as it declares', async () => {
    const r = await runAfter('misuse', afterTerminate);
    new IssueWhileTerminating(0).run(r, r);
    expect(r.failure, r.failure && verdictLine(r.failure)).toBeUndefined();
    const issueAt = r.trace.map((e, i) => (e.k === 'call' && e.call.op === 'issue_pending' ? i : -1)).reduce((a, b) => Math.max(a, b));
    expect(r.undefinedSeen.map((v) => (v.kind === 'undefined' ? `${v.rule}@${v.step}` : v.kind))).toEqual([`SYNC-7@${issueAt}`]);
  });

  it('after synchronize the same work is issued legally', async () => {
    const r = await runAfter('legal', [...afterTerminate, call({ op: 'synchronize', chan: 0 }), call({ op: 'issue_pending', chan: 0 })]);
    r.finish();
    expect(r.failure, r.failure && verdictLine(r.failure)).toBeUndefined();
  });
});
