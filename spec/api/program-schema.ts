/**
 * zod schema of client programs (spec/api/program.ts) and the one parser every
 * program consumer uses (check-client, kernel/, the stdio batch mode).
 * @public
 */
import { z } from 'zod';
import type { ClientProgram, ProgramCall, ProgramStep } from './program.ts';
import { ClientCallSchema, describeZodError } from './schema.ts';

const int = z.number().int();
const nat = int.nonnegative();

const ProgramCallSchema: z.ZodType<ProgramCall> = z.union([
  z.strictObject({ op: z.literal('tx_status'), chan: int, desc: int, withState: z.boolean() }),
  z.strictObject({ op: z.literal('is_tx_complete'), chan: int, desc: int }),
  ClientCallSchema,
]);

export const ProgramStepSchema: z.ZodType<ProgramStep> = z.lazy(() => z.union([
  z.strictObject({ do: ProgramCallSchema, ctx: z.enum(['atomic', 'hardirq']).exactOptional() }),
  z.strictObject({
    wait: z.literal('callback'), desc: int, count: int.positive().exactOptional(), timeoutUs: nat,
    onTimeout: z.array(ProgramStepSchema).exactOptional(),
  }),
  z.strictObject({
    wait: z.literal('complete'), desc: int, pollUs: int.positive().exactOptional(), timeoutUs: nat,
    onTimeout: z.array(ProgramStepSchema).exactOptional(),
  }),
  z.strictObject({ sleep: nat }),
]));

export const ClientProgramSchema: z.ZodType<ClientProgram> = z.strictObject({
  format: z.literal('dmacheck-program/1'),
  name: z.string().min(1),
  slaves: z.array(z.strictObject({
    name: z.string(),
    directions: z.array(z.enum(['MEM_TO_MEM', 'MEM_TO_DEV', 'DEV_TO_MEM', 'DEV_TO_DEV'])),
    fifoDepth: nat,
  })).exactOptional(),
  steps: z.array(ProgramStepSchema),
  source: z.strictObject({ kernel: z.array(z.string()), fix: z.string().exactOptional(), note: z.string().exactOptional() }).exactOptional(),
  expect: z.strictObject({
    verdict: z.enum(['conformant', 'undefined', 'violation']),
    rules: z.array(z.string()).exactOptional(),
  }).exactOptional(),
});

/** Parse one program; `Error` with a one-line reason on bad input. */
export function parseProgram(value: unknown): ClientProgram {
  const r = ClientProgramSchema.safeParse(value);
  if (!r.success) throw new Error(`not a dmacheck-program/1: ${describeZodError(r.error)}`);
  return r.data;
}

/** Parse a JSON Lines batch (blank lines ignored); the error names the line. */
export function parseProgramBatch(text: string): ClientProgram[] {
  const out: ClientProgram[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try { v = JSON.parse(line); } catch { throw new Error(`line ${i + 1}: not JSON`); }
    try { out.push(parseProgram(v)); } catch (e) { throw new Error(`line ${i + 1}: ${(e as Error).message}`); }
  });
  return out;
}
