/**
 * Kernel counterexamples: the report's {@link Counterexample} built from a judged real
 * run, and the file `kernel replay` re-runs (the program, its trace, the kernel).
 * @public
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { cClient } from '../../properties/counterexample/c-client.ts';
import { traceText } from '../../properties/counterexample/text.ts';
import type { Counterexample } from '../../reports/result.ts';
import { ruleById } from '../../spec/catalogue/index.ts';
import type { ClientProgram } from '../../spec/api/program.ts';
import { ClientProgramSchema } from '../../spec/api/program-schema.ts';
import type { FailingVerdict, Judged } from './judge.ts';

export const KERNEL_CX_FORMAT = 'dmacheck-kernel-counterexample/1';

/** The report entry of a failing real run (`judged` must have parsed). @public */
export function kernelCounterexample(j: Extract<Judged, { ok: true }>, v: FailingVerdict, program: ClientProgram, seed: number): Counterexample {
  const rule = v.kind === 'violation' || v.kind === 'undefined' ? v.rule : null;
  const config = j.trace.header.config;
  const entries = j.trace.entries;
  return {
    rule, kind: v.kind, msg: v.msg,
    statement: rule ? (ruleById(rule)?.statement ?? '') : '',
    seed, path: program.name, config,
    commands: program.steps,
    length: program.steps.length,
    trace: entries,
    violationIndex: v.step,
    text: traceText(entries, v),
    c: cClient(entries, config),
  };
}

/** What `kernel replay FILE` reads. @public */
export interface KernelCounterexampleFile {
  readonly format: typeof KERNEL_CX_FORMAT;
  readonly rule: string | null;
  readonly kind: Counterexample['kind'];
  readonly msg: string;
  readonly kernel: { readonly release: string; readonly machine: string; readonly driver: string };
  /** The (shrunk) program; replay runs it in a fresh boot. */
  readonly program: ClientProgram;
  /** The program certify first saw failing, before shrinking. */
  readonly original: ClientProgram;
  /** The recorded dmacheck-trace of the shrunk program's run. */
  readonly trace: string;
}

/** @public */
export function saveKernelCounterexample(path: string, f: KernelCounterexampleFile): void {
  writeFileSync(path, `${JSON.stringify(f, null, 1)}\n`);
}

const FileSchema = z.object({ format: z.literal(KERNEL_CX_FORMAT), program: z.unknown() }).passthrough();

/**
 * The program to replay from a kernel counterexample file or a plain dmacheck-program/1
 * file; a one-line error otherwise.
 * @public
 */
export function loadReplayProgram(path: string): { ok: true; program: ClientProgram } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: `${path}: ${code === 'ENOENT' ? 'no such file' : code ? `cannot read (${code})` : 'not JSON'}` };
  }
  const cx = FileSchema.safeParse(json);
  const raw = cx.success ? cx.data.program : json;
  const p = ClientProgramSchema.safeParse(raw);
  if (!p.success) {
    const i = p.error.issues[0];
    return { ok: false, error: `${path}: not a ${KERNEL_CX_FORMAT} or dmacheck-program/1 file (${i ? `${i.path.join('.') || '(root)'}: ${i.message}` : 'bad shape'})` };
  }
  return { ok: true, program: p.data };
}
