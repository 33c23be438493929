import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import createTsEngine from '../../examples/ts-engine/engine.ts';
import { runScript } from '../../adapters/test/script.ts';
import { TEST_CONFIG } from '../../adapters/test/test-config.ts';
import { InputError } from '../../io/errors.ts';
import { parseTrace } from '../parse.ts';
import { FileTraceWriter, RecordingImplementation } from '../record.ts';
import { recordScript, text } from './helpers.ts';

const good = recordScript();
/** A 1.1 header with the recording's config and the given observation (absent: everything). */
const head11 = (observe?: unknown): string => {
  const h = JSON.parse(good[0]!) as Record<string, unknown>;
  return JSON.stringify({ ...h, format: 'dmacheck-trace/1.1', ...(observe === undefined ? {} : { observe }) });
};
const H11 = head11();
const CALL = '{"k":"call","call":{"op":"issue_pending","chan":0},"ctx":"process"}';
const RET = '{"k":"ret","ret":{"t":"void"}}';
const ENV = '{"k":"env","step":{"op":"irq","chan":0}}';
const ENV_END = '{"k":"env_end"}';
const CB = '{"k":"cb","cb":{"chan":0,"desc":1,"fn":"callback","period":false,"ctx":"tasklet","locksHeld":false}}';
const EV_HW = '{"k":"ev","ev":{"ev":"hw_start","chan":0,"desc":1}}';

function errorOf(src: string): string {
  try {
    parseTrace(src, 't.jsonl');
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error('parsed');
}

describe('parseTrace', () => {
  it('parses a recording of the example engine', () => {
    const t = parseTrace(text(good), 't.jsonl');
    expect(t.header.implementation).toBe('example:ts-engine');
    expect(t.entries).toHaveLength(good.length - 2);
    expect(t.lines[0]).toBe(2);
    expect(t.ended).toBe(true);
    expect(t.open).toBe(0);
  });

  it('a trace that stops mid-call is returned as far as it goes', () => {
    const cut = good.slice(0, 40);
    const t = parseTrace(`${text(cut)}{"k":"ev","ev":{"ev":"xf`, 't.jsonl');
    expect(t.entries).toHaveLength(39);
    expect(t.ended).toBe(false);
    expect(t.cutLine).toBe(true);
  });

  it.each<[string[], string]>([
    [['not json'], 't.jsonl:1: not JSON'],
    [['{"format":"dmacheck-trace/0"}'], 't.jsonl:1: header: expected "format":"dmacheck-trace/1" or "dmacheck-trace/1.1", got "dmacheck-trace/0"'],
    [[good[0]!, '{"k":"ret","ret":{"t":"void"}}'], "t.jsonl:2: 'ret' at top level"],
    [[good[0]!, '{"k":"call","call":{"op":"issue_pending","chan":0},"ctx":"process"}', '{"k":"call","call":{"op":"issue_pending","chan":1},"ctx":"process"}'], "t.jsonl:3: 'call' inside a call"],
    [[good[0]!, '{"k":"call","call":{"op":"submit"},"ctx":"process"}'], 't.jsonl:2: call.desc: Invalid input: expected number, received undefined'],
    [[good[0]!, '{"k":"env","step":{"op":"advance","units":1}}', '{"end":true}'], 't.jsonl:3: end line while 1 call/env/callback(s) are open'],
    [[good[0]!, '{"end":true}', '{"k":"env","step":{"op":"advance","units":1}}'], 't.jsonl:3: content after the end line'],
    [[good[0]!, '{"k":"env","step":{"op":"advance","units":1}}', '{oops', '{"k":"env_end"}'], 't.jsonl:3: not JSON'],
    [[], 't.jsonl:1: empty trace: no header line'],
  ])('malformed trace %# is refused', (lines, msg) => {
    expect(errorOf(text(lines))).toBe(msg);
  });

  it.each<[string[], string]>([
    // a 1.0 file keeps the 1.0 nesting
    [[good[0]!, CALL, ENV, ENV_END, RET], "t.jsonl:3: 'env' inside a call (format dmacheck-trace/1.1 allows it)"],
    [[H11, CALL, ENV, RET], "t.jsonl:4: 'ret' inside an env step"],
    [[H11, ENV, CALL, RET, ENV_END], "t.jsonl:3: 'call' inside an env step"],
    [[H11, CB], "t.jsonl:2: 'cb' at top level"],
    [[H11, ENV, CB, EV_HW, '{"k":"cb_ret"}', ENV_END], "t.jsonl:4: 'ev' inside a callback"],
    [[head11({ events: ['hw_start', 'complete', 'desc_freed'], env: ['irq', 'tasklet'], data: false }), ENV, '{"k":"ev","ev":{"ev":"irq_raised","chan":0}}', ENV_END], "t.jsonl:3: 'irq_raised' event, but the header does not observe it"],
    [[head11({ events: ['hw_start', 'complete', 'desc_freed'], env: ['irq', 'tasklet'], data: false }), '{"k":"env","step":{"op":"advance","units":1}}', ENV_END], "t.jsonl:2: 'advance' step, but the header does not observe it"],
    [[head11({ events: ['complete', 'desc_freed'], env: ['irq'], data: false })], 't.jsonl:1: header: observe: observe must include event hw_start, env tasklet (the model cannot infer them)'],
    [[`${good[0]!.slice(0, -1)},"observe":{"events":[],"env":[],"data":true}}`], 't.jsonl:1: header: Unrecognized key: "observe"'],
  ])('malformed 1.1 nesting or observation %# is refused in one line', (lines, msg) => {
    expect(errorOf(text(lines))).toBe(msg);
  });

  it('1.1 nests env steps in calls, steps and callbacks, in any depth', () => {
    const t = parseTrace(text([H11, CALL, ENV, CB, CALL, ENV, ENV_END, RET, ENV, ENV_END, '{"k":"cb_ret"}', ENV, ENV_END, ENV_END, RET, '{"end":true}']), 't.jsonl');
    expect(t.header.format).toBe('dmacheck-trace/1.1');
    expect(t.entries).toHaveLength(14);
    expect(t.ended).toBe(true);
  });

  it('1,000 generated malformed traces give one-line file:line errors, never a crash', () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.json({ maxDepth: 2 }),
      fc.constantFrom('{"k":"ret"}', '{"k":"cb_ret"}', '{"end":false}', '[1,2]', 'null', '{"k":"ev","ev":{"ev":"xfer"}}'),
    );
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), line: junk }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: junk }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), chars: fc.nat() }),
      fc.record({ kind: fc.constant('garble' as const), at: fc.nat(), key: fc.constantFrom('"k"', '"ev"', '"op"', '"chan"', '"t"', ':', '{', '}') }),
    );
    let errors = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (muts) => {
        const lines = [...good];
        for (const m of muts) {
          const at = m.at % (lines.length + 1);
          if (m.kind === 'replace') lines[Math.min(at, lines.length - 1)] = m.line;
          else if (m.kind === 'insert') lines.splice(at, 0, m.line);
          else if (m.kind === 'delete') lines.splice(at, 1);
          else if (m.kind === 'truncate') lines.splice(at);
          else {
            const i = Math.min(at, lines.length - 1);
            lines[i] = (lines[i] ?? '').replace(m.key, '');
          }
        }
        try {
          parseTrace(text(lines), 't.jsonl');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          errors++;
          const m = /^t\.jsonl:(\d+): [^\n]+$/.exec(e.message);
          if (!m) throw new Error(`bad message ${JSON.stringify(e.message)}`);
          const n = Number(m[1]);
          if (n < 1 || n > Math.max(1, lines.length)) throw new Error(`line ${n} out of range`);
        }
      }),
      { seed: 6006, numRuns: 1000 },
    );
    expect(errors).toBeGreaterThan(700);
  });
});

describe('FileTraceWriter', () => {
  it('writes the same lines as the in-memory recording', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmacheck-trace-'));
    try {
      const file = join(dir, 'run.jsonl');
      const w = new FileTraceWriter(file);
      const rec = new RecordingImplementation(createTsEngine(), w, { seed: 1 });
      runScript(rec, TEST_CONFIG);
      rec.finish();
      rec.dispose();
      expect(readFileSync(file, 'utf8')).toBe(text(good));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseTrace: ids a trace cannot name (issue 13, item 10)', () => {
  const channels = (JSON.parse(good[0]!) as { config: { slaves: unknown[] } }).config.slaves.length;
  const cb = (chan: number) => `{"k":"cb","cb":{"chan":${chan},"desc":1,"fn":"callback","period":false,"ctx":"tasklet","locksHeld":false}}`;
  it('a callback on a channel outside the slave map, then the end line: malformed at its line', () => {
    const src = text([H11, `{"k":"env","step":{"op":"tasklet","chan":${channels}}}`, cb(channels), '{"k":"cb_ret"}', ENV_END, '{"end":true}']);
    expect(errorOf(src)).toBe(`t.jsonl:2: channel ${channels} does not exist: the header's config has ${channels} slave(s), ids 0..${channels - 1}`);
  });
  it('irq on channel -1, and a call or event on a channel past the map: malformed', () => {
    expect(errorOf(text([H11, '{"k":"env","step":{"op":"irq","chan":-1}}', ENV_END]))).toMatch(/^t\.jsonl:2: channel -1 does not exist/);
    expect(errorOf(text([H11, `{"k":"call","call":{"op":"issue_pending","chan":${channels + 5}},"ctx":"process"}`, RET]))).toMatch(/^t\.jsonl:2: channel \d+ does not exist/);
    expect(errorOf(text([H11, CALL, `{"k":"ev","ev":{"ev":"irq_raised","chan":-3}}`, RET]))).toMatch(/^t\.jsonl:3: channel -3 does not exist/);
  });
  it('a client call naming a descriptor no prep created: malformed, not DESC-5', () => {
    const src = text([H11, '{"k":"call","call":{"op":"request_chan","name":"tx"},"ctx":"process"}', '{"k":"ret","ret":{"t":"ok"}}',
      '{"k":"call","call":{"op":"submit","desc":5},"ctx":"process"}', '{"k":"ret","ret":{"t":"cookie","v":2}}']);
    expect(errorOf(src)).toBe('t.jsonl:4: submit of descriptor 5, which no earlier prep call created');
  });
  it('the recording of the example engine names only real channels and prepared descriptors', () => {
    expect(() => parseTrace(text(good), 't.jsonl')).not.toThrow();
  });
});
