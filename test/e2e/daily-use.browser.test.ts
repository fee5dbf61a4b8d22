// Ordinary office documents (minutes, a notice, a Markdown FAQ, an HTML page) used day to day in real
// Chromium: field questions, sections, the documents page, kept conversations, focus, small screens, and
// axe-core on every kind of page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { citationOf } from '../../src/chat/citation.js';
import { addDocument, removeDocument } from '../../src/engine/document-writes.js';
import { openEngine, scratchDir } from '../support/engines.js';
import { accessibilityViolations, ask, lastTurn, openUploaded, startBrowserSession, type BrowserSession } from '../support/browser.js';

const ADMIN_TOKEN = 'daily-use-token-0123';
const work = mkdtempSync(join(tmpdir(), 'xunyuan-daily-'));
let session: BrowserSession;
let engine: AnswerEngine;

beforeAll(async () => {
  engine = await openEngine({ corpusDir: resolve('test/fixtures/office'), indexDir: join(scratchDir('office'), 'index'), uploadsDir: join(work, 'uploads') });
  session = await startBrowserSession(engine, ADMIN_TOKEN);
});

afterEach(() => session.closePages());

afterAll(async () => {
  await session?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('accessibility', () => {
  it('axe-core finds no violations on the home page, an answered page and a no-answer page', async () => {
    const page = await session.openPage();
    expect(await accessibilityViolations(page)).toEqual([]);
    await ask(page, '会议是谁主持的');
    await ask(page, '会议是谁主持的');
    expect(await accessibilityViolations(page)).toEqual([]);
    await ask(page, '推荐一部好看的电影');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('axe-core finds no violations on the documents page and a source page', async () => {
    const page = await session.openPage({ path: '/docs' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.locator('main a[href^="/docs/"]').first().click();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('axe-core finds no violations on a spreadsheet shown as its table, a cell cited', async () => {
    const table = '地区,2025年GDP（亿元）,增速\n浙江,90131,5.5%\n广东,141634,4.1%\n';
    const added = await addDocument(engine, { fileName: '各地经济.csv', bytes: Buffer.from(table) });
    if ('error' in added) throw new Error(added.error.message);
    try {
      const r = await engine.ask({ question: '广东2025年GDP增速是多少?', docId: added.document.id });
      const page = await session.openPage({ path: citationOf(engine, r.passages[0]).href });
      expect(await page.locator('tr[aria-current] mark').innerText()).toBe('4.1%');
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await removeDocument(engine, added.document.id);
    }
  });
});

describe('office documents', () => {
  it('answers who, when and where a meeting was held, and which office sent a notice and when', async () => {
    const page = await session.openPage();
    const answers: Record<string, string> = {
      会议是谁主持的: '王建国',
      会议是哪天开的: '2024年10月15日',
      会议在哪里开的: '公司三楼大会议室',
      通知是哪个部门发的: '行政人事部',
      通知是什么时候发的: '2024年9月20日',
    };
    for (const [question, answer] of Object.entries(answers)) {
      await ask(page, question);
      expect(await lastTurn(page).locator('.answer-phrase').innerText()).toContain(answer);
    }
  });

  it('shows Markdown without its marks and answers from the section the question names', async () => {
    const page = await session.openPage();
    await ask(page, '青禾水杯保温效果怎么样');
    const card = lastTurn(page).locator('.card');
    expect(await card.locator('.answer-quote').innerText()).toContain('12小时');
    expect(await card.locator('.card > .source, .source').first().innerText()).toContain('保温效果');
    expect(await card.innerText()).not.toContain('**');
    await card.locator('a.cite').first().click();
    await page.waitForURL(/\/docs\//);
    expect(await page.locator('.doc').innerText()).not.toContain('**');
  });

  it('answers a broad question with every document, each linked', async () => {
    const page = await session.openPage();
    await ask(page, '这些文档都讲了什么');
    const links = lastTurn(page).locator('.overview > li > a');
    expect(await links.count()).toBe(4);
    expect(await lastTurn(page).locator('.overview').innerText()).toContain('青禾水杯常见问题');
    await links.first().click();
    await page.waitForURL(/\/docs\//);
    expect(await page.locator('.doc h1').count()).toBe(1);
  });
});

describe('a question scoped to one document', () => {
  it('says when nothing was found in that document, and suggests from it', async () => {
    const page = await session.openPage();
    const title = (await page.locator('#scope-options option[value*="会议纪要"]').getAttribute('value'))!;
    const docId = (await (await fetch(`${session.base}/api/documents`)).json()).documents.find((d: { title: string }) => d.title === title).id;
    await page.fill('#scope', title);
    await ask(page, '外来车辆停车怎么收费');
    const card = lastTurn(page).locator('.card');
    expect(await card.locator('.nothing').innerText()).toContain('只在《公司第三季度工作总结会会议纪要》这一篇里查找：在所选范围内没有找到相关内容');
    expect(await card.locator(`a[href="/docs/${encodeURIComponent(docId)}"]`).count()).toBe(1);
    const suggested = card.locator('.examples form');
    expect(await suggested.count()).toBeGreaterThan(0);
    for (const form of await suggested.all()) expect(await form.locator('input[name=docId]').getAttribute('value')).toBe(docId);
  });
});

describe('kept conversations', () => {
  it('lists a conversation after a reload and reopens it with its turns', async () => {
    const page = await session.openPage();
    await ask(page, '国庆节放假几天');
    await ask(page, '外来车辆停车怎么收费');
    await page.goto(`${session.base}/`);
    const kept = page.locator('#saved-conversations li a').first();
    expect(await kept.innerText()).toBe('国庆节放假几天');
    await kept.click();
    await expect.poll(() => page.locator('#conversation .turn').count()).toBe(2);
    expect(await lastTurn(page).locator('.answer-quote').innerText()).toContain('每小时5元');
    await ask(page, '停车场几点开门');
    await page.goto(`${session.base}/`);
    expect(await page.locator('#saved-conversations li').count()).toBe(1);
    expect(await page.locator('#saved-conversations .saved-when').first().innerText()).toContain('3 问');
    await page.click('#saved-conversations .clear-saved');
    expect(await page.locator('#saved-conversations').isVisible()).toBe(false);
  });
});

describe('the documents page', () => {
  it('notices the same file uploaded twice, and deletes an upload with the admin token', async () => {
    const page = await session.openPage({ path: '/docs' });
    const file = join(work, '食堂通知.txt');
    writeFileSync(file, '# 食堂通知\n\n职工食堂自下周一起延长晚餐供应时间至晚上八点。\n');
    const upload = async () => {
      await page.goto(`${session.base}/docs`);
      await page.click('.add-document summary');
      await page.setInputFiles('#upload-file', file);
      await page.fill('#upload-token', ADMIN_TOKEN);
      await page.click('.add-document button[type=submit]');
      await openUploaded(page);
    };
    await upload();
    expect(await page.locator('.added-notice').innerText()).toContain('已添加《食堂通知》');
    await upload();
    expect(await page.locator('.added-notice').innerText()).toContain('已经添加过了');

    await page.goto(`${session.base}/docs`);
    const item = page.locator('.doc-table tbody tr', { hasText: '食堂通知' });
    expect(await item.count()).toBe(1);
    expect(await item.locator('.uploaded-tag').innerText()).toBe('上传');
    await item.locator('input[name=token]').fill(ADMIN_TOKEN);
    await item.locator('button[type=submit]').click();
    await page.waitForURL(/\/docs/);
    expect(await page.locator('.doc-table tbody tr', { hasText: '食堂通知' }).count()).toBe(0);
  });
});

describe('focus and small screens', () => {
  it('never leaves the focused link under the fixed question box', async () => {
    const page = await session.openPage({ height: 700 });
    for (const q of ['国庆节放假几天', '外来车辆停车怎么收费', '水杯可以放进洗碗机吗']) await ask(page, q);
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await page.locator('#conversation a').first().focus();
    let checked = 0;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const hidden = await page.evaluate(() => {
        const focused = document.activeElement;
        const box = document.getElementById('ask-form')!;
        if (!focused || box.contains(focused) || !document.getElementById('conversation')!.contains(focused)) return null;
        return focused.getBoundingClientRect().bottom > box.getBoundingClientRect().top;
      });
      if (hidden === null) continue;
      checked++;
      expect(hidden).toBe(false);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('keeps the question box on one row at 320 px, and small beside a phone held sideways', async () => {
    const narrow = await session.openPage({ width: 320, height: 640, mobile: true });
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const middle = (selector: string) => narrow.locator(selector).evaluate((el) => el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2);
    expect(Math.abs((await middle('#ask-form button[type=submit]')) - (await middle('#scope')))).toBeLessThan(4);

    const sideways = await session.openPage({ width: 740, height: 375, mobile: true });
    await ask(sideways, '国庆节放假几天', 'tap');
    const height = (selector: string) => sideways.locator(selector).evaluate((el) => el.getBoundingClientRect().height);
    expect((await height('.site-header')) + (await height('#ask-form'))).toBeLessThan(375 * 0.4);
  });

  it('on a phone, says to tap 提问 rather than press Enter, and Enter starts a new line', async () => {
    const page = await session.openPage({ width: 390, height: 800, mobile: true });
    expect(await page.locator('#question').getAttribute('placeholder')).not.toContain('Enter');
    await page.fill('#question', '国庆节');
    await page.press('#question', 'Enter');
    expect(await page.locator('#question').inputValue()).toBe('国庆节\n');
    expect(await page.locator('#conversation .turn').count()).toBe(0);
  });
});
