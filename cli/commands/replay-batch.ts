/**
 * `dmacheck replay FILE` for a batch counterexample (`dmacheck-batch-counterexample/1`,
 * written by certify over batch/1): re-sends the saved program with its configuration to
 * the implementation and judges the returned trace. Exit 1 if it still fails, 0 if it
 * passes now, 3 if the implementation failed or does not speak batch/1.
 * @internal
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isImplError } from '../../adapters/errors.ts';
import { resolveImplementation } from '../../adapters/resolve.ts';
import { StdioImplementation } from '../../adapters/stdio/client.ts';
import { decisive, judgeRun } from '../../kernel/certify/judge.ts';
import { BATCH_CX_FORMAT } from '../../properties/batch/text.ts';
import { runCase } from '../../properties/batch/target.ts';
import { traceText as numberedTrace } from '../../properties/counterexample/text.ts';
import { EngineConfigSchema } from '../../spec/api/schema.ts';
import { ClientProgramSchema } from '../../spec/api/program-schema.ts';
import { ruleMessage } from '../../spec/api/message.ts';
import { loadModel } from '../../trace/load-model.ts';
import { EXIT, InputError } from '../exit-codes.ts';

const FileSchema = z.object({
  format: z.literal(BATCH_CX_FORMAT), implCmd: z.string(), cwd: z.string().optional(), config: EngineConfigSchema, program: ClientProgramSchema,
});

/** The JSON of `path` if it is a batch counterexample file (whatever else is wrong with it); else undefined. @internal */
export function readBatchFile(path: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined; // loadCounterexample names what is wrong
  }
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === BATCH_CX_FORMAT ? json : undefined;
}

/** Replays a batch counterexample; returns the exit status. @internal */
export async function replayBatch(file: string, json: unknown, implCmd: string | undefined, timeoutMs: number | undefined): Promise<number> {
  const f = FileSchema.safeParse(json);
  if (!f.success) {
    const i = f.error.issues[0];
    throw new InputError(`${file}: not a ${BATCH_CX_FORMAT} file (${i ? `${i.path.join('.') || '(root)'}: ${i.message}` : 'bad shape'})`);
  }
  const cmd = implCmd ?? f.data.implCmd;
  const impl = await resolveImplementation({ implCmd: cmd, cwd: implCmd === undefined ? f.data.cwd : undefined, timeoutMs });
  process.stderr.write(`replay: ${impl.name} (--impl-cmd "${cmd}"${implCmd === undefined && f.data.cwd !== undefined ? ` in ${f.data.cwd}` : ''})\n`);
  try {
    if (!(impl instanceof StdioImplementation) || !impl.batch) {
      process.stderr.write(`dmacheck: ${impl.name} does not offer batch/1: this counterexample is a whole program\n`);
      return EXIT.implError;
    }
    const j = judgeRun(runCase(impl, { program: f.data.program, config: f.data.config }), await loadModel());
    if (!j.ok) {
      process.stderr.write(`dmacheck: implementation error (bad_message) in ${impl.name}: malformed trace: ${j.error}\n`);
      return EXIT.implError;
    }
    const v = decisive(j);
    if (!v) {
      process.stdout.write(`${file}: passes now (${impl.name}, ${f.data.program.steps.length} program steps, ${j.trace.entries.length} trace entries)\n`);
      return EXIT.ok;
    }
    const rule = v.kind === 'violation' || v.kind === 'undefined' ? v.rule : undefined;
    process.stdout.write(`${v.kind}${rule ? ` of ${rule}` : ''}: ${ruleMessage(rule, v.msg)}\n${numberedTrace(j.trace.entries, v)}\n\n${file}: still fails (${impl.name})\n`);
    return EXIT.violations;
  } catch (e) {
    if (!isImplError(e)) throw e;
    process.stderr.write(`dmacheck: implementation error (${e.kind}) in ${impl.name}: ${e.detail}\n`);
    return EXIT.implError;
  } finally {
    impl.dispose?.();
  }
}
