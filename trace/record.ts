/**
 * Records what any `Implementation` does as a `dmacheck-trace/1` file (docs/TRACE.md):
 * a wrapper that writes each call, return, event, callback and env step as it passes,
 * for `dmacheck certify --record FILE` and for checking runs offline.
 * @public
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { EngineConfig } from '../spec/api/config.ts';
import type { EngineHooks, Implementation } from '../spec/api/implementation.ts';
import type { TraceEntry } from '../spec/api/trace.ts';
import type { ClientCall, Ctx, EnvStep, Ret } from '../spec/api/vocabulary.ts';
import { type TraceHeader, TRACE_FORMAT } from './format.ts';
import { OutputError } from '../io/errors.ts';

/** Where a recording goes. One run per `begin` … `end`. @public */
export interface TraceWriter {
  begin(header: TraceHeader): void;
  entry(e: TraceEntry): void;
  /** The run ended quiescent: end-of-run obligations apply. */
  end(): void;
  close(): void;
}

/** Keeps the lines in memory (tests, counterexamples). @public */
export class MemoryTraceWriter implements TraceWriter {
  lines: string[] = [];
  begin(h: TraceHeader): void { this.lines = [JSON.stringify(h)]; }
  entry(e: TraceEntry): void { this.lines.push(JSON.stringify(e)); }
  end(): void { this.lines.push('{"end":true}'); }
  close(): void {}
  /** The file content. */
  text(): string { return this.lines.map((l) => `${l}\n`).join(''); }
}

/** Writes to `path`; each run (`begin`) replaces the file, so it holds the latest run. @public */
export class FileTraceWriter implements TraceWriter {
  private fd: number | undefined;
  private buf: string[] = [];
  private size = 0;
  private readonly flushAtExit = (): void => this.flush();
  /** The first write failure (disk full, no permission): recording stops, the run goes on. */
  error: OutputError | undefined;

  constructor(private readonly path: string) {
    process.on('exit', this.flushAtExit);
  }
  begin(h: TraceHeader): void {
    this.closeFd();
    this.guard(() => { this.fd = openSync(this.path, 'w'); });
    this.write(JSON.stringify(h));
  }
  entry(e: TraceEntry): void { this.write(JSON.stringify(e)); }
  end(): void { this.write('{"end":true}'); this.flush(); }
  close(): void { this.closeFd(); process.off('exit', this.flushAtExit); }

  /** A failed write is the output's fault, not the engine's: remember it and stop recording. */
  private guard(f: () => void): void {
    if (this.error !== undefined) return;
    try { f(); } catch (err) {
      this.error = new OutputError(`cannot write ${this.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      if (this.fd !== undefined) try { closeSync(this.fd); } catch { /* already failing */ }
      this.fd = undefined;
      this.buf = [];
    }
  }
  private write(line: string): void {
    if (this.error !== undefined) return;
    this.buf.push(line);
    this.size += line.length;
    if (this.size > 1 << 16) this.flush();
  }
  private flush(): void {
    const fd = this.fd;
    if (fd === undefined || this.buf.length === 0) return;
    this.guard(() => writeSync(fd, this.buf.map((l) => `${l}\n`).join('')));
    this.buf = [];
    this.size = 0;
  }
  private closeFd(): void {
    this.flush();
    const fd = this.fd;
    if (fd !== undefined) this.guard(() => closeSync(fd));
    this.fd = undefined;
  }
}

/** An Implementation that forwards to `inner` and records everything. @public */
export class RecordingImplementation implements Implementation {
  /** Open calls / env steps / callbacks: events outside any (none in a sane engine) are not recordable. */
  private depth = 0;

  constructor(
    private readonly inner: Implementation,
    private readonly writer: TraceWriter,
    private readonly meta?: Readonly<Record<string, unknown>>,
  ) {}

  get name(): string { return this.inner.name; }
  get profile(): Implementation['profile'] { return this.inner.profile; }

  reset(config: EngineConfig, hooks: EngineHooks): void {
    this.depth = 0;
    this.writer.begin(this.meta ? { format: TRACE_FORMAT, implementation: this.inner.name, config, meta: this.meta } : { format: TRACE_FORMAT, implementation: this.inner.name, config });
    this.inner.reset(config, {
      event: (ev) => {
        if (this.depth > 0) this.writer.entry({ k: 'ev', ev });
        hooks.event(ev);
      },
      callback: (cb) => {
        if (this.depth > 0) this.writer.entry({ k: 'cb', cb });
        this.depth++;
        hooks.callback(cb);
        this.depth--;
        if (this.depth > 0) this.writer.entry({ k: 'cb_ret' });
      },
    });
  }

  call(c: ClientCall, ctx: Ctx): Ret {
    this.writer.entry({ k: 'call', call: c, ctx });
    this.depth++;
    const ret = this.inner.call(c, ctx);
    this.depth--;
    this.writer.entry({ k: 'ret', ret });
    return ret;
  }

  env(step: EnvStep): void {
    this.writer.entry({ k: 'env', step });
    this.depth++;
    this.inner.env(step);
    this.depth--;
    this.writer.entry({ k: 'env_end' });
  }

  /** Marks the run as ended quiescent (call after the harness ran every pending irq and tasklet). */
  finish(): void {
    this.writer.end();
  }

  dispose(): void {
    this.writer.close();
    this.inner.dispose?.();
  }
}
