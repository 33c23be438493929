/**
 * report.html in a real browser (headless Chromium through playwright-core): the
 * timeline SVG and the highlighted violating event are visible, the filters work,
 * hostile strings run no code. Saves out/report-screenshot.png (a CI artefact).
 * Skipped, with a message, only where /usr/bin/chromium is missing outside CI.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../index.ts';
import type { RunResult } from '../result.ts';
import { failingResult, hostileResult, longResult } from './fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const SKIP_NOTE = available || inCi ? '' : ` [SKIPPED: ${CHROMIUM} missing; install it with apt-get install chromium]`;
if (SKIP_NOTE) process.stderr.write(`reports/test/browser.test.ts:${SKIP_NOTE}\n`);

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const screenshot = join(repoRoot, 'out', 'report-screenshot.png');

describe.skipIf(!available && !inCi)(`report.html in headless Chromium${SKIP_NOTE}`, () => {
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => { await browser?.close(); });

  async function open(result: RunResult): Promise<Page> {
    const dir = mkdtempSync(join(tmpdir(), 'dmacheck-html-'));
    await writeReports(result, dir, ['html']);
    const page = await browser.newPage({ viewport: { width: 1700, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
    page.on('request', (r) => { if (!r.url().startsWith('file:')) errors.push(`request: ${r.url()}`); });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    return page;
  }

  it('shows the timeline and the highlighted violating event; saves a screenshot', async () => {
    const page = await open(failingResult());
    const timeline = page.locator('svg.tl[aria-label^="trace lines"]').first();
    expect(await timeline.isVisible()).toBe(true);
    const mark = page.locator('.viol-mark').first();
    await mark.scrollIntoViewIfNeeded();
    expect(await mark.isVisible()).toBe(true);
    const box = await mark.boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    expect(await page.locator('text.viol-note').first().textContent()).toContain('SYNC-4 violation');
    expect(await page.locator('#rules tbody tr').count()).toBe(failingResult().rules.length);
    mkdirSync(join(repoRoot, 'out'), { recursive: true });
    await page.locator('#counterexamples').screenshot({ path: screenshot });
    process.stdout.write(`report screenshot: ${screenshot}\n`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters the rule table by verdict, group and text', async () => {
    const page = await open(failingResult());
    const visible = () => page.locator('#rules tbody tr:not([hidden])').count();
    await page.selectOption('#f-verdict', 'fail');
    expect(await visible()).toBe(1);
    await page.selectOption('#f-verdict', '');
    await page.selectOption('#f-group', 'CB');
    expect(await visible()).toBe(3);
    await page.selectOption('#f-group', '');
    await page.fill('#f-text', 'synchronize');
    expect(await visible()).toBe(2);
    expect(await page.locator('#f-shown').textContent()).toBe(`2 of ${failingResult().rules.length} rules shown`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs no hostile code and loads nothing', async () => {
    const page = await open(hostileResult(true));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('.viol-mark').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a 10,000-step counterexample at the violation', async () => {
    const page = await open(longResult(10_000));
    const mark = page.locator('.viol-mark').first();
    await mark.scrollIntoViewIfNeeded();
    expect(await mark.isVisible()).toBe(true);
    expect(await page.locator('details.chunk[open]').count()).toBe(1);
    await page.close();
  });
});
