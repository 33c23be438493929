/**
 * The serving side of `dmacheck-protocol/1`: exposes any in-process `Implementation`
 * over line I/O (used by `dmacheck serve`). Synchronous: a callback the engine invokes
 * is sent as a `callback` message, and nested `call`s are served until its
 * `callback_return` arrives — exactly the re-entrancy of the C API.
 * @public
 */
import type { EngineHooks, Implementation } from '../../spec/api/implementation.ts';
import type { CallbackInvocation, EngineEvent } from '../../spec/api/vocabulary.ts';
import { type HarnessMsg, HARNESS_MSG_TYPES, HarnessMsgSchema, type ImplMsg, PROTOCOL_VERSION } from '../protocol/schema.ts';
import { describeZodError } from '../../spec/api/schema.ts';
import type { LineIO } from './line-io.ts';

/** Ends the session with an `error` message. */
class ProtocolAbort extends Error {}

/**
 * Serves `impl` until `bye` or end of input. Returns the exit status: 0 after a clean
 * end, 2 when the harness broke the protocol, 3 when the implementation threw.
 * @public
 */
export function serveImplementation(impl: Implementation, io: LineIO): number {
  const stack: number[] = [];
  let nextCb = 1;
  const send = (m: ImplMsg): void => io.writeLine(JSON.stringify(m));
  const top = (): number => stack[stack.length - 1] ?? 0;

  const read = (): HarnessMsg | null => {
    const line = io.readLine();
    if (line === null) return null;
    let json: unknown;
    try { json = JSON.parse(line); } catch { throw new ProtocolAbort(`not JSON: ${line.slice(0, 80)}`); }
    const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !HARNESS_MSG_TYPES.has(type)) throw new ProtocolAbort(`unknown message type ${JSON.stringify(type)}`);
    const r = HarnessMsgSchema.safeParse(json);
    if (!r.success) throw new ProtocolAbort(`${type}: ${describeZodError(r.error)}`);
    return r.data;
  };

  /** Handles one request; returns false on bye / end of input. */
  const handle = (m: HarnessMsg, nested: boolean): boolean => {
    if (m.type === 'bye') return false;
    if (m.type === 'callback_return') throw new ProtocolAbort(`callback_return ${m.id} with no callback waiting`);
    if (nested && m.type !== 'call') throw new ProtocolAbort(`${m.type} inside a callback`);
    stack.push(m.id);
    try {
      if (m.type === 'reset') { impl.reset(m.config, hooks); send({ type: 'result', id: m.id }); }
      else if (m.type === 'env') { impl.env(m.step); send({ type: 'result', id: m.id }); }
      else send({ type: 'result', id: m.id, ret: impl.call(m.call, m.ctx) });
    } finally {
      stack.pop();
    }
    return true;
  };

  const hooks: EngineHooks = {
    event(event: EngineEvent): void {
      send({ type: 'event', req: top(), event });
    },
    callback(inv: CallbackInvocation): void {
      const id = nextCb++;
      send({ type: 'callback', id, req: top(), inv });
      for (;;) {
        const m = read();
        if (m === null) throw new ProtocolAbort('end of input inside a callback');
        if (m.type === 'callback_return') {
          if (m.id !== id) throw new ProtocolAbort(`callback_return ${m.id}, expected ${id}`);
          return;
        }
        if (!handle(m, true)) throw new ProtocolAbort('bye inside a callback');
      }
    },
  };

  send({ type: 'hello', protocol: PROTOCOL_VERSION, name: impl.name, profile: impl.profile });
  try {
    for (;;) {
      const m = read();
      if (m === null || !handle(m, false)) return 0;
    }
  } catch (e) {
    const abort = e instanceof ProtocolAbort;
    const message = e instanceof Error ? e.message : String(e);
    const id = stack[0];
    send(id === undefined ? { type: 'error', message } : { type: 'error', id, message });
    return abort ? 2 : 3;
  } finally {
    impl.dispose?.();
  }
}
