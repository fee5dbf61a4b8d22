// Uploads from the page in real Chromium: files dropped on the page, several at once, a 1.5 MB PDF
// among them; the request returns at once to a page that follows each file's job until it is
// searchable, and the admin token is asked once per visit.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openEngine, scratchDir } from '../support/engines.js';
import { accessibilityViolations, ask, lastTurn, startBrowserSession, uploadJobsFinished, type BrowserSession } from '../support/browser.js';
import { pdfWithPages } from '../support/make-pdf.js';

const ADMIN_TOKEN = 'uploads-token-0123';
let session: BrowserSession;
let work: string;

beforeAll(async () => {
  work = scratchDir('uploads-browser');
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir);
  writeFileSync(join(corpusDir, '开馆通知.txt'), '# 开馆通知\n\n市图书馆新馆将于下月十五日开馆。\n');
  const engine = await openEngine({ corpusDir, indexDir: join(work, 'index'), uploadsDir: join(work, 'uploads') });
  session = await startBrowserSession(engine, ADMIN_TOKEN);
}, 120_000);

afterEach(() => session.closePages());
afterAll(() => session?.close());

/** A one-page text PDF of about 1.5 MB: the page's text, then a long comment of random hex (ignored by readers, not compressible). */
function largePdf(): Buffer {
  const text = 'BT /F1 14 Tf 72 720 Td (Warehouse ZX-4471 opens at seven in the morning.) Tj ET\n';
  return pdfWithPages([Buffer.from(`${text}% ${randomBytes(1_500_000).toString('hex')}\n`)]);
}

it('drops two files on the page, follows their jobs without holding the request, and answers from both', async () => {
  const pdf = largePdf();
  expect(pdf.byteLength).toBeGreaterThan(1.4 * 1024 * 1024);
  const page = await session.openPage();
  const notice = '# 停水通知\n\n东区宿舍楼本周三上午停水四小时。\n';
  const dropped = await page.evaluateHandle(
    ({ pdfBase64, notice }) => {
      const data = new DataTransfer();
      const bytes = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], 'warehouse.pdf', { type: 'application/pdf' }));
      data.items.add(new File([notice], '停水通知.md', { type: 'text/markdown' }));
      return data;
    },
    { pdfBase64: pdf.toString('base64'), notice },
  );
  await page.dispatchEvent('body', 'dragover', { dataTransfer: dropped });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
  expect(await page.locator('.add-document').getAttribute('open')).not.toBeNull();
  expect(await page.locator('#upload-file').evaluate((input: HTMLInputElement) => input.files?.length)).toBe(2);
  await page.fill('#upload-token', ADMIN_TOKEN);
  const started = Date.now();
  await page.click('.add-document button[type=submit]');
  await page.waitForURL(/\/upload\/jobs\?id=/);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(await page.locator('[role=status]').innerText()).toMatch(/还有 \d 个文件在处理/);
  expect(await page.locator('.job').count()).toBe(2);
  expect(await accessibilityViolations(page)).toEqual([]);
  await uploadJobsFinished(page);
  expect(await page.locator('.job-done').count()).toBe(2);
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.goto(`${session.base}/`);
  expect(await page.locator('#upload-token').inputValue()).toBe(ADMIN_TOKEN);
  await ask(page, 'When does warehouse ZX-4471 open?');
  expect(await lastTurn(page).locator('.answer-quote').innerText()).toContain('seven in the morning');
  await ask(page, '东区宿舍楼哪天停水?');
  expect(await lastTurn(page).locator('.answer-quote').innerText()).toContain('本周三');
});
