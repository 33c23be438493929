/**
 * Report formats, their file names, and parsing of `--format a,b,c`.
 * @public
 */
import { UsageError } from '../io/errors.ts';

export const REPORT_FORMATS = ['text', 'json', 'junit', 'ktap', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The file each format is written to inside the report directory. */
export const REPORT_FILES: Readonly<Record<ReportFormat, string>> = {
  text: 'report.txt', json: 'report.json', junit: 'junit.xml', ktap: 'report.ktap', md: 'summary.md', html: 'report.html',
};

const isFormat = (s: string): s is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(s);

/**
 * Parse a comma-separated format list (`"json, junit"`; `"all"` = every format),
 * keeping the first occurrence of each. Throws {@link UsageError} (one line) on an
 * unknown or empty name.
 */
export function parseFormats(csv: string): ReportFormat[] {
  const names = csv.split(',').map((s) => s.trim().toLowerCase());
  if (names.length === 1 && names[0] === 'all') return [...REPORT_FORMATS];
  const out: ReportFormat[] = [];
  for (const n of names) {
    if (!isFormat(n)) {
      const shown = JSON.stringify(n.slice(0, 40));
      throw new UsageError(`unknown report format ${shown} (choose from ${REPORT_FORMATS.join(', ')}, or all)`);
    }
    if (!out.includes(n)) out.push(n);
  }
  return out;
}
