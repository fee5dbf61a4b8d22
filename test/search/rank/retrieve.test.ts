// What keyword search is asked: a large corpus's most common words are left out of it, a small
// corpus's never are.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/ingest/document-model.js';
import { memoryCorpus } from '../../../src/search/index/corpus.js';
import type { CorpusIndex } from '../../../src/search/index/corpus-index.js';
import { oramaBackend } from '../../../src/search/index/orama/orama-index.js';
import type { KeywordQuery } from '../../../src/search/index/passage-index.js';
import { KEYWORD_LONG_POSTINGS, PREPARED_PASSAGES } from '../../../src/search/knobs.js';
import { readQuestion } from '../../../src/search/question/question.js';
import { retrieve } from '../../../src/search/rank/retrieve.js';
import { rank } from '../../../src/search/rank/stages.js';

const DIMS = 2;

/** `n` passages of one document each, all saying 项目建设, and the first also naming 滏阳河大桥. */
async function corpusOf(n: number): Promise<{ index: CorpusIndex; asked: string[] }> {
  const passages: Passage[] = Array.from({ length: n }, (_, i) => {
    const text = `${i === 0 ? '滏阳河大桥' : '道路'}项目建设第${i}号`;
    return { id: `d${i}:0:0`, docId: `d${i}`, articleIndex: 0, title: '', paragraphIndex: 0, anchor: 'p0', text, start: 0, end: text.length, sourceStart: 0, sourceEnd: text.length, sentences: [{ start: 0, end: text.length }] };
  });
  const vectors = Float32Array.from(passages.flatMap(() => [1, 0]));
  const documents = passages.map((p) => ({ id: p.docId, path: `${p.docId}.txt`, sourceHash: p.docId, title: p.docId, articles: [{ index: 0, title: '', paragraphs: [] }] }));
  const search = await oramaBackend.create(DIMS);
  await search.insert(passages, vectors);
  const asked: string[] = [];
  const recording = { ...search, size: search.size, documentFrequency: search.documentFrequency, keywordSearch: (q: KeywordQuery) => (asked.push(q.terms.join(' ')), search.keywordSearch(q)) };
  return { index: { corpus: memoryCorpus(documents, passages, vectors, DIMS), dimensions: DIMS, search: recording }, asked };
}

describe('the words keyword search looks up', () => {
  it('leaves out, in a large corpus, a word most passages hold, and keeps the distinctive ones', async () => {
    const { index, asked } = await corpusOf(KEYWORD_LONG_POSTINGS * 6);
    const question = readQuestion('滏阳河大桥项目建设');
    const [top] = rank(await retrieve(index, question, [1, 0]), index, question);
    expect(asked[0]).not.toMatch(/项目|建设/);
    expect(asked[0]).toContain('大桥');
    expect(top.passage.id).toBe('d0:0:0');
  });

  it('keeps every word in a small corpus, where each is in a large share of it', async () => {
    const { index, asked } = await corpusOf(10);
    await retrieve(index, readQuestion('滏阳河大桥项目建设'), [1, 0]);
    expect(asked[0]).toMatch(/项目/);
    expect(asked[0]).toMatch(/建设/);
  });
});

describe('a question whose vector is still being computed', () => {
  it('is searched by keyword meanwhile, and its candidates get cosines once the vector arrives', async () => {
    const { index, asked } = await corpusOf(10);
    let give: (vector: number[]) => void = () => {};
    const vector = new Promise<number[]>((resolve) => (give = resolve));
    let done = false;
    const retrieving = retrieve(index, readQuestion('滏阳河大桥'), vector).then((candidates) => ((done = true), candidates));
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toHaveLength(1);
    expect(done).toBe(false);
    give([1, 0]);
    const candidates = await retrieving;
    expect(candidates.map((c) => c.passage.id)).toContain('d0:0:0');
    expect(candidates.every((c) => c.scores.vector === 1)).toBe(true);
  });

  it('prepares the keyword side\'s leading passages, best first, until the vector arrives, and then no more', async () => {
    const { index } = await corpusOf(10);
    let give: (vector: number[]) => void = () => {};
    const vector = new Promise<number[]>((resolve) => (give = resolve));
    const prepared: string[] = [];
    const retrieving = retrieve(index, readQuestion('滏阳河大桥项目'), vector, {
      prepare: (passage) => {
        prepared.push(passage.id);
        if (prepared.length === 3) give([1, 0]);
      },
    });
    await retrieving;
    // The passage naming 滏阳河大桥 leads the keyword side; the vector arrived during the third.
    expect(prepared[0]).toBe('d0:0:0');
    expect(prepared).toHaveLength(3);
  });

  it('prepares no more than the passages the sentence stage ranks, however long the vector takes', async () => {
    const { index } = await corpusOf(PREPARED_PASSAGES + 4);
    let give: (vector: number[]) => void = () => {};
    const vector = new Promise<number[]>((resolve) => (give = resolve));
    const prepared: string[] = [];
    const retrieving = retrieve(index, readQuestion('滏阳河大桥项目'), vector, { prepare: (passage) => void prepared.push(passage.id) });
    for (let turn = 0; turn < 3 * PREPARED_PASSAGES; turn++) await new Promise((resolve) => setImmediate(resolve));
    give([1, 0]);
    await retrieving;
    expect(prepared).toHaveLength(PREPARED_PASSAGES);
  });

  it('prepares nothing for a vector already computed', async () => {
    const { index } = await corpusOf(10);
    const prepared: string[] = [];
    await retrieve(index, readQuestion('滏阳河大桥项目'), [1, 0], { prepare: (passage) => void prepared.push(passage.id) });
    expect(prepared).toEqual([]);
  });

  it('fails with the model\'s error when the vector cannot be computed', async () => {
    const { index } = await corpusOf(10);
    await expect(retrieve(index, readQuestion('滏阳河大桥'), Promise.reject(new Error('the embedding worker stopped')))).rejects.toThrow('the embedding worker stopped');
  });
});
