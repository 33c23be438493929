/**
 * Text of a kernel counterexample as `kernel certify` prints it: the rule, where the
 * program came from (generated and shrunk, or a misuse program), the numbered real
 * trace, the calls as C, and the replay command.
 * @public
 */
import type { Counterexample } from '../../reports/result.ts';
import type { KernelFailureCase } from './certify.ts';
import { ruleMessage } from '../../spec/api/message.ts';

/** @public */
export function kernelCounterexampleText(c: Counterexample, k: KernelFailureCase, file: string | undefined): string {
  const from = k.misuse
    ? `misuse program ${k.program.name}`
    : k.original === k.program
      ? `program ${k.program.name}`
      : `program ${k.original.name}, shrunk in the guest from ${k.original.steps.length} to ${k.program.steps.length} steps`;
  const head = c.rule ? `${c.kind} of ${c.rule}: ${ruleMessage(c.rule, c.msg)}\n  ${c.rule}: ${c.statement}` : `${c.kind}: ${c.msg}`;
  return [
    head,
    `  ${from}; the real kernel's trace (>> marks the failing entry):`,
    c.text,
    '  as dmaengine calls:',
    c.c.split('\n').map((l) => `    ${l}`).join('\n'),
    `  program: ${JSON.stringify(k.program)}`,
    ...(file ? [`  rerun:  dmacheck kernel replay ${file}`] : []),
  ].join('\n');
}
