/**
 * Writes reports/schema/report.schema.json from the zod schema.
 * Run: `node --import tsx reports/schema/generate.ts`.
 * @internal
 */
import { writeFileSync } from 'node:fs';
import { stableJson } from '../json/stable-json.ts';
import { reportJsonSchema } from './json-schema.ts';

const file = new URL('./report.schema.json', import.meta.url);
writeFileSync(file, stableJson(reportJsonSchema()));
process.stdout.write(`wrote ${file.pathname}\n`);
