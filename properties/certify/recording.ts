/**
 * `dmacheck certify --record FILE`: which run the trace file holds. Recording wraps the
 * implementation for the whole certification, but the file keeps one run: the first
 * counterexample's shrunk run when certify finds one (recording stops right after the
 * phase that found it, whose last run is that re-run), else the last run of the last
 * legal phase (the misuse phase is not recorded: its client breaks rules on purpose, so
 * its traces would not check clean). The `end` marker is written only when the run
 * reached quiescence, so `dmacheck check-trace` applies end-of-run obligations exactly
 * when certify did.
 * @public
 */
import type { Implementation } from '../../spec/api/index.ts';
import type { TraceHeader } from '../../trace/format.ts';
import { FileTraceWriter, RecordingImplementation, type TraceWriter } from '../../trace/record.ts';
import type { TraceEntry } from '../../spec/api/index.ts';
import type { Phase } from './certify.ts';

/** @public */
export class CertifyRecorder {
  /** The implementation to certify (records what passes through it). */
  readonly impl: RecordingImplementation;
  private frozen = false;
  private readonly out: FileTraceWriter;

  constructor(inner: Implementation, file: string, meta?: Readonly<Record<string, unknown>>) {
    const out = new FileTraceWriter(file);
    this.out = out;
    const gate: TraceWriter = {
      begin: (h: TraceHeader) => { if (!this.frozen) out.begin(h); },
      entry: (e: TraceEntry) => { if (!this.frozen) out.entry(e); },
      end: () => { if (!this.frozen) out.end(); },
      close: () => out.close(),
    };
    this.impl = new RecordingImplementation(inner, gate, meta);
  }

  /** Why the trace file could not be written (the run itself went on). */
  get error(): Error | undefined { return this.out.error; }
  /** CertifyOptions.quiescent: the run ended quiescent (write the `end` marker). */
  readonly quiescent = (): void => this.impl.finish();
  /** CertifyOptions.onPhaseStart: stop before client-misuse phases. */
  readonly phaseStart = (p: Phase): void => { if (p.mode !== 'legal') this.frozen = true; };
  /** CertifyOptions.onCounterexample: keep the first counterexample's run. */
  readonly counterexample = (): void => { this.frozen = true; };
}
