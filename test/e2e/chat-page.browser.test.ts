// The chat page in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSeedEngine } from '../support/engines.js';
import { ask, lastTurn, openUploaded, startBrowserSession, type BrowserSession, type PageOptions } from '../support/browser.js';

const ADMIN_TOKEN = 'browser-test-token-0123';
const work = mkdtempSync(join(tmpdir(), 'xunyuan-browser-'));
const uploadsDir = join(work, 'uploads');
let session: BrowserSession;
let base = '';
const openPage = (options?: PageOptions) => session.openPage(options);

beforeAll(async () => {
  session = await startBrowserSession(await openSeedEngine({ uploadsDir }), ADMIN_TOKEN);
  base = session.base;
});

afterEach(() => session.closePages());

afterAll(async () => {
  await session?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('chat page', () => {
  it('answers a typed question with a quoted sentence, its source and the other passages', async () => {
    const page = await openPage();
    await ask(page, '冀南新区人民医院项目总投资多少?');
    const turn = lastTurn(page);
    await expect.poll(() => turn.locator('.bubble').innerText()).toContain('冀南新区人民医院项目总投资多少?');
    expect(await turn.locator('.answer-quote').innerText()).toContain('总投资4.33亿元的冀南新区人民医院项目即将开工建设');
    expect(await turn.locator('.answer-quote mark').count()).toBeGreaterThan(0);
    expect(await turn.locator('.passages li').count()).toBe(4);
    expect(await page.locator('#announcer').innerText()).toBe(`答：${await turn.locator('.answer-quote').innerText()}`);
    expect(await page.locator('#question').inputValue()).toBe('');
    expect(await page.locator('.empty-state').isVisible()).toBe(false);
    if (process.env.SCREENSHOT) {
      mkdirSync(dirname(resolve(process.env.SCREENSHOT)), { recursive: true });
      await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      await page.screenshot({ path: resolve(process.env.SCREENSHOT) });
    }
  });

  it('copies the answer with its source and an absolute link to the clipboard', async () => {
    const page = await openPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await ask(page, '冀南新区人民医院项目总投资多少?');
    const button = lastTurn(page).locator('.copy-answer');
    await button.click();
    await expect.poll(() => button.innerText()).toBe('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const [answer, source, link] = copied.split('\n');
    expect(answer).toContain('总投资4.33亿元的冀南新区人民医院项目即将开工建设');
    expect(source).toMatch(/^——《.+》 · 第\d+段$/);
    expect(link).toMatch(new RegExp(`^${base}/docs/[^?]+\\?p=p\\d+&s=\\d+&e=\\d+#p\\d+$`));
    expect((await page.request.get(link)).status()).toBe(200);
  });

  it('expands the paragraphs around the quote in place, without leaving the chat', async () => {
    const page = await openPage();
    await ask(page, '磁县推广种植了多少亩生姜?');
    const fold = lastTurn(page).locator('.context').first();
    expect(await fold.locator('.cited-paragraph').isVisible()).toBe(false);
    await fold.locator('summary').click();
    await expect.poll(() => fold.locator('.cited-paragraph').isVisible()).toBe(true);
    const quote = await lastTurn(page).locator('.answer-quote').innerText();
    expect(await fold.locator('.cited-paragraph').innerText()).toContain(quote.trim().slice(0, 12));
    expect(await fold.locator('.neighbour').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('opens the cited paragraph scrolled into view, highlighted, with the quoted sentence marked', async () => {
    const page = await openPage();
    await ask(page, '磁县推广种植了多少亩生姜?');
    const quote = await lastTurn(page).locator('.answer-quote').innerText();
    await lastTurn(page).locator('.card > .source a.cite').click();
    await page.waitForURL(/\/docs\/[^#]+#p[0-9]+$/);
    const anchor = new URL(page.url()).hash.slice(1);
    const paragraph = page.locator(`[id="${anchor}"]`);
    expect(await paragraph.getAttribute('class')).toContain('cited');
    expect(await paragraph.locator('mark.quote').innerText()).toBe(quote);
    await expect.poll(() => paragraph.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
    expect(await page.locator('a[data-back]').evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
    await page.click('a[data-back]');
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.locator('#conversation .turn').count()).toBe(1);
  });

  it('reads a short follow-up in the context of the previous question', async () => {
    const page = await openPage();
    await ask(page, '冀南新区人民医院投资多少?');
    await ask(page, '那第一中学呢?');
    const turn = lastTurn(page);
    expect(await turn.locator('.answer-quote').innerText()).toContain('总投资7.6亿元的冀南新区第一中学项目');
    expect(await turn.locator('.read-as').innerText()).toContain('冀南新区人民医院投资多少');
    await page.reload();
    expect(await page.locator('#conversation .turn').count()).toBe(2);
    await page.click('a.new-chat');
    expect(await page.locator('#conversation .turn').count()).toBe(0);
  });

  it('shows typed markup as text and runs none of it', async () => {
    const page = await openPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const attack = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await ask(page, attack);
    expect(await lastTurn(page).locator('.bubble').innerText()).toContain(attack);
    expect(await page.locator('#conversation img, #conversation script').count()).toBe(0);
    await page.reload();
    expect(await lastTurn(page).locator('.bubble').innerText()).toContain(attack);
    expect(dialogs).toBe(0);
  });

  it('never offers a masthead, a lone date or a kicker as a passage', async () => {
    const page = await openPage();
    await ask(page, '衡水日报');
    const texts = await lastTurn(page).locator('.answer-quote, .excerpt').allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toMatch(/HENGSHUIRIBAO|hsrb\.com|^\s*2021年12月3日\s*$|^\s*中共衡水市委主办\s*$/);
  });

  it('offers example questions from the corpus that are clickable and answered', async () => {
    const page = await openPage();
    const examples = page.locator('.empty-state button.example');
    expect(await examples.count()).toBeGreaterThanOrEqual(4);
    const text = await examples.first().innerText();
    await examples.first().click();
    await expect.poll(() => page.locator('#conversation .turn .answer-quote').count()).toBe(1);
    expect(await lastTurn(page).locator('.bubble').innerText()).toContain(text);
  });

  it('says plainly when the documents hold no answer, and offers what to do', async () => {
    const page = await openPage();
    await ask(page, '推荐一部好看的电影');
    const card = lastTurn(page).locator('.card');
    expect(await card.innerText()).toContain('没有在文档中找到相关内容');
    expect(await card.locator('button.example').count()).toBeGreaterThan(0);
    expect(await card.locator('a[href="/docs"]').count()).toBe(1);
  });

  it('sends on Enter only: Shift+Enter adds a line, and a double submit asks once', async () => {
    const page = await openPage();
    await page.fill('#question', '邯郸');
    await page.press('#question', 'Shift+Enter');
    expect(await page.locator('#question').inputValue()).toBe('邯郸\n');
    expect(await page.locator('#conversation .turn').count()).toBe(0);
    await page.fill('#question', '磁县推广种植了多少亩生姜?');
    await page.press('#question', 'Enter');
    await page.press('#question', 'Enter');
    await page.locator('button[type=submit]').first().click({ force: true }).catch(() => undefined);
    await expect.poll(() => page.locator('#conversation .turn:not(.pending)').count()).toBe(1);
    await page.waitForTimeout(500);
    expect(await page.locator('#conversation .turn').count()).toBe(1);
  });

  it('works without JavaScript: the form posts and a full page comes back', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.fill('#question', '冀南新区人民医院项目总投资多少?');
    await page.click('#ask-form button[type=submit]');
    await page.waitForURL(/\?h=/);
    expect(await page.locator('.answer-quote').innerText()).toContain('总投资4.33亿元');
    await page.fill('#question', '那第一中学呢?');
    await page.click('#ask-form button[type=submit]');
    await page.waitForURL(/&h=/);
    expect(await lastTurn(page).locator('.answer-quote').innerText()).toContain('第一中学');
  });

  it('fits a 375-pixel-wide phone without sideways scrolling', async () => {
    const page = await openPage({ width: 375 });
    await ask(page, '冀南新区人民医院项目总投资多少?');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await page.locator('label[for="question"]').count()).toBe(1);
  });

  it('adds a document from the upload form and answers from it in the scoped conversation', async () => {
    const page = await openPage();
    const file = join(work, '图书馆通知.txt');
    writeFileSync(file, '# 图书馆通知\n\n市图书馆新馆将于下月十五日开馆，藏书八十万册。\n');
    await page.click('.add-document summary');
    await page.setInputFiles('#upload-file', file);
    await page.fill('#upload-token', ADMIN_TOKEN);
    await page.click('.add-document button[type=submit]');
    await openUploaded(page);
    expect(await page.locator('.added-notice').innerText()).toContain('已添加《图书馆通知》');
    expect(await page.locator('#scope').inputValue()).toBe('图书馆通知');
    await ask(page, '新馆藏书多少册?');
    expect(await lastTurn(page).locator('.answer-quote').innerText()).toContain('八十万册');
  });
});
