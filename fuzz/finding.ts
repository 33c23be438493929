/**
 * A fuzz finding: the shrunk run as a counterexample file in exactly the format
 * `dmacheck replay FILE` reads (properties/counterexample/file.ts), with its dedup key
 * (rule + shape of the generated steps) and its corpus file name.
 * The replay line is the one codec's `{ seed, path }`: for the fuzzer, `seed` is the
 * worker's campaign seed and `path` is `worker:sequence` (the sequence's number in that
 * worker's campaign); the file's `commands` replay it exactly without regenerating.
 * @public
 */
import type { EngineConfig, FailureVerdict } from '../spec/api/index.ts';
import { fnv1a } from '../spec/api/index.ts';
import { buildCounterexample } from '../properties/counterexample/build.ts';
import { COUNTEREXAMPLE_FORMAT, type CounterexampleFile } from '../properties/counterexample/file.ts';
import { encodeReplay } from '../properties/counterexample/replay-codec.ts';
import type { Lockstep } from '../properties/lockstep/runner.ts';
import type { Mode, Step } from '../properties/lockstep/step.ts';

/** @public */
export interface Finding {
  readonly file: CounterexampleFile;
  /** Dedup key: rule, kind and the operations of the generated steps ({@link keyOf}). */
  readonly key: string;
  /** Corpus file name, `RULE-hash.json`. */
  readonly name: string;
}

/** @public */
export interface FindingMeta {
  readonly seed: number;
  readonly path: string;
  readonly config: EngineConfig;
  readonly mode: Mode;
  /** Implementation spec replay should use (`builtin`, `mutant:x`, a module path). */
  readonly impl: string;
}

/**
 * The corpus key and name of a counterexample file: rule, kind and the operations of the
 * generated steps after the probe — the same bug found under a 2- and a 3-channel
 * configuration (different probes, different trace shapes) is one corpus entry. @public
 */
export function keyOf(f: CounterexampleFile): { readonly key: string; readonly name: string } {
  const steps = (f.commands as readonly Step[]).slice(setupLength(f));
  const key = `${f.rule ?? ''}|${f.kind}|${steps.map((s) => (s.k === 'call' ? s.call.op : s.step.op)).join(',')}`;
  const hash = fnv1a(Buffer.from(key, 'utf8')).toString(16).padStart(8, '0');
  return { key, name: `${(f.rule ?? f.kind).replace(/[^A-Za-z0-9_-]/g, '_')}-${hash}.json` };
}

/** The set-up steps of a counterexample file: those before its generated `length` (shrinking may drop probe steps). @public */
export function setupLength(f: CounterexampleFile): number {
  return Math.max(0, f.commands.length - f.length);
}

/** Build the finding of a (shrunk) failed run. @public */
export function makeFinding(r: Lockstep, verdict: FailureVerdict, m: FindingMeta): Finding {
  const cx = buildCounterexample(r, verdict, m.seed, m.path, m.config);
  const file: CounterexampleFile = { ...cx, format: COUNTEREXAMPLE_FORMAT, impl: m.impl, mode: m.mode, replay: encodeReplay({ seed: m.seed, path: m.path }) };
  return { file, ...keyOf(file) };
}

/** The file's text, as properties' `saveCounterexample` writes it. @public */
export function findingText(f: CounterexampleFile): string {
  return `${JSON.stringify(f, null, 1)}\n`;
}
