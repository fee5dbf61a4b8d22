// A first start serves before its vectors are computed (`EngineOptions.serveWhileBuilding`): the files
// read are searched by keyword at once, the answer says how far the embedding has got and is never
// marked 高, and the complete index takes over when its build is saved. The embedder here is held
// until the test lets it go, so "while the build goes on" is certain, not a matter of timing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer-engine.js';
import { createApp } from '../../src/server/app.js';
import type { Embedder } from '../../src/search/embed/embedder.js';
import { BACKEND_UNDER_TEST, MODEL_DIR, scratchDir, sharedEmbedder } from '../support/engines.js';

function noticeFolder(): string {
  const corpusDir = join(scratchDir('serve-while-building'), 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  for (let i = 1; i <= 40; i++) writeFileSync(join(corpusDir, `通知${i}.txt`), `# 第${i}号楼通知\n\n第${i}号楼本周${'一二三四五六日'[i % 7]}停电检修，时长${(i % 5) + 1}小时。\n`);
  writeFileSync(join(corpusDir, '放假.txt'), '# 放假通知\n\n国庆节放假安排：10月1日至7日放假调休，共7天。\n');
  return corpusDir;
}

/** The shared model, whose passage embedding waits for `release()`. */
async function heldEmbedder(): Promise<{ embedder: Embedder; release: () => void; passageCalls: () => number }> {
  const shared = await sharedEmbedder();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let calls = 0;
  const embedder: Embedder = {
    ...shared,
    embedQueries: (q) => shared.embedQueries(q),
    embedPassages: async (texts) => {
      calls++;
      await gate;
      return shared.embedPassages(texts);
    },
  };
  return { embedder, release, passageCalls: () => calls };
}

// On LanceDB too, for a folder small enough for the early index in memory (all but the largest).
it.each(['orama', 'lancedb'] as const)('answers a keyword-findable question while the first build embeds, then from the complete index (%s)', async (indexBackend) => {
  const { embedder, release, passageCalls } = await heldEmbedder();
  const options = { modelDir: MODEL_DIR, indexBackend, corpusDir: noticeFolder(), indexDir: join(scratchDir('serve-while-building'), 'index'), embedder };
  const engine = await AnswerEngine.open({ ...options, serveWhileBuilding: true });
  try {
    // Opened with the model still held: nothing could have been embedded.
    expect(engine.buildReport).toBeUndefined();
    expect(engine.indexing).toEqual({ done: 0, total: engine.passageCount });
    const early = await engine.ask({ question: '国庆节放假安排一共几天?' });
    expect(early.answer?.text).toContain('共7天');
    expect(early.indexing).toEqual({ done: 0, total: engine.passageCount });
    expect(early.passages.every((p) => p.relevance.level !== '高' && p.scores.vector === 0)).toBe(true);
    expect((await engine.ask({ question: '今天天气怎么样?' })).answer).toBeNull();
    expect(passageCalls()).toBeGreaterThan(0);
    // The API and /healthz say so too: serving, and how far the embedding has got.
    const app = createApp(() => engine);
    const health = await app.request('/healthz');
    expect(health.status).toBe(200);
    expect(((await health.json()) as { indexing?: unknown }).indexing).toEqual({ done: 0, total: engine.passageCount });
    const asked = (await (await app.request(`/api/ask?q=${encodeURIComponent('国庆节放假安排一共几天?')}`)).json()) as { indexing?: unknown };
    expect(asked.indexing).toEqual({ done: 0, total: engine.passageCount });
    const page = await (await app.request(`/?h=${encodeURIComponent('国庆节放假安排一共几天?')}`)).text();
    expect(page).toContain(`索引还在建立（已计算 0 / ${engine.passageCount} 段的向量），这次只按关键词查找`);

    release();
    await engine.whenBuilt();
    expect(engine.indexing).toBeUndefined();
    expect(engine.buildReport?.embedded).toBeGreaterThan(0);
    const later = await engine.ask({ question: '国庆节放假安排一共几天?' });
    expect(later.indexing).toBeUndefined();
    expect(later.answer?.text).toContain('共7天');
    expect(later.passages[0].scores.vector).toBeGreaterThan(0.3);
  } finally {
    release();
    await engine.whenBuilt();
    engine.close();
  }
  // The build was saved: the next start loads it, with nothing to serve early.
  const reopened = await AnswerEngine.open({ ...options, embedder: await sharedEmbedder(), serveWhileBuilding: true });
  expect(reopened.indexing).toBeUndefined();
  expect((await reopened.ask({ question: '国庆节放假安排一共几天?' })).answer?.text).toContain('共7天');
});

it('waits for the whole build when not asked to serve early, as the command line and the evaluations need', async () => {
  const { embedder, release } = await heldEmbedder();
  let opened = false;
  const opening = AnswerEngine.open({ modelDir: MODEL_DIR, indexBackend: BACKEND_UNDER_TEST, corpusDir: noticeFolder(), indexDir: join(scratchDir('serve-while-building'), 'index'), embedder }).then((e) => {
    opened = true;
    return e;
  });
  await new Promise((r) => setTimeout(r, 500));
  expect(opened).toBe(false);
  release();
  const engine = await opening;
  expect(engine.indexing).toBeUndefined();
  expect(engine.buildReport?.embedded).toBeGreaterThan(0);
});
