/**
 * The stdio adapter: an `Implementation` (synchronous, re-entrant) backed by a child
 * process speaking `dmacheck-protocol/1` (docs/PROTOCOL.md). Every way the child can
 * misbehave ends in a thrown {@link ImplError}; the child is then killed and reaped, and
 * the next `reset` starts a fresh one.
 * Raises ImplError(timeout | exit | crash | bad_json | bad_message | oversized |
 * protocol_version | wrong_id | throw | eof).
 * With an implementation whose `hello` lists `batch/1`, {@link StdioImplementation.runProgram}
 * sends a whole client program and returns the trace the implementation recorded.
 * @public
 */
import type { CapabilityProfile, EngineConfig } from '../../spec/api/config.ts';
import type { EngineHooks, Implementation } from '../../spec/api/implementation.ts';
import type { ImplErrorKind } from '../../spec/api/trace.ts';
import type { ClientCall, Ctx, EnvStep, Ret } from '../../spec/api/vocabulary.ts';
import type { ClientProgram, ProgramStep } from '../../spec/api/program.ts';
import type { TraceEntry } from '../../spec/api/trace.ts';
import { ImplError } from '../errors.ts';
import { EXT_BATCH, type HarnessMsg, type HelloMsg, type UncheckedEntry, HelloHeadSchema, IMPL_MSG_TYPES, type ImplMsg, ImplMsgSchema, MAX_LINE_BYTES, PROTOCOL_VERSION } from '../protocol/schema.ts';
import { describeZodError } from '../../spec/api/schema.ts';
import { ChildSession } from './session.ts';

/** @public */
export interface StdioOptions {
  readonly command: string;
  readonly args: readonly string[];
  /** Longest the implementation may take per request (its own time, not the harness's callbacks). Default 5000. */
  readonly timeoutMs?: number;
  /** Longest to wait for `hello` after spawning. Default max(timeoutMs, 10000). */
  readonly startupTimeoutMs?: number;
  readonly maxLineBytes?: number;
  /** Working directory of the command (default: ours); replay runs a saved command where it first ran. */
  readonly cwd?: string | undefined;
}

/** Thrown when the command cannot be started at all (e.g. not found); resolve.ts makes it a usage error. @internal */
export class SpawnError extends Error {
  override readonly name = 'SpawnError';
}

type RequestKind = 'reset' | 'call' | 'env';

/**
 * What a `batch` request returned: the trace entries in order (over the pipe only their
 * envelope is checked: the judge parses them as a trace file, trace/parse.ts) and whether
 * the run ended quiescent. @public
 */
export interface BatchTrace {
  readonly entries: readonly (TraceEntry | UncheckedEntry)[];
  readonly ended: boolean;
}

/** Steps of a program, error paths included: a batch request may take the per-request timeout per 10 of them. */
function stepCount(steps: readonly ProgramStep[]): number {
  return steps.reduce((n, s) => n + 1 + ('wait' in s ? stepCount(s.onTimeout ?? []) : 0), 0);
}

/** @public */
export class StdioImplementation implements Implementation {
  readonly name: string;
  readonly profile: CapabilityProfile;
  /** Protocol extensions the implementation's `hello` listed (e.g. `batch/1`). */
  readonly extensions: readonly string[];
  private session: ChildSession | undefined;
  private hooks: EngineHooks | undefined;
  private nextId = 1;
  private failed: ImplError | undefined;
  private readonly timeoutMs: number;

  constructor(private readonly opts: StdioOptions) {
    this.timeoutMs = opts.timeoutMs ?? 5000;
    const hello = this.start();
    this.name = hello.name;
    this.profile = hello.profile;
    this.extensions = hello.extensions ?? [];
  }

  /** The implementation speaks the batch extension (docs/PROTOCOL.md §batch/1). */
  get batch(): boolean {
    return this.extensions.includes(EXT_BATCH);
  }

  /**
   * batch/1: run `program` on a fresh engine with `config` and return the trace the
   * implementation recorded. The request may take the per-request timeout once per
   * 10 program steps (at least once). Raises ImplError like every request (an `error` answer — a
   * program the implementation rejects or failed on — is kind `throw`).
   */
  runProgram(config: EngineConfig, program: ClientProgram): BatchTrace {
    if (!this.batch) throw new Error(`${this.name} does not speak ${EXT_BATCH}`);
    if (this.failed || !this.session) this.start();
    const id = this.nextId++;
    this.send({ type: 'batch', id, config, program });
    // A program is many requests' worth of work, but a hang must not take minutes to show.
    const budget = this.timeoutMs * Math.max(1, Math.ceil(stepCount(program.steps) / 10));
    const deadline = Date.now() + budget;
    const entries: (TraceEntry | UncheckedEntry)[] = [];
    for (;;) {
      const m = this.receive(deadline - Date.now(), `no end of batch #${id} (program ${program.name}) within ${budget} ms`);
      switch (m.type) {
        case 'entry':
          if (m.req !== id) throw this.fail('wrong_id', `entry for request ${m.req} while handling batch ${id}`);
          entries.push(m.entry);
          break;
        case 'result':
          if (m.id !== id) throw this.fail('wrong_id', `result for request ${m.id} while handling batch ${id}`);
          if (m.ended === undefined || m.ret !== undefined) throw this.fail('bad_message', 'result of a batch needs `ended` and no `ret`');
          return { entries, ended: m.ended };
        case 'error':
          throw this.fail('throw', `implementation error on program ${program.name}: ${m.message.slice(0, 300)}`);
        case 'event': case 'callback':
          throw this.fail('bad_message', `${m.type} during a batch request (the trace goes in entry messages)`);
        case 'hello':
          throw this.fail('bad_message', 'unexpected hello');
      }
    }
  }

  /** The child's pid (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.session?.pid;
  }

  reset(config: EngineConfig, hooks: EngineHooks): void {
    if (this.failed || !this.session) this.start();
    this.hooks = hooks;
    this.request('reset', { type: 'reset', id: this.nextId++, config });
  }

  call(c: ClientCall, ctx: Ctx): Ret {
    const ret = this.request('call', { type: 'call', id: this.nextId++, call: c, ctx });
    if (!ret) throw this.fail('bad_message', 'result of a call has no ret');
    return ret;
  }

  env(step: EnvStep): void {
    this.request('env', { type: 'env', id: this.nextId++, step });
  }

  dispose(): void {
    const s = this.session;
    if (!s) return;
    this.session = undefined;
    if (!s.exited) s.send(JSON.stringify({ type: 'bye' } satisfies HarnessMsg));
    s.kill();
  }

  // ---- session ----

  private start(): HelloMsg {
    this.dispose();
    this.failed = undefined;
    const s = new ChildSession(this.opts.command, this.opts.args, {
      maxLineBytes: this.opts.maxLineBytes ?? MAX_LINE_BYTES, tailLines: 20, cwd: this.opts.cwd,
    });
    this.session = s;
    const budget = this.opts.startupTimeoutMs ?? Math.max(this.timeoutMs, 10_000);
    const msg = this.receive(budget, 'waiting for hello');
    if (msg.type !== 'hello') throw this.fail('bad_message', `expected hello first, got ${msg.type}`);
    return msg;
  }

  /** Sends one request and serves its events and callbacks until its result. */
  private request(kind: RequestKind, msg: HarnessMsg & { id: number }): Ret | undefined {
    if (this.failed) throw this.failed;
    const id = msg.id;
    this.send(msg);
    let waited = 0;
    for (;;) {
      const t0 = Date.now();
      const m = this.receive(this.timeoutMs - waited, `no answer to ${kind} #${id} within ${this.timeoutMs} ms`);
      waited += Date.now() - t0;
      switch (m.type) {
        case 'event':
          if (m.req !== id) throw this.fail('wrong_id', `event for request ${m.req} while handling ${id}`);
          this.hook(() => this.hooks?.event(m.event));
          break;
        case 'callback':
          if (m.req !== id) throw this.fail('wrong_id', `callback for request ${m.req} while handling ${id}`);
          if (kind === 'reset') throw this.fail('bad_message', 'callback during reset');
          this.hook(() => this.hooks?.callback(m.inv));
          // A nested call may have failed (and been swallowed by the harness): stop now, do not wait.
          if (this.failed) throw this.failed;
          this.send({ type: 'callback_return', id: m.id });
          break;
        case 'result':
          if (m.id !== id) throw this.fail('wrong_id', `result for request ${m.id} while handling ${id}`);
          if (kind !== 'call' && m.ret !== undefined) throw this.fail('bad_message', `result of ${kind} carries a ret`);
          if (m.ended !== undefined) throw this.fail('bad_message', `result of ${kind} carries ended`);
          return m.ret;
        case 'entry':
          throw this.fail('bad_message', `entry outside a batch request (handling ${kind} #${id})`);
        case 'error':
          throw this.fail('throw', `implementation error: ${m.message.slice(0, 300)}`);
        case 'hello':
          throw this.fail('bad_message', 'unexpected hello');
      }
    }
  }

  /** Runs harness code; if it throws, the child is mid-request and cannot be resumed: kill it. */
  private hook(f: () => void): void {
    try {
      f();
    } catch (e) {
      if (!this.failed) {
        this.failed = new ImplError('exit', 'session abandoned after a harness exception');
        this.session?.kill();
      }
      throw e;
    }
  }

  private send(msg: HarnessMsg): void {
    this.session?.send(JSON.stringify(msg));
  }

  /** The next valid message, or a thrown ImplError naming what went wrong. */
  private receive(timeoutMs: number, timeoutWhat: string): ImplMsg {
    if (this.failed) throw this.failed;
    const s = this.session;
    if (!s) throw this.fail('exit', 'implementation is not running');
    const r = s.next(Math.max(0, timeoutMs));
    if (!r) throw this.fail('timeout', timeoutWhat);
    switch (r.kind) {
      case 'spawned': return this.receive(timeoutMs, timeoutWhat);
      case 'spawn_error': {
        this.fail('crash', r.message);
        throw new SpawnError(`cannot run ${this.opts.command}: ${r.code === 'ENOENT' ? 'command not found' : r.message}`);
      }
      case 'oversized': throw this.fail('oversized', `a line of more than ${r.bytes} bytes (limit ${this.opts.maxLineBytes ?? MAX_LINE_BYTES})`);
      case 'eof': throw this.fail('eof', 'closed its stdout (end of file) while still running');
      case 'exit': throw this.fail(r.signal ? 'crash' : 'exit', r.signal ? `killed by ${r.signal}` : `exited with status ${r.code}`);
      case 'line': return this.parse(r.line);
      case 'lines': throw this.fail('crash', 'internal: the session handed out a batch of lines'); // ChildSession.next never does
    }
  }

  private parse(line: string): ImplMsg {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw this.fail('bad_json', `not JSON: ${JSON.stringify(line.slice(0, 80))}`);
    }
    const type = typeof json === 'object' && json !== null && 'type' in json ? (json as { type: unknown }).type : undefined;
    if (typeof type !== 'string' || !IMPL_MSG_TYPES.has(type)) throw this.fail('bad_message', `unknown message type ${JSON.stringify(type)}`);
    const head = HelloHeadSchema.safeParse(json);
    if (head.success && head.data.protocol !== PROTOCOL_VERSION) {
      throw this.fail('protocol_version', `implementation speaks ${JSON.stringify(head.data.protocol).slice(0, 60)}, harness ${PROTOCOL_VERSION}`);
    }
    const msg = ImplMsgSchema.safeParse(json);
    if (!msg.success) throw this.fail('bad_message', `${type}: ${describeZodError(msg.error)}`);
    return msg.data;
  }

  /** Records the failure, kills and reaps the child, and returns the error to throw. */
  private fail(kind: ImplErrorKind, msg: string): ImplError {
    if (this.failed) return this.failed;
    const tail = this.session?.kill() ?? [];
    this.failed = new ImplError(kind, msg, tail);
    return this.failed;
  }
}
