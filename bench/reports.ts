/**
 * Report sizes and render times for a 10,000-step counterexample (issue 8's closing
 * note). Run: `node --import tsx bench/reports.ts [steps]`. Prints, per format, the
 * bytes and the median render time in Node; with /usr/bin/chromium present, also
 * the time headless Chromium takes to load report.html and lay out the open part.
 * @internal
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPORT_FILES, REPORT_FORMATS, renderReport, writeReports } from '../reports/index.ts';
import { longResult } from '../reports/test/fixtures.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(f: () => unknown, runs: number): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

async function browserLoadMs(file: string, runs: number): Promise<number | null> {
  if (!existsSync('/usr/bin/chromium')) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1700, height: 1000 } });
    const t = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.locator('.viol-mark').first().scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    ms.push(performance.now() - t);
    await page.close();
  }
  await browser.close();
  return median(ms);
}

/** Measure and print; returns the rows for a caller (bench/run.ts). */
export async function benchReports(steps = 10_000): Promise<{ format: string; bytes: number; renderMs: number }[]> {
  const result = longResult(steps);
  const dir = mkdtempSync(join(tmpdir(), 'dmacheck-bench-reports-'));
  const written = await writeReports(result, dir, REPORT_FORMATS);
  const rows = written.map((w) => ({ format: w.format, bytes: w.bytes, renderMs: time(() => renderReport(result, w.format), 5) }));
  process.stdout.write(`reports for a ${steps}-step counterexample (${dir})\n`);
  process.stdout.write(`${'format'.padEnd(8)}${'file'.padEnd(14)}${'bytes'.padStart(12)}${'render ms'.padStart(12)}\n`);
  for (const r of rows) {
    process.stdout.write(`${r.format.padEnd(8)}${REPORT_FILES[r.format].padEnd(14)}${String(r.bytes).padStart(12)}${r.renderMs.toFixed(1).padStart(12)}\n`);
  }
  const load = await browserLoadMs(join(dir, 'report.html'), 3);
  process.stdout.write(load === null ? 'chromium: /usr/bin/chromium missing, browser load not measured\n' : `chromium: report.html loaded and laid out at the violation in ${load.toFixed(0)} ms (median of 3)\n`);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchReports(Number(process.argv[2] ?? 10_000));
}
