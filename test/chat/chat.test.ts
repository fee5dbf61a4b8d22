// The chat helpers on the seed pages: replaying a conversation, citing a passage, example questions.
import { beforeAll, describe, expect, it } from 'vitest';
import { citationOf } from '../../src/chat/citation.js';
import { cleanHistory, contextOf, conversationUrl, MAX_TURNS, replay } from '../../src/chat/conversation.js';
import { exampleQuestions } from '../../src/chat/example-questions.js';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { createApp } from '../../src/server/app.js';
import { openSeedEngine } from '../support/engines.js';

let engine: AnswerEngine;
beforeAll(async () => {
  engine = await openSeedEngine();
});

describe('a conversation', () => {
  it('keeps the usable questions of a history, the latest ones', () => {
    const many = Array.from({ length: MAX_TURNS + 3 }, (_, i) => `问题${i}`);
    expect(cleanHistory(['  甲 ', '', 7, 'x'.repeat(501), '乙'])).toEqual(['甲', '乙']);
    expect(cleanHistory(many)).toEqual(many.slice(-MAX_TURNS));
    expect(cleanHistory('单个问题')).toEqual(['单个问题']);
    expect(cleanHistory(undefined)).toEqual([]);
  });

  it('replays each question with the context of the ones before it', async () => {
    const turns = await replay(engine, ['冀南新区人民医院项目总投资多少?', '那第一中学呢?', '磁县推广种植了多少亩生姜?']);
    expect(turns.map((t) => t.result.followUpOf)).toEqual([undefined, '冀南新区人民医院项目总投资多少?', undefined]);
    expect(turns[0].result.answer?.text).toContain('4.33亿元');
    expect(contextOf(['冀南新区人民医院项目总投资多少?', '那第一中学呢?'])).toBe('冀南新区人民医院项目总投资多少?');
  });

  it('lives in a URL that gives the same history back', () => {
    const url = conversationUrl(['甲?', '乙 & 丙'], { docId: 'doc-1' });
    const params = new URL(url, 'http://x').searchParams;
    expect(params.getAll('h')).toEqual(['甲?', '乙 & 丙']);
    expect(params.get('doc')).toBe('doc-1');
    expect(conversationUrl([])).toBe('/');
  });
});

describe('a conversation longer than its link keeps', () => {
  const questions = Array.from({ length: MAX_TURNS + 1 }, (_, i) => `冀南新区第${i + 1}个项目投资多少?`);

  it('says so on the page, instead of dropping the oldest turns without a word', async () => {
    const app = createApp(() => engine);
    const long = await (await app.request(`/?${questions.map((q) => `h=${encodeURIComponent(q)}`).join('&')}`)).text();
    expect(long).toContain(`只保留最近 ${MAX_TURNS} 轮问答`);
    const short = await (await app.request(`/?${questions.slice(0, 3).map((q) => `h=${encodeURIComponent(q)}`).join('&')}`)).text();
    expect(short).not.toContain('只保留最近');
  });

  it('says so on the turn that goes past it', async () => {
    const app = createApp(() => engine);
    const form = (history: string[]) => {
      const body = new URLSearchParams({ question: '那第一中学呢?' });
      for (const h of history) body.append('h', h);
      return app.request('/ask', { method: 'POST', headers: { 'hx-request': 'true', 'content-type': 'application/x-www-form-urlencoded' }, body });
    };
    expect(await (await form(questions.slice(0, MAX_TURNS))).text()).toContain('只保留最近');
    expect(await (await form(questions.slice(0, 2))).text()).not.toContain('只保留最近');
  });
});

describe('a citation', () => {
  it('names the document, article and paragraph, and links to the quoted sentence in the source', async () => {
    const result = await engine.ask({ question: '冀南新区人民医院项目总投资多少?' });
    const top = result.passages[0];
    const citation = citationOf(engine, top);
    const passage = engine.passage(top.id)!;
    expect(citation.documentTitle).toBe(engine.document(top.docId)!.title);
    expect(citation.articleTitle).toBe(top.title);
    expect(citation.paragraphLabel).toBe(`第${passage.paragraphIndex + 1}段`);
    const href = new URL(citation.href, 'http://x');
    expect(href.pathname).toBe(`/docs/${top.docId}`);
    expect(href.hash).toBe(`#${passage.anchor}`);
    const paragraph = engine.document(top.docId)!.articles.flatMap((a) => a.paragraphs).find((p) => p.anchor === passage.anchor)!;
    const quoted = paragraph.text.slice(Number(href.searchParams.get('s')), Number(href.searchParams.get('e')));
    expect(quoted).toBe(top.text.slice(top.quote.start, top.quote.end));
  });
});

describe('example questions', () => {
  it('are questions about figures of the corpus, each answered with its figure', async () => {
    const examples = await exampleQuestions(engine);
    expect(examples.length).toBeGreaterThan(0);
    for (const question of examples) {
      expect(question).toMatch(/多少.*\?$/);
      const answer = (await engine.ask({ question, topK: 1 })).answer;
      expect(answer).not.toBeNull();
      expect(normalizeForMatch(answer!.text)).toMatch(/[0-9]/);
    }
  });
});
