// A passage's tokens, stored when it is indexed, are what cutting it at question time would give, and
// so are the names among them: in statutes (article numbers in Arabic numerals), mixed Latin and
// figures, Traditional text and news naming people and places; a paragraph put together from its
// overlapping passages is the paragraph cut whole. The names are whole words, never a part search mode
// adds inside one (山东 of 山东省).
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/ingest/document-model.js';
import { documentOf } from '../../src/ingest/document-of.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { namedWords } from '../../src/search/tokenize/named-words.js';
import { analysisOf, indexedTerms, paragraphAnalysis, storedAnalysis, withAnalyses } from '../../src/search/tokenize/text-analysis.js';
import { tokenize, tokenizeWithOffsets } from '../../src/search/tokenize/tokenize.js';

const TEXTS = [
  '依照《劳动合同法》第19条的规定，劳动合同期限三个月以上不满一年的，试用期不得超过一个月。',
  '小米6采用IP67级防水设计，售价2499元起；RISC-V中国峰会于2023年8月在北京举行。',
  '陳誠於1949年出任臺灣省主席，任內推行三七五減租。',
  '新华社记者王建国报道：浙江省杭州市今年将最低生活保障标准提高到每月1240元。',
];

/** A passage of one paragraph, its sentences cut at each 。 or ；. */
function passageOf(text: string, id = 'd:0:0'): Passage {
  const sentences = [...text.matchAll(/[^。；]+[。；]?/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return { id, docId: 'd', articleIndex: 0, title: '', paragraphIndex: 0, anchor: 'p0', text, start: 0, end: text.length, sourceStart: 0, sourceEnd: text.length, sentences };
}

const namedBySentence = (p: Pick<Passage, 'text' | 'sentences'>) =>
  p.sentences.flatMap((s) => namedWords(p.text.slice(s.start, s.end)).map((w) => ({ ...w, start: w.start + s.start, end: w.end + s.start })));

describe('a stored analysis', () => {
  it.each(TEXTS)('decodes to the tokens and names of cutting the text again: %s', (text) => {
    const plain = passageOf(text);
    const stored = storedAnalysis(plain);
    expect(stored).toBeDefined();
    const analysis = analysisOf({ ...plain, analysis: stored });
    expect(analysis.normalized).toBe(normalizeForMatch(text));
    expect(analysis.tokens).toEqual(tokenizeWithOffsets(text));
    expect(analysis.names()).toEqual(namedBySentence(plain));
    expect(indexedTerms({ text, analysis: stored })).toEqual(tokenize(text));
  });

  it('keeps the normalized text only where normalizing converts its script', () => {
    expect(storedAnalysis(passageOf(TEXTS[2]))?.normalized).toBe(normalizeForMatch(TEXTS[2]));
    expect(storedAnalysis(passageOf(TEXTS[1]))?.normalized).toBeUndefined();
  });

  it('keeps article numbers one term in their Chinese spelling, and finds people and places as whole words', () => {
    const statute = analysisOf({ ...passageOf(TEXTS[0]), analysis: storedAnalysis(passageOf(TEXTS[0])) });
    expect(statute.tokens.map((t) => t.term)).toContain('第十九条');
    const news = analysisOf({ ...passageOf(TEXTS[3]), analysis: storedAnalysis(passageOf(TEXTS[3])) });
    const named = news.names().map((w) => `${w.kind}:${TEXTS[3].slice(w.start, w.end)}`);
    expect(named).toContain('person:王建国');
    expect(named).toContain('place:杭州市');
    expect(named).toContain('place:浙江省');
    // 浙江 is a place too, but here only a part of 浙江省.
    expect(named).not.toContain('place:浙江');
  });

  it('is not stored when a value does not fit, and such a passage is cut at question time', () => {
    const blob = `${'a'.repeat(60000)}。`;
    const passage = passageOf(blob);
    expect(storedAnalysis(passage)).toBeUndefined();
    expect(withAnalyses([passage])[0].analysis).toBeUndefined();
    expect(analysisOf(passage).tokens).toEqual(tokenizeWithOffsets(blob));
  });

  it('is decoded once per passage object', () => {
    const [passage] = withAnalyses([passageOf(TEXTS[1])]);
    expect(analysisOf(passage)).toBe(analysisOf(passage));
  });
});

describe('a paragraph\'s analysis from its passages', () => {
  it('is the paragraph cut and tagged whole, where its passages overlap by a sentence', () => {
    const text = TEXTS.join('');
    const { document, passages } = documentOf({ id: 'news', path: 'news.txt', name: 'news.txt', text: `标题\n\n${text}\n` }, { maxChars: 80, overlapSentences: 1 });
    const paragraph = document.articles.flatMap((a) => a.paragraphs).find((p) => p.text === text)!;
    const own = withAnalyses(passages).filter((p) => p.paragraphIndex === paragraph.index);
    expect(own.length).toBeGreaterThan(2);
    const merged = paragraphAnalysis(paragraph.text, own);
    expect(merged.normalized).toBe(normalizeForMatch(paragraph.text));
    expect(merged.tokens).toEqual(tokenizeWithOffsets(paragraph.text));
    expect(merged.names()).toEqual(namedBySentence(paragraph));
  });

  it('is computed when the passages do not cover the paragraph', () => {
    const text = TEXTS.join('');
    const first = withAnalyses([passageOf(TEXTS[0])]);
    const analysis = paragraphAnalysis(text, first);
    expect(analysis.tokens).toEqual(tokenizeWithOffsets(text));
  });
});
