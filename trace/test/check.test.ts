import { describe, expect, it } from 'vitest';
import { checkTrace, formatVerdict } from '../check.ts';
import { parseTrace } from '../parse.ts';
import { fakeModel } from './fake-model.ts';
import { recordScript, text } from './helpers.ts';

const header = recordScript()[0]!;
const cb = (ctx: string) => `{"k":"cb","cb":{"chan":0,"desc":1,"fn":"callback","period":false,"ctx":"${ctx}","locksHeld":false}}`;
const irqWithCallback = [
  header,
  '{"k":"env","step":{"op":"irq","chan":0}}',
  '{"k":"ev","ev":{"ev":"complete","chan":0,"desc":1,"cookie":2}}',
  cb('hardirq'),
  '{"k":"cb_ret"}',
  '{"k":"env_end"}',
];

describe('checkTrace', () => {
  it('reports the first violation with its rule and file line', () => {
    const r = checkTrace(parseTrace(text(irqWithCallback), 'bad.jsonl'), fakeModel);
    expect(r.verdicts).toHaveLength(1);
    const v = r.verdicts[0]!;
    expect(v.line).toBe(4);
    expect(formatVerdict('bad.jsonl', v)).toBe('bad.jsonl:4: violation CB-1: callback from hardirq');
  });

  it('applies end-of-run obligations only when the trace says it ended quiescent', () => {
    const completedNoCb = [header, '{"k":"env","step":{"op":"irq","chan":0}}', '{"k":"ev","ev":{"ev":"complete","chan":0,"desc":1,"cookie":2}}', '{"k":"env_end"}'];
    const stopped = checkTrace(parseTrace(text(completedNoCb), 't'), fakeModel);
    expect(stopped.verdicts).toEqual([]);
    expect(stopped.endChecked).toBe(false);
    const ended = checkTrace(parseTrace(text([...completedNoCb, '{"end":true}']), 't'), fakeModel);
    expect(ended.verdicts.map((v) => [v.verdict.kind, v.line])).toEqual([['violation', 5]]);
  });

  it('collects undefined behaviour and goes on to the first violation', () => {
    const lines = [
      header,
      // A trace names only descriptors a prep created (trace/ids.ts).
      '{"k":"call","call":{"op":"prep_slave_sg","chan":0,"desc":1,"sgl":[{"buf":1,"offset":0,"len":16}],"dir":"MEM_TO_DEV","flags":3},"ctx":"process"}',
      '{"k":"ret","ret":{"t":"ok"}}',
      '{"k":"call","call":{"op":"submit","desc":1},"ctx":"hardirq"}',
      '{"k":"ret","ret":{"t":"cookie","v":2}}',
      ...irqWithCallback.slice(1),
    ];
    const r = checkTrace(parseTrace(text(lines), 't'), fakeModel);
    expect(r.verdicts.map((v) => `${v.verdict.kind}@${v.line}`)).toEqual(['undefined@4', 'violation@8']);
  });
});
