// A corpus of 500 documents in folders, in real Chromium: the 范围 field scoped to a folder (and the
// offer to ask everywhere when the folder has nothing), a broad question summarised by folder, and the
// documents page searched, narrowed to a folder and paged, light and without axe-core violations.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTS_PER_PAGE } from '../../src/chat/document-listing.js';
import { openEngine, scratchDir } from '../support/engines.js';
import { accessibilityViolations, ask, lastTurn, startBrowserSession, type BrowserSession } from '../support/browser.js';
import { DISTRICTS, folderCorpus } from '../support/folder-corpus.js';

const NOTICES = 494;
const TOTAL = NOTICES + 6;
let session: BrowserSession;

beforeAll(async () => {
  const engine = await openEngine({ corpusDir: folderCorpus(NOTICES), indexDir: join(scratchDir('folders-browser'), 'index') });
  expect(engine.documents()).toHaveLength(TOTAL);
  session = await startBrowserSession(engine);
}, 300_000);

afterEach(() => session.closePages());
afterAll(() => session?.close());

describe('范围 by folder', () => {
  it('answers only from the chosen folder, says when it holds nothing, and asks everywhere on request', async () => {
    const page = await session.openPage();
    expect(await page.locator('#scope-options option[value="文件夹：notices/海淀"]').count()).toBe(1);
    // Empty for everything, so the browser suggests every folder and document, not only 全部文档.
    expect(await page.locator('#scope').inputValue()).toBe('');
    expect(await page.locator('#scope').getAttribute('placeholder')).toBe('全部文档');
    await page.fill('#scope', '文件夹：office');
    await ask(page, '试用期最长不得超过多久');
    const nothing = lastTurn(page).locator('.nothing');
    expect(await nothing.innerText()).toContain('只在文件夹「office」里查找：在所选范围内没有找到相关内容');
    expect(await accessibilityViolations(page)).toEqual([]);
    const before = await page.locator('#conversation .turn').count();
    await lastTurn(page).locator('.ask-everywhere button').click();
    await expect.poll(() => page.locator('#conversation .turn:not(.pending)').count()).toBe(before + 1);
    expect(await lastTurn(page).locator('.answer-quote').innerText()).toContain('六个月');

    await page.fill('#scope', '文件夹：laws');
    await ask(page, '试用期最长不得超过多久');
    expect(await lastTurn(page).locator('.answer-quote').innerText()).toContain('六个月');
    expect(page.url()).toContain('folder=laws');
  });

  it('answers a broad question by folder, the largest first', async () => {
    const page = await session.openPage();
    await ask(page, '这些文档讲了什么');
    const folders = lastTurn(page).locator('.overview > li > a');
    expect(await folders.first().innerText()).toBe(`notices（${NOTICES} 篇）`);
    expect(await folders.count()).toBe(3);
  });
});

describe('the documents page at 500 documents', () => {
  it('is paged and light, lists folders, and groups rows by folder', async () => {
    const response = await fetch(`${session.base}/docs`);
    expect((await response.arrayBuffer()).byteLength).toBeLessThan(200 * 1024);
    const page = await session.openPage({ path: '/docs' });
    expect(await page.locator('.doc-table tbody tr').count()).toBe(DOCUMENTS_PER_PAGE);
    expect(await page.locator('.pager [aria-current=page]').innerText()).toBe(`第 1 / ${Math.ceil(TOTAL / DOCUMENTS_PER_PAGE)} 页`);
    expect(await page.locator('.folder-nav li a').allInnerTexts()).toEqual(['laws', 'notices', 'office']);
    expect(await page.locator('.doc-group h2').first().innerText()).toBe('laws');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.locator('.pager a', { hasText: '下一页' }).click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('.pager [aria-current=page]').innerText()).toContain('第 2 /');
  });

  it('finds documents by title, within a folder, and opens one', async () => {
    const page = await session.openPage({ path: '/docs' });
    await page.locator('.folder-nav a', { hasText: 'notices' }).click();
    await page.waitForURL(/folder=notices/);
    expect(await page.locator('.folder-nav li a').allInnerTexts()).toEqual(DISTRICTS.map((d) => `notices/${d}`).sort((a, b) => a.localeCompare(b)));
    await page.fill('#doc-search', '海淀第15号');
    await page.press('#doc-search', 'Enter');
    await page.waitForURL(/q=/);
    const rows = page.locator('.doc-table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').nth(1).innerText()).toBe('TXT');
    expect(await accessibilityViolations(page)).toEqual([]);
    await rows.first().locator('a').click();
    await page.waitForURL(/\/docs\/notices/);
    expect(await page.locator('.doc h1').innerText()).toBe('海淀第15号仓库通知');
  });
});
