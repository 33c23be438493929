/**
 * The serving side of `dmacheck-protocol/1`: exposes any in-process `Implementation`
 * over line I/O (used by `dmacheck serve`). Synchronous: a callback the engine invokes
 * is sent as a `callback` message, and nested `call`s are served until its
 * `callback_return` arrives — exactly the re-entrancy of the C API.
 * With a {@link ProgramInterpreter} it also speaks the batch extension (`batch/1`): the
 * interpreter runs a whole client program against the implementation and the trace it
 * recorded goes back as `entry` messages. The interpreter is passed in (cli/commands/serve.ts
 * gives properties/batch/interpret.ts) because running a client is not the adapter's job.
 * @public
 */
import type { EngineConfig } from '../../spec/api/config.ts';
import type { EngineHooks, Implementation } from '../../spec/api/implementation.ts';
import type { ClientProgram } from '../../spec/api/program.ts';
import type { TraceEntry } from '../../spec/api/trace.ts';
import type { CallbackInvocation, EngineEvent } from '../../spec/api/vocabulary.ts';
import { EXT_BATCH, type HarnessMsg, HARNESS_MSG_TYPES, HarnessMsgSchema, type ImplMsg, PROTOCOL_VERSION } from '../protocol/schema.ts';
import { describeZodError } from '../../spec/api/schema.ts';
import type { LineIO } from './line-io.ts';

/** Ends the session with an `error` message. */
class ProtocolAbort extends Error {}

/**
 * What running one program produced: the trace entries in order, whether the run ended
 * quiescent, and `error` when the implementation threw (the entries stop there).
 * @public
 */
export interface InterpretedRun {
  readonly entries: readonly TraceEntry[];
  readonly ended: boolean;
  readonly error?: string | undefined;
}

/** Runs a client program against `impl` (which it resets with `config`), recording the trace. @public */
export type ProgramInterpreter = (impl: Implementation, config: EngineConfig, program: ClientProgram) => InterpretedRun;

/** @public */
export interface ServeOptions {
  /** Speak `batch/1` with this interpreter (absent: the extension is not advertised). */
  readonly batch?: ProgramInterpreter | undefined;
}

/**
 * Serves `impl` until `bye` or end of input. Returns the exit status: 0 after a clean
 * end, 2 when the harness broke the protocol, 3 when the implementation threw.
 * @public
 */
export function serveImplementation(impl: Implementation, io: LineIO, opts: ServeOptions = {}): number {
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
      else if (m.type === 'batch') batch(m.id, m.config, m.program);
      else send({ type: 'result', id: m.id, ret: impl.call(m.call, m.ctx) });
    } finally {
      stack.pop();
    }
    return true;
  };

  /** batch/1: the program runs on its own fresh engine; a later `call` needs a `reset` first. */
  const batch = (id: number, config: EngineConfig, program: ClientProgram): void => {
    const run = opts.batch;
    if (!run) throw new ProtocolAbort('batch: this implementation does not speak batch/1');
    const r = run(impl, config, program);
    // One write for the whole trace (the lines stay one message each).
    const lines = r.entries.map((entry) => JSON.stringify({ type: 'entry', req: id, entry } satisfies ImplMsg));
    if (r.error === undefined) lines.push(JSON.stringify({ type: 'result', id, ended: r.ended } satisfies ImplMsg));
    if (lines.length > 0) io.writeLine(lines.join('\n'));
    if (r.error !== undefined) throw new Error(`program ${program.name}: ${r.error}`);
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

  const hello: ImplMsg = { type: 'hello', protocol: PROTOCOL_VERSION, name: impl.name, profile: impl.profile };
  send(opts.batch ? { ...hello, extensions: [EXT_BATCH] } : hello);
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
