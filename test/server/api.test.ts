import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer-engine.js';
import { HIGH_CONFIDENCE } from '../../src/search/answer/no-answer.js';
import { NO_ANSWER_RULE } from '../../src/search/knobs.js';
import { createApp } from '../../src/server/app.js';
import { openSeedEngine } from '../support/engines.js';

const indexDir = mkdtempSync(join(tmpdir(), 'xunyuan-api-'));
let engine: AnswerEngine | undefined;
const app = createApp(() => engine);

const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/api/ask', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('before the index is loaded', () => {
  it('healthz and the API answer 503', async () => {
    expect((await app.request('/healthz')).status).toBe(503);
    const res = await post({ question: '邯郸' });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('index_loading');
  });
});

describe('JSON API on the seeds', () => {
  beforeAll(async () => {
    engine = await openSeedEngine();
  });
  afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

  it('healthz is 200 once loaded', async () => {
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('POST /api/ask returns the answer sentence and ranked passages in the documented shape', async () => {
    const res = await post({ question: '冀南新区人民医院项目总投资多少?' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.answer.text).toContain('总投资4.33亿元的冀南新区人民医院项目即将开工建设');
    expect(body.answer.text.slice(body.answer.phrase.start, body.answer.phrase.end)).toBe('4.33亿元');
    expect(body.passages).toHaveLength(5);
    for (const p of body.passages) {
      expect(Object.keys(p).sort()).toEqual(['docId', 'highlights', 'id', 'quote', 'relevance', 'score', 'scores', 'text', 'title', 'url']);
      // 高 also needs the quoted sentence to hold the question's key words, which the response does not carry: only its confidence is checked.
      if (p.relevance.level === '高') expect(p.relevance.confidence).toBeGreaterThanOrEqual(HIGH_CONFIDENCE);
      else expect(p.relevance.level).toBe(p.relevance.confidence >= NO_ANSWER_RULE.minConfidence ? '中' : '低');
      expect(p.quote.start).toBeGreaterThanOrEqual(0);
      expect(p.quote.end).toBeLessThanOrEqual(p.text.length);
      for (const h of p.highlights) expect(h.end).toBeLessThanOrEqual(p.text.length);
      expect(p.url).toMatch(/^\/docs\/[\w-]+#p\d+$/);
    }
    const top = body.passages[0];
    expect(top.text.slice(top.quote.start, top.quote.end)).toBe(body.answer.text);
    expect(top.relevance.level).not.toBe('低');
    expect(typeof body.tookMs).toBe('number');
    expect((await app.request(top.url.split('#')[0])).status).toBe(200);
  });

  it('GET /api/ask with topK and docId ranks within that document', async () => {
    const docs = (await (await app.request('/api/documents')).json()).documents;
    const target = docs[1].id;
    const res = await app.request(`/api/ask?q=${encodeURIComponent('老旧小区改造')}&topK=3&docId=${target}`);
    const body = await res.json();
    expect(body.passages).toHaveLength(3);
    expect(body.passages.every((p: { docId: string }) => p.docId === target)).toBe(true);
  });

  it('finds 邯郸 when asked for 邯鄲 and the other way round', async () => {
    for (const q of ['邯鄲职教城二期项目总投资多少?', '邯郸职教城二期项目总投资多少?']) {
      const body = await (await post({ question: q })).json();
      expect(body.passages[0].text).toContain('66.5亿元');
    }
  });

  it('off-topic questions get answer null and a message in Chinese', async () => {
    for (const question of ['今天天气怎么样?', '量子计算机的原理是什么?', '推荐一部好看的电影']) {
      const body = await (await post({ question })).json();
      expect(body.answer).toBeNull();
      expect(body.message).toBe('没有在文档中找到相关内容');
    }
  });

  it('says a question limited to one document found nothing there, not in the documents at all', async () => {
    const documents = (await (await app.request('/api/documents')).json()).documents as { id: string }[];
    const body = await (await post({ question: '今天天气怎么样?', docId: documents[0].id })).json();
    expect(body.answer).toBeNull();
    expect(body.message).toBe('在所选范围内没有找到相关内容');
  });

  it('rejects bad requests with a JSON error', async () => {
    const cases: [Response, number][] = [
      [await post({}), 400],
      [await post({ question: '   ' }), 400],
      [await post({ question: '邯郸', topK: 0 }), 400],
      [await post({ question: '邯郸', topK: 2.5 }), 400],
      [await post({ question: 'x'.repeat(501) }), 400],
      [await post('{not json'), 400],
      [await post({ question: '邯郸' }, { 'content-type': 'text/plain' }), 415],
      [await post({ question: '邯郸', docId: 'no-such-doc' }), 404],
      [await app.request('/api/ask?topK=3'), 400],
      [await app.request('/api/documents/no-such-doc'), 404],
      [await app.request('/api/no-such-route'), 404],
    ];
    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(typeof body.error.code).toBe('string');
      expect(typeof body.error.message).toBe('string');
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('lists documents and returns one with paragraph anchors', async () => {
    const { documents } = await (await app.request('/api/documents')).json();
    expect(documents).toHaveLength(5);
    const doc = await (await app.request(`/api/documents/${documents[0].id}`)).json();
    expect(doc.articles[0].paragraphs[0].anchor).toMatch(/^p\d+$/);
  });

  it('describes itself in OpenAPI, generated from the request schemas', async () => {
    const spec = await (await app.request('/api/openapi.json')).json();
    expect(spec.paths['/api/ask'].post).toBeDefined();
    expect(spec.components.schemas.AskRequest.properties.topK.maximum).toBe(20);
  });

  it('never serves a path outside the corpus', async () => {
    expect((await app.request('/docs/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });

  it('answers a broad question from the documents’ structure, each document and article linked', async () => {
    for (const question of ['这几篇报道讲了什么?', '有哪些文章', '概括一下']) {
      const body = await (await post({ question })).json();
      expect(body.answer, question).toBeNull();
      expect(body.overview, question).toHaveLength(5);
      for (const d of body.overview) {
        expect((await app.request(d.url)).status).toBe(200);
        expect(d.articles.length).toBeGreaterThan(0);
        for (const a of d.articles) expect(a.url).toMatch(new RegExp(`^${d.url}#a\\d+$`));
      }
    }
    const titles = (await (await post({ question: '有哪些文章' })).json()).overview.flatMap((d: { articles: { title: string }[] }) => d.articles.map((a) => a.title));
    expect(titles).toContain('磁县推广生姜种植带动农民增收');
    const specific = await (await post({ question: '冀南新区讲了什么?' })).json();
    expect(specific.overview).toBeUndefined();
    const page = await (await app.request(`/?h=${encodeURIComponent('这几篇报道讲了什么?')}`)).text();
    expect(page).toContain('class="overview"');
    expect(page).toContain('磁县推广生姜种植带动农民增收');
  });
});
