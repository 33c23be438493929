/**
 * Counterexample files: the report's {@link Counterexample} plus what `dmacheck replay`
 * needs (implementation, mode, replay line). Loading validates the shape and reports a
 * bad file as one line `file: what is wrong`.
 * @public
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { EngineConfig } from '../../spec/api/index.ts';
import type { Counterexample } from '../../reports/result.ts';
import type { Mode, Step } from '../lockstep/step.ts';
import { cKunitFile, cModuleFile } from './c-client.ts';

export const COUNTEREXAMPLE_FORMAT = 'dmacheck-counterexample/1';

/** @public */
export interface CounterexampleFile extends Counterexample {
  readonly format: typeof COUNTEREXAMPLE_FORMAT;
  /** Implementation spec to replay against (`builtin`, `mutant:<name>`, a module path). */
  readonly impl: string;
  /** Set when certified through `--impl-cmd`: the command line replay starts (`impl` is then its name). */
  readonly implCmd?: string;
  /** The directory certify ran in: replay resolves `impl` paths and starts `implCmd` there, wherever it is run from. */
  readonly cwd?: string;
  readonly mode: Mode;
  /** The replay codec line. */
  readonly replay: string;
}

const StepSchema = z.union([
  z.object({ k: z.literal('call'), call: z.object({ op: z.string() }).passthrough(), ctx: z.enum(['process', 'atomic', 'hardirq', 'callback']) }).passthrough(),
  z.object({ k: z.literal('env'), step: z.object({ op: z.enum(['advance', 'irq', 'tasklet', 'drain']) }).passthrough() }),
]);
const FileSchema = z.object({
  format: z.literal(COUNTEREXAMPLE_FORMAT),
  impl: z.string(),
  implCmd: z.string().optional(),
  cwd: z.string().optional(),
  mode: z.enum(['legal', 'misuse']),
  config: z.object({ slaves: z.array(z.object({ name: z.string() }).passthrough()).min(1), caps: z.object({}).passthrough(), bytesPerUnit: z.number().int().positive() }).passthrough(),
  commands: z.array(StepSchema),
  rule: z.string().nullable(),
}).passthrough();

/** Write atomically enough for a CLI (one write). @public */
export function saveCounterexample(path: string, f: CounterexampleFile): void {
  writeFileSync(path, `${JSON.stringify(f, null, 1)}\n`);
}

/** Where the C forms of the counterexample file `path` go: `X.c` (a module) and `X.kunit.c` (a KUnit suite). @public */
export function cFilesOf(path: string): { readonly module: string; readonly kunit: string } {
  const base = path.replace(/\.json$/, '');
  return { module: `${base}.c`, kunit: `${base}.kunit.c` };
}

/** Write the counterexample as a kernel module and as a KUnit suite beside its file (c-client.ts). @public */
export function saveCounterexampleC(path: string, c: Counterexample): void {
  const title = `${c.kind}${c.rule ? ` of ${c.rule}` : ''}: ${c.msg}`;
  const to = cFilesOf(path);
  writeFileSync(to.module, cModuleFile(c.trace, c.config, title));
  writeFileSync(to.kunit, cKunitFile(c.trace, c.config, title));
}

/** What replay needs, or a one-line error. @public */
export type Loaded = { readonly ok: true; readonly file: CounterexampleFile; readonly steps: readonly Step[]; readonly config: EngineConfig } | { readonly ok: false; readonly error: string };

/** @public */
export function loadCounterexample(path: string): Loaded {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, error: `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: `${path}: not JSON` };
  }
  const r = FileSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, error: `${path}: ${i ? `${i.path.join('.') || '(root)'}: ${i.message}` : 'not a counterexample file'}` };
  }
  const file = json as CounterexampleFile;
  return { ok: true, file, steps: file.commands as readonly Step[], config: file.config };
}
