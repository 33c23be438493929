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
    const t0 = Date.now();
    const e = provoke(mode);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(msg);
    expect(e.stderrTail).toContain(`hostile mode ${mode}`);
    expect(isGone(pidFrom(e.stderrTail))).toBe(true);
    expect(Date.now() - t0).toBeLessThan(8000); // bound, not a speed target: never hangs
  });

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
