/**
 * A saved counterexample as a standalone vitest regression test: the exact steps and
 * configuration inlined, replayed in lockstep against the implementation the file
 * names; the test passes once the implementation no longer fails that sequence (for
 * `dmacheck replay FILE --emit-test > t.test.ts`). Imports point at this dmacheck
 * checkout (absolute paths by default, or relative to `importRoot`).
 * @public
 */
import { fileURLToPath } from 'node:url';
import type { CounterexampleFile } from '../properties/counterexample/file.ts';
import { ruleMessage } from '../spec/api/message.ts';

/** @public */
export interface EmitOptions {
  /** Where the dmacheck sources are, as written in the import lines (default: this checkout, absolute). */
  readonly importRoot?: string;
  /** Implementation spec to test (default: the file's). */
  readonly impl?: string;
  /** Shown in the header comment. */
  readonly source?: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** The test file's text. @public */
export function emitTest(f: CounterexampleFile, o: EmitOptions = {}): string {
  const root = (o.importRoot ?? ROOT).replace(/\/$/, '');
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
import type { EngineConfig } from '${root}/spec/api/index.ts';
import type { Step } from '${root}/properties/lockstep/step.ts';
import { resolveImplementation } from '${root}/adapters/resolve.ts';
import { replaySteps } from '${root}/properties/lockstep/replay.ts';
import { verdictLine } from '${root}/properties/lockstep/step.ts';
import { traceText } from '${root}/properties/counterexample/text.ts';
import { loadModel } from '${root}/trace/load-model.ts';

const config: EngineConfig = ${JSON.stringify(f.config)};

const steps: Step[] = [
${(f.commands as readonly unknown[]).map((s) => `  ${JSON.stringify(s)},`).join('\n')}
];

describe(${JSON.stringify(title)}, () => {
  it(${JSON.stringify(`${impl} runs the ${f.length}-step sequence without a verdict`)}, async () => {
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
