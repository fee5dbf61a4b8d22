// One question's sentence features are computed once per text and heading, and again for another
// index (whose IDFs differ), never handed from one question to another.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/ingest/document-model.js';
import { memoryCorpus } from '../../../src/search/index/corpus.js';
import type { CorpusIndex } from '../../../src/search/index/corpus-index.js';
import { oramaBackend } from '../../../src/search/index/orama/orama-index.js';
import { questionSentences, scoredPassage } from '../../../src/search/answer/question-sentences.js';
import { readQuestion } from '../../../src/search/question/question.js';
import { analysisOf } from '../../../src/search/tokenize/text-analysis.js';

const TEXT = '试用期包含在劳动合同期限内。劳动合同期限三年以上的，试用期不得超过六个月。';

async function indexOf(texts: string[]): Promise<{ index: CorpusIndex; passages: Passage[] }> {
  const passages: Passage[] = texts.map((text, i) => ({
    id: `d${i}:0:0`, docId: `d${i}`, articleIndex: 0, title: '劳动合同法', paragraphIndex: 0, anchor: 'p0', text, start: 0, end: text.length, sourceStart: 0, sourceEnd: text.length,
    sentences: [{ start: 0, end: 14 }, { start: 14, end: text.length }],
  }));
  const vectors = new Float32Array(passages.length * 2);
  const search = await oramaBackend.create(2);
  await search.insert(passages, vectors);
  const documents = passages.map((p) => ({ id: p.docId, path: `${p.docId}.txt`, sourceHash: p.docId, title: p.docId, articles: [{ index: 0, title: '', paragraphs: [] }] }));
  return { index: { corpus: memoryCorpus(documents, passages, vectors, 2), dimensions: 2, search }, passages };
}

describe('a question\'s sentence features', () => {
  it('are computed once for a passage, whoever asks for them', async () => {
    const { index, passages } = await indexOf([TEXT, '工资应当以货币形式按月支付给劳动者本人。']);
    const question = readQuestion('试用期最长多久');
    const first = scoredPassage(index, question, passages[0]);
    expect(scoredPassage(index, question, passages[0])).toBe(first);
    expect(first.features).toHaveLength(2);
    // The second sentence holds 试用期 and a figure: it scores above the first on both.
    expect(first.features[1].typeCue).toBe(1);
    expect(first.features[0].typeCue).toBe(0);
  });

  it('are the text\'s under its heading: another heading is another computation', async () => {
    const { index, passages } = await indexOf([TEXT]);
    const question = readQuestion('试用期最长多久');
    const sentences = questionSentences(index, question);
    const analysis = () => analysisOf(passages[0]);
    expect(sentences.scored(TEXT, passages[0].sentences, '试用期', analysis)).not.toBe(sentences.scored(TEXT, passages[0].sentences, '工资', analysis));
  });

  it('are computed again for another index, and never shared between two questions', async () => {
    const question = readQuestion('试用期最长多久');
    const a = await indexOf([TEXT]);
    const b = await indexOf([TEXT, `${TEXT}另`, '试用期']);
    const inA = scoredPassage(a.index, question, a.passages[0]);
    const inB = scoredPassage(b.index, question, b.passages[0]);
    expect(inB).not.toBe(inA);
    expect(questionSentences(b.index, question).info.weights.get('试用期')).toBeLessThan(questionSentences(a.index, question).info.weights.get('试用期')!);
    expect(scoredPassage(a.index, readQuestion('试用期最长多久'), a.passages[0])).not.toBe(inA);
  });
});
