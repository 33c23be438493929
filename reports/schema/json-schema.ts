/**
 * The JSON Schema of `report.json`, generated from the zod schema with zod 4's
 * `z.toJSONSchema`. The committed copy is reports/schema/report.schema.json
 * (regenerate: `node --import tsx reports/schema/generate.ts`; a test checks it is current).
 * @public
 */
import { z } from 'zod';
import { REPORT_SCHEMA_VERSION } from '../result.ts';
import { runResultSchema } from './result-schema.ts';

/** `$id` of the schema; the version in the path changes with REPORT_SCHEMA_VERSION. */
export const REPORT_SCHEMA_ID = `https://dmacheck.invalid/schema/report/v${REPORT_SCHEMA_VERSION}.json`;

/** The JSON Schema (draft 2020-12) object of a dmacheck report, version {@link REPORT_SCHEMA_VERSION}. */
export function reportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(runResultSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: REPORT_SCHEMA_ID,
    title: 'dmacheck report',
    description:
      `The result of one dmacheck run (certify, fuzz, check-trace, mutants), as written to report.json. ` +
      `schemaVersion ${REPORT_SCHEMA_VERSION}; see docs/REPORTS.md.`,
    ...rest,
  };
}
