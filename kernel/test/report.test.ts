/**
 * The kernel target in the reports: every writer names the kernel release, machine and
 * driver; text, Markdown and HTML list the features not supported with their reason;
 * report.json round-trips through its schema.
 */
import { describe, expect, it } from 'vitest';
import { parseResult, renderHtml, renderJunit, renderMarkdown, renderText } from '../../reports/index.ts';
import { kernelCertify } from '../certify/certify.ts';
import { UNSUPPORTED } from '../gen/profile.ts';
import { FakeRunner, TEST_ENV, testModel } from './fake-runner.ts';

describe('kernel target in the reports', async () => {
  const { result } = await kernelCertify({ runner: new FakeRunner(), env: TEST_ENV, model: testModel, seed: 3, runs: 4, version: 'test' });
  const cyclic = UNSUPPORTED.find((u) => u.feature === 'cyclic')!;

  it.each([
    ['text', renderText(result)],
    ['markdown', renderMarkdown(result)],
    ['html', renderHtml(result)],
    ['junit', renderJunit(result)],
  ])('%s names the kernel, machine and driver', (_, out) => {
    expect(out).toContain('6.1.0-99-arm64');
    expect(out).toContain('raspi3b');
    expect(out).toContain('bcm2835-dma');
  });

  it('text, Markdown and HTML give the reason a feature is not supported', () => {
    expect(renderText(result)).toContain(`not supported: cyclic: ${cyclic.reason}`);
    expect(renderMarkdown(result)).toContain('QEMU');
    expect(renderHtml(result)).toContain('<b>cyclic</b>: QEMU&#39;s bcm2835 DMA model loops forever');
  });

  it('report.json keeps the target', () => {
    expect(parseResult(JSON.parse(JSON.stringify(result)), 'report.json').target).toEqual(result.target);
  });
});
