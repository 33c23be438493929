import { afterAll, describe, expect, it } from 'vitest';
import { resolveImplementation } from '../../adapters/resolve.ts';
import type { Implementation } from '../../spec/api/implementation.ts';
import { checkTrace } from '../check.ts';
import { loadModel } from '../load-model.ts';
import { parseTrace } from '../parse.ts';
import { recordScript, text } from './helpers.ts';

const examples = new URL('../../examples/', import.meta.url).pathname;
const opened: Implementation[] = [];
afterAll(() => { for (const i of opened) i.dispose?.(); });

async function verdictsOf(spec: { impl?: string; implCmd?: string }) {
  const impl = await resolveImplementation({ ...spec, timeoutMs: 5000 });
  opened.push(impl);
  const t = parseTrace(text(recordScript(impl)), 'run.jsonl');
  return checkTrace(t, await loadModel());
}

describe('check-trace against the reference model', () => {
  it.each([
    ['builtin', { impl: 'builtin' }],
    ['examples/ts-engine', { impl: `${examples}ts-engine/engine.ts` }],
    ['examples/py-engine', { implCmd: `python3 ${examples}py-engine/engine.py` }],
  ])('a recording of %s is conformant, end obligations included', async (_n, spec) => {
    const r = await verdictsOf(spec);
    expect(r.verdicts.map((v) => `${v.line}: ${v.verdict.msg}`)).toEqual([]);
    expect(r.endChecked).toBe(true);
  });

  it('the buggy Python engine fails with CB-1 at the line of its first callback', async () => {
    const impl = await resolveImplementation({ implCmd: `python3 ${examples}py-engine-buggy/engine.py` });
    opened.push(impl);
    const lines = recordScript(impl);
    const r = checkTrace(parseTrace(text(lines), 'run.jsonl'), await loadModel());
    const v = r.verdicts.at(-1)!;
    expect(v.verdict.kind).toBe('violation');
    expect(v.verdict.kind === 'violation' && v.verdict.rule).toBe('CB-1');
    expect(v.line).toBe(lines.findIndex((l) => l.startsWith('{"k":"cb"')) + 1);
  });
});
