/**
 * Writing the reports of one result into a directory. Each file is written to a
 * temporary file in the same directory and renamed over the target (never over a
 * device or FIFO: io/write-output.ts), so a reader
 * (or an interrupted run) sees either the previous file or the complete new one,
 * never half of one. A `partial` result is written like any other; every format
 * marks it as partial.
 * @public
 */
import { join } from 'node:path';
import { ensureDir } from '../../io/ensure-dir.ts';
import { writeOutput } from '../../io/write-output.ts';
import { match } from 'ts-pattern';
import { REPORT_FILES, type ReportFormat } from '../formats.ts';
import { renderHtml } from '../html/render-html.ts';
import { stableJson } from '../json/stable-json.ts';
import { renderJunit } from '../junit/render-junit.ts';
import { renderKtap } from '../ktap/render-ktap.ts';
import { renderMarkdown } from '../markdown/render-markdown.ts';
import type { RunResult } from '../result.ts';
import { renderText } from '../text/render-text.ts';

/** One file written by {@link writeReports}. */
export interface WrittenReport {
  readonly format: ReportFormat;
  readonly path: string;
  readonly bytes: number;
}

/** The content of one format. */
export function renderReport(result: RunResult, format: ReportFormat): string {
  return match(format)
    .with('text', () => renderText(result))
    .with('json', () => stableJson(result))
    .with('junit', () => renderJunit(result))
    .with('ktap', () => renderKtap(result))
    .with('md', () => renderMarkdown(result))
    .with('html', () => renderHtml(result))
    .exhaustive();
}

/**
 * Write `content` to `file`: a regular file atomically (temporary file in the same
 * directory, then rename); a device, FIFO or `-` directly (io/write-output.ts).
 */
export async function writeFileAtomic(file: string, content: string): Promise<number> {
  return writeOutput(file, content);
}

/** Render `result` in each of `formats` into `dir` (created if missing). */
export async function writeReports(result: RunResult, dir: string, formats: readonly ReportFormat[]): Promise<WrittenReport[]> {
  ensureDir(dir);
  const written: WrittenReport[] = [];
  for (const format of formats) {
    const path = join(dir, REPORT_FILES[format]);
    written.push({ format, path, bytes: await writeFileAtomic(path, renderReport(result, format)) });
  }
  return written;
}
