// A first start on a folder, in real Chromium: while the index is built (the embedder slowed down so
// the build takes seconds) the page shows how far it has got and the documents page what has been
// read, then the page becomes the chat page by itself, and answers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer-engine.js';
import { StartTracker } from '../../src/engine/start-progress.js';
import type { Embedder } from '../../src/search/embed/embedder.js';
import { BACKEND_UNDER_TEST, MODEL_DIR, scratchDir, sharedEmbedder } from '../support/engines.js';
import { accessibilityViolations, ask, lastTurn, startBrowserSession, type BrowserSession } from '../support/browser.js';

/** Each passage batch takes this much longer: a dozen passages take a few seconds to embed. */
const SLOWDOWN_MS = 400;

let session: BrowserSession | undefined;
afterAll(() => session?.close());

it('shows the first build’s progress within 2 s, then the chat page by itself, which answers', async () => {
  const work = scratchDir('first-build');
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir);
  for (let i = 1; i <= 12; i++) writeFileSync(join(corpusDir, `通知${i}.txt`), `# 第${i}号通知\n\n第${i}号楼本周${'一二三四五六日'[i % 7]}停电检修，时长${i}小时。\n`);
  writeFileSync(join(corpusDir, '放假.txt'), '# 放假通知\n\n国庆节放假安排：10月1日至7日放假调休，共7天。\n');
  const shared = await sharedEmbedder();
  // One call at a time, as a model takes them: a build keeps a few in flight.
  let previous: Promise<unknown> = Promise.resolve();
  const slow: Embedder = {
    ...shared,
    embedQueries: (q) => shared.embedQueries(q),
    embedPassages: (texts) => {
      const call = previous.then(async () => {
        await new Promise((r) => setTimeout(r, SLOWDOWN_MS));
        return shared.embedPassages(texts);
      });
      previous = call;
      return call;
    },
  };
  const start = new StartTracker();
  let engine: AnswerEngine | undefined;
  session = await startBrowserSession(() => engine, undefined, { startProgress: () => (engine ? undefined : start.progress), documentsRead: () => start.documentsRead });
  const opening = AnswerEngine.open({
    modelDir: MODEL_DIR,
    indexBackend: BACKEND_UNDER_TEST,
    corpusDir,
    indexDir: join(work, 'index'),
    embedder: slow,
    onRead: start.onRead,
    onProgress: start.onProgress,
  }).then((e) => (engine = e));

  const started = Date.now();
  const page = await session.openPage();
  await expect.poll(() => page.locator('[role=status]').innerText(), { timeout: 3_000, interval: 100 }).toMatch(/正在(读取文件|计算段落向量)/);
  expect(Date.now() - started).toBeLessThan(2_000 + 1_000);
  await expect.poll(() => page.locator('[role=status]').innerText(), { timeout: 30_000, interval: 100 }).toMatch(/计算段落向量.*\d+ \/ \d+/);
  expect(await page.locator('progress').count()).toBe(1);
  expect(await accessibilityViolations(page)).toEqual([]);
  const docs = await session.openPage({ path: '/docs' });
  expect(await docs.locator('[role=status]').innerText()).toMatch(/已经读取 13 篇文档/);
  expect(await docs.locator('.documents-read li').allInnerTexts()).toContain('放假.txt');
  expect(await accessibilityViolations(docs)).toEqual([]);
  await opening;
  await page.waitForSelector('#question', { timeout: 30_000 });
  await ask(page, '国庆节放几天假?');
  expect(await lastTurn(page).locator('.answer-quote').innerText()).toContain('共7天');
}, 120_000);
