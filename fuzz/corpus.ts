/**
 * The failure corpus: a directory of counterexample files (the `dmacheck replay`
 * format), one per distinct finding — deduplicated by rule and trace shape, at most
 * `maxPerRule` per rule — written atomically (temporary file + rename), so an
 * interrupted campaign leaves only whole files. On start every entry is replayed
 * against the implementation under test (as Hypothesis replays its example database).
 * @public
 */
import { readdirSync } from 'node:fs';
import { ensureDir } from '../io/ensure-dir.ts';
import { join } from 'node:path';
import { type CounterexampleFile, loadCounterexample } from '../properties/counterexample/file.ts';
import { replaySteps } from '../properties/lockstep/replay.ts';
import type { Step } from '../properties/lockstep/step.ts';
import { writeFileAtomic } from '../reports/index.ts';
import type { Implementation, Model, FailureVerdict } from '../spec/api/index.ts';
import { type Finding, findingText, keyOf, makeFinding, setupLength } from './finding.ts';
import { ruleOfSignature } from './shrink.ts';

/** One corpus file as loaded. @public */
export interface CorpusEntry {
  readonly path: string;
  readonly file: CounterexampleFile;
  readonly steps: readonly Step[];
  readonly key: string;
}

/** Outcome of replaying one entry. @public */
export interface CorpusReplay {
  readonly entry: CorpusEntry;
  /** The failure now (undefined: the entry passes against this implementation). */
  readonly verdict: FailureVerdict | undefined;
  /** The replayed run as a finding (only when it still fails). */
  readonly finding: Finding | undefined;
}

/** @public */
export class Corpus {
  private readonly keys = new Set<string>();
  private readonly perRule = new Map<string, number>();
  readonly entries: CorpusEntry[] = [];
  /** Files that could not be loaded, one line each (`file: what is wrong`). */
  readonly errors: string[] = [];

  constructor(readonly dir: string | undefined, private readonly maxPerRule = 3) {}

  /** Read every `*.json` of the directory (created if missing), in name order. */
  load(): this {
    if (this.dir === undefined) return this;
    ensureDir(this.dir);
    for (const name of readdirSync(this.dir).filter((n) => n.endsWith('.json')).sort()) {
      const path = join(this.dir, name);
      const l = loadCounterexample(path);
      if (!l.ok) { this.errors.push(l.error); continue; }
      const { key } = keyOf(l.file);
      this.note(key, l.file.rule ?? l.file.kind);
      this.entries.push({ path, file: l.file, steps: l.steps, key });
    }
    return this;
  }

  /** Is a failure with this signature still worth shrinking? (the rule's cap not reached) */
  wants(sig: string): boolean {
    return this.room(ruleOfSignature(sig));
  }

  /** Does bucket (a rule id, or a verdict kind without rule) have room left? */
  room(bucket: string): boolean {
    return (this.perRule.get(bucket) ?? 0) < this.maxPerRule;
  }

  /** Buckets whose cap is reached. */
  full(): string[] {
    return [...this.perRule.keys()].filter((b) => !this.room(b));
  }

  /** Record a finding; false if it duplicates one already kept. Writes it when the corpus has a directory. */
  async add(f: Finding): Promise<boolean> {
    const rule = f.file.rule ?? f.file.kind;
    if (this.keys.has(f.key) || (this.perRule.get(rule) ?? 0) >= this.maxPerRule) return false;
    this.note(f.key, rule);
    const path = this.dir === undefined ? f.name : join(this.dir, f.name);
    if (this.dir !== undefined) await writeFileAtomic(path, findingText(f.file));
    this.entries.push({ path, file: f.file, steps: f.file.commands as readonly Step[], key: f.key });
    return true;
  }

  private note(key: string, rule: string): void {
    this.keys.add(key);
    this.perRule.set(rule, (this.perRule.get(rule) ?? 0) + 1);
  }
}

/** Replay every entry against `impl` (its exact steps, config and mode). @public */
export function replayCorpus(model: Model<unknown>, impl: Implementation, implSpec: string, entries: readonly CorpusEntry[]): CorpusReplay[] {
  return entries.map((entry) => {
    const f = entry.file;
    const r = replaySteps(model, impl, f.config, f.mode, entry.steps);
    r.preludeLength = Math.min(r.steps.length, setupLength(f));
    const v = r.failure;
    return { entry, verdict: v, finding: v ? makeFinding(r, v, { seed: f.seed, path: f.path, config: f.config, mode: f.mode, impl: implSpec }) : undefined };
  });
}
