// The page as printed, in real Chromium: 查看原文 on an answer from a text PDF opens the source view
// with the PDF's pages drawn beside the text, the cited lines outlined and the quoted sentence shaded,
// on both pages when the sentence runs across the page break; a scanned page the same way; and
// axe-core finds nothing on either.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, scratchDir } from '../support/engines.js';
import { accessibilityViolations, ask, lastTurn, startBrowserSession, type BrowserSession } from '../support/browser.js';

const work = scratchDir('page-view');
let session: BrowserSession;

beforeAll(async () => {
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir);
  cpSync('test/fixtures/formats/flood-plan.pdf', join(corpusDir, 'flood-plan.pdf'));
  // The scan with a comment after its end: other bytes, so no other suite's reading of it is shared (the
  // parse cache is the process's) and this suite's OCR reads its page into its own cache.
  writeFileSync(join(corpusDir, 'bus-change-scan.pdf'), Buffer.concat([readFileSync('test/fixtures/formats/bus-change-scan.pdf'), Buffer.from('\n% page-view suite\n')]));
  session = await startBrowserSession(await openEngine({ corpusDir, indexDir: join(work, 'index') }));
});

afterEach(() => session.closePages());
afterAll(() => session?.close());

/** Each shown page figure: its caption, how many lines are outlined and shaded, and whether its image loads. */
async function figures(page: import('playwright-core').Page) {
  return page.locator('figure.scan').evaluateAll(async (nodes) =>
    Promise.all(
      nodes.map(async (figure) => {
        const href = figure.querySelector('image')!.getAttribute('href')!;
        const image = await fetch(href);
        return {
          caption: figure.querySelector('figcaption')!.textContent,
          outlined: figure.querySelectorAll('rect.cited-line').length,
          shaded: figure.querySelectorAll('rect.quoted-line').length,
          image: `${image.status} ${image.headers.get('content-type')}`,
        };
      }),
    ),
  );
}

describe('the page as printed', () => {
  it('opens a text PDF at its pages, the sentence across the page break outlined and shaded on both', async () => {
    const page = await session.openPage();
    await ask(page, '东溪镇的救生衣多久清点一次?');
    expect(await lastTurn(page).locator('.answer-quote').innerText()).toContain('每月清点一次');
    await lastTurn(page).locator('.card > .source a.cite').click();
    await page.waitForURL(/\/docs\/flood-plan/);
    const shown = await figures(page);
    expect(shown.map((f) => f.caption)).toEqual(['第 1 页原图：框出的是引文所在的行，涂色的是引用的句子', '第 2 页原图：框出的是引文所在的行，涂色的是引用的句子']);
    // The paragraph's lines are outlined; the quoted sentence's (its end on page 1, its rest on page 2) shaded.
    for (const figure of shown) {
      expect(figure.shaded).toBeGreaterThan(0);
      expect(figure.outlined).toBeGreaterThanOrEqual(figure.shaded);
      expect(figure.image).toBe('200 image/png');
    }
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows no page of a text PDF where nothing is cited, and a scanned page with its cited lines', async () => {
    const page = await session.openPage({ path: '/docs/flood-plan' });
    expect(await page.locator('figure.scan').count()).toBe(0);
    await page.goto(`${session.base}/`);
    await ask(page, '7路公交首班车几点发车?');
    await lastTurn(page).locator('.card > .source a.cite').click();
    await page.waitForURL(/\/docs\/bus-change-scan/);
    const [scan] = await figures(page);
    expect(scan.caption).toMatch(/^第 1 页原图：框出的是引文所在的行/);
    expect(scan.outlined).toBeGreaterThan(0);
    expect(scan.image).toBe('200 image/png');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
