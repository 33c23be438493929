import { describe, expect, it } from 'vitest';
import type { ImplErrorKind } from '../../spec/api/trace.ts';
import { ImplError } from '../errors.ts';
import { StdioImplementation } from '../stdio/client.ts';
import { TEST_CONFIG } from './test-config.ts';

const fixture = new URL('./fixtures/hostile.mjs', import.meta.url).pathname;
const hooks = { event: () => {}, callback: () => {} };
const TIMEOUT = 400;

function pidFrom(tail: readonly string[]): number {
  const line = tail.find((l) => l.startsWith('pid='));
  if (!line) throw new Error(`no pid in stderr tail: ${JSON.stringify(tail)}`);
  return Number(line.slice(4));
}

function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as { code?: string }).code === 'ESRCH';
  }
}

/** Runs a reset and one call against `mode`; returns the ImplError it must end in. */
function provoke(mode: string): ImplError {
  let impl: StdioImplementation | undefined;
  try {
    impl = new StdioImplementation({ command: process.execPath, args: [fixture, mode], timeoutMs: TIMEOUT, startupTimeoutMs: 1500 });
    impl.reset(TEST_CONFIG, hooks);
    impl.call({ op: 'request_chan', name: 'tx' }, 'process');
  } catch (e) {
    if (e instanceof ImplError) return e;
    throw e;
  } finally {
    impl?.dispose();
  }
  throw new Error(`mode ${mode} did not fail`);
}

const cases: readonly [string, ImplErrorKind, RegExp][] = [
  ['hang', 'timeout', /no answer to call/],
  ['no-hello', 'timeout', /waiting for hello/],
  ['exit', 'exit', /status 7/],
  ['crash', 'crash', /SIGKILL/],
  ['garbage', 'bad_json', /not JSON/],
  ['unknown', 'bad_message', /unknown message type "frobnicate"/],
  ['bad-fields', 'bad_message', /^bad_message: result: /],
  ['flood', 'oversized', /a line of more than/],
  ['wrong-id', 'wrong_id', /result for request 3 while handling 2/],
  ['error', 'throw', /engine exploded/],
  ['callback-hang', 'timeout', /no answer to call/],
  ['bad-version', 'protocol_version', /dmacheck-protocol\/0/],
];

describe('stdio adapter against hostile implementations', () => {
  it.each(cases)('%s ends in ImplError(%s) and the child is reaped', (mode, kind, msg) => {
    const e = provoke(mode);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(msg);
    expect(e.stderrTail).toContain(`hostile mode ${mode}`);
    expect(isGone(pidFrom(e.stderrTail))).toBe(true);
  }, 10_000); // a backstop: a hang would fail here rather than stall the suite

  it('a command that does not exist is a spawn error, not a hang', () => {
    expect(() => new StdioImplementation({ command: '/nonexistent/engine', args: [], timeoutMs: TIMEOUT })).toThrow(/command not found/);
  });

  it('after an ImplError, reset starts a fresh child', () => {
    const impl = new StdioImplementation({ command: process.execPath, args: [fixture, 'wrong-id'], timeoutMs: TIMEOUT });
    try {
      impl.reset(TEST_CONFIG, hooks);
      expect(() => impl.call({ op: 'request_chan', name: 'tx' }, 'process')).toThrow(ImplError);
      const first = impl.pid;
      impl.reset(TEST_CONFIG, hooks);
      expect(impl.pid).not.toBe(first);
    } finally {
      impl.dispose();
    }
  });

  it('a harness exception inside a callback abandons the child and propagates', () => {
    const impl = new StdioImplementation({ command: process.execPath, args: [fixture, 'callback-hang'], timeoutMs: TIMEOUT });
    try {
      impl.reset(TEST_CONFIG, { event: () => {}, callback: () => { throw new RangeError('harness stop'); } });
      expect(() => impl.call({ op: 'request_chan', name: 'tx' }, 'process')).toThrow(RangeError);
      expect(() => impl.call({ op: 'request_chan', name: 'tx' }, 'process')).toThrow(ImplError);
    } finally {
      impl.dispose();
    }
  });
});

describe('a failure inside a nested call', () => {
  // The request timeout is 20 s and the test's own limit 10 s: waiting for the dead child fails the test.
  it('is not waited on when the harness swallows it (as the lockstep runner does)', () => {
    // The py engine invokes a callback; inside it the child is killed and a nested call fails.
    const py = new URL('../../examples/py-engine/engine.py', import.meta.url).pathname;
    const impl = new StdioImplementation({ command: 'python3', args: [py], timeoutMs: 20_000 });
    let swallowed: unknown;
    try {
      impl.reset(TEST_CONFIG, {
        event: () => {},
        callback: () => {
          try {
            impl.call({ op: 'request_chan', name: 'no-such' }, 'callback');
            process.kill(impl.pid!, 'SIGKILL');
            impl.call({ op: 'tx_status', chan: 0, cookie: 2, withState: false }, 'callback');
          } catch (e) {
            swallowed = e;
          }
        },
      });
      for (const c of [
        { op: 'request_chan', name: 'tx' }, { op: 'alloc_buf', buf: 1, len: 16 }, { op: 'map_buf', chan: 0, buf: 1, dev: 'dma' },
        { op: 'prep_slave_sg', chan: 0, desc: 1, sgl: [{ buf: 1, offset: 0, len: 16 }], dir: 'MEM_TO_DEV', flags: 3 },
        { op: 'set_callback', desc: 1, fn: 'callback', action: { kind: 'none' } }, { op: 'submit', desc: 1 }, { op: 'issue_pending', chan: 0 },
      ] as const) impl.call(c, 'process');
      impl.env({ op: 'advance', units: 2 });
      impl.env({ op: 'irq', chan: 0 });
      expect(() => impl.env({ op: 'tasklet', chan: 0 })).toThrow(ImplError);
      expect(swallowed).toBeInstanceOf(ImplError);
      expect((swallowed as ImplError).kind).toMatch(/^(crash|exit)$/);
    } finally {
      impl.dispose();
    }
  }, 10_000);
});

describe('stdio adapter: an implementation that closes its stdout (issue 13, item 15)', () => {
  it('is reported as end of file at once, not as a timeout of the request', () => {
    let impl: StdioImplementation | undefined;
    const t0 = Date.now();
    let err: unknown;
    try {
      impl = new StdioImplementation({ command: process.execPath, args: [fixture, 'close-stdout'], timeoutMs: 5000, startupTimeoutMs: 5000 });
      impl.reset(TEST_CONFIG, hooks);
      impl.call({ op: 'request_chan', name: 'tx' }, 'process');
    } catch (e) {
      err = e;
    } finally {
      impl?.dispose();
    }
    expect(err).toBeInstanceOf(ImplError);
    const e = err as ImplError;
    expect(e.kind).toBe('eof');
    expect(e.message).toMatch(/closed its stdout \(end of file\)/);
    expect(Date.now() - t0).toBeLessThan(4000);
    const pid = pidFrom(e.stderrTail);
    expect(isGone(pid), `pid ${pid} still alive`).toBe(true);
  });
});
