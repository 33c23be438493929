/**
 * Text and file of a batch counterexample: the rule, the program (shrunk by re-sending
 * candidates), the numbered trace the implementation returned, the calls as C, and the
 * file that keeps the program, its configuration and its trace.
 * @public
 */
import { writeFileSync } from 'node:fs';
import type { Counterexample } from '../../reports/result.ts';
import { ruleMessage } from '../../spec/api/message.ts';
import type { BatchFailureCase } from './certify.ts';

/** @public */
export const BATCH_CX_FORMAT = 'dmacheck-batch-counterexample/1';

/** @public */
export function batchCounterexampleText(c: Counterexample, k: BatchFailureCase, file: string | undefined): string {
  const from = k.original === k.program
    ? `program ${k.program.name}`
    : `program ${k.original.name}, shrunk by re-sending candidates from ${k.original.steps.length} to ${k.program.steps.length} steps`;
  const head = c.rule ? `${c.kind} of ${c.rule}: ${ruleMessage(c.rule, c.msg)}\n  ${c.rule}: ${c.statement}` : `${c.kind}: ${c.msg}`;
  return [
    head,
    `  ${from}; the trace the implementation returned (>> marks the failing entry):`,
    c.text,
    '  as dmaengine calls:',
    c.c.split('\n').map((l) => `    ${l}`).join('\n'),
    `  program: ${JSON.stringify(k.program)}`,
    ...(file ? [`  rerun:  dmacheck replay ${file} (re-sends the program; the file keeps it with its configuration and trace)`] : []),
  ].join('\n');
}

/** Writes the counterexample file: the program, its configuration, the original program and the trace text. @public */
export function saveBatchCounterexample(path: string, c: Counterexample, k: BatchFailureCase, implCmd: string): void {
  const f = { format: BATCH_CX_FORMAT, rule: c.rule, kind: c.kind, msg: c.msg, implCmd, cwd: process.cwd(), config: k.config, program: k.program, original: k.original, trace: k.trace };
  writeFileSync(path, `${JSON.stringify(f, null, 1)}\n`);
}
