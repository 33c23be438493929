/**
 * A saved counterexample as a standalone vitest regression test: the exact steps and
 * configuration inlined, replayed in lockstep against the implementation the file
 * names; the test passes once the implementation no longer fails that sequence (for
 * `dmacheck replay FILE --emit-test > t.test.ts`). It imports the package by name
 * (`dmacheck/...`, the `exports` of package.json), never a path of the checkout that
 * emitted it, so it can be committed to the user's own repository.
 * @public
 */
import type { CounterexampleFile } from '../properties/counterexample/file.ts';
import { ruleMessage } from '../spec/api/message.ts';

/** @public */
export interface EmitOptions {
  /** The package name in the import lines (default `dmacheck`). */
  readonly packageName?: string;
  /** Implementation spec to test (default: the file's). */
  readonly impl?: string;
  /** Shown in the header comment. */
  readonly source?: string;
}

/** The test file's text. @public */
export function emitTest(f: CounterexampleFile, o: EmitOptions = {}): string {
  const pkg = o.packageName ?? 'dmacheck';
  const impl = o.impl ?? f.impl;
  const title = `regression: ${f.kind}${f.rule ? ` ${f.rule}` : ''}: ${ruleMessage(f.rule, f.msg)}`;
  const comment = (s: string) => s.split('\n').map((l) => ` * ${l.replace(/\*\//g, '* /')}`).join('\n');
  return `/**
 * Regression test emitted by dmacheck${o.source ? ` from ${o.source}` : ''}.
${comment(`${f.kind}${f.rule ? ` of ${f.rule}` : ''}: ${ruleMessage(f.rule, f.msg)}`)}
${f.statement ? `${comment(`${f.rule}: ${f.statement}`)}\n` : ''} * replay: ${f.replay}
 * The sequence, as dmaengine calls:
${comment(f.c)}
 */
import { describe, expect, it } from 'vitest';
import type { EngineConfig } from '${pkg}/spec/api';
import { resolveImplementation } from '${pkg}/adapters';
import { replaySteps, type Step, verdictLine } from '${pkg}/properties/lockstep';
import { traceText } from '${pkg}/properties/counterexample';
import { loadModel } from '${pkg}/trace/load-model';

const config: EngineConfig = ${JSON.stringify(f.config)};

const steps: Step[] = [
${(f.commands as readonly unknown[]).map((s) => `  ${JSON.stringify(s)},`).join('\n')}
];

describe(${JSON.stringify(title)}, () => {
  it(${JSON.stringify(`${impl} runs the ${f.commands.length}-step sequence without a verdict`)}, async () => {
    const impl = await resolveImplementation({ impl: ${JSON.stringify(impl)} });
    try {
      const r = replaySteps(await loadModel(), impl, config, ${JSON.stringify(f.mode)}, steps);
      expect(r.failure ? \`\${verdictLine(r.failure)}\\n\${traceText(r.trace, r.failure)}\` : undefined).toBeUndefined();
    } finally {
      impl.dispose?.();
    }
  });
});
`;
}
