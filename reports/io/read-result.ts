/**
 * Reading a saved `report.json` back (for `--baseline`, `report merge`, `report
 * render`), validated against the report schema. Every problem is one line,
 * `file: what is wrong`, thrown as InputError (exit status 2).
 * @public
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../../io/errors.ts';
import { REPORT_SCHEMA_VERSION, type RunResult } from '../result.ts';
import { runResultSchema } from '../schema/result-schema.ts';
import { clip, oneLine } from '../text/sanitize.ts';

const short = (s: string) => oneLine(clip(s, 200));

/** Validate parsed JSON as a RunResult; `where` names the source in the error. */
export function parseResult(data: unknown, where: string): RunResult {
  if (data !== null && typeof data === 'object' && 'schemaVersion' in data && data.schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new InputError(`${where}: report schemaVersion ${short(JSON.stringify(data.schemaVersion) ?? '?')} is not supported (this dmacheck reads version ${REPORT_SCHEMA_VERSION})`);
  }
  const parsed = runResultSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const at = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : '';
  throw new InputError(`${where}: not a dmacheck report: at ${short(at)}: ${short(issue.message)}${more}`);
}

/** Read and validate a report.json. */
export async function readResult(file: string): Promise<RunResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(`${file}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: not JSON: ${short((err as Error).message)}`);
  }
  return parseResult(data, file);
}
