// Property-based tests (fast-check): whatever text a user's file holds, cleaning, sentence splitting,
// chunking and tokenizing never throw, and every offset still points at exactly the text it claims.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkDocument, DEFAULT_CHUNKING } from '../../src/ingest/chunk-passages.js';
import { parseDocument } from '../../src/ingest/parse-document.js';
import { splitSentences } from '../../src/ingest/split-sentences.js';
import { tokenizeWithOffsets } from '../../src/search/tokenize/tokenize.js';
import { normalizeForMatch } from '../../src/text/normalize.js';

/** Pieces of what OCR'd Chinese pages hold, joined at random: denser in edge cases than random Unicode. */
const PIECES = [
  '中国共', ' ', '产党', '邯鄲', '冀南新区', '总投资', '66.5', '亿元', '93.4%', '1:6', 'DRG', 'g107', '１２３',
  '。', '，', '；', '！', '？', '…', '“', '”', '"', '(', ')', '\n', '\n\n', '\r\n', '\t', '  ', '# ', '## ', '#',
  '本报讯', '河北日报记者 张三', '通讯员 李四摄', '图为', '😀', '\ud800', '\udc00', '\u0000', '\u200b', '\ufeff', 'ａＢｃ', '𠀀',
];
const pageLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));
const anyText = fc.oneof(pageLike, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }));
const RUNS = { numRuns: 300 };

describe('properties over any text', () => {
  it('parsing never throws and every cleaned character maps to the same character in the source', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        const doc = parseDocument('d', 'd.txt', source, 'd');
        for (const article of doc.articles) {
          for (const p of article.paragraphs) {
            expect(p.map).toHaveLength(p.text.length);
            for (let i = 0; i < p.text.length; i++) {
              const original = source[p.map[i]];
              if (p.text[i] === ' ') expect(original).toMatch(/\s/);
              else expect(original).toBe(p.text[i]);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('sentences are in order, inside the text, do not overlap, and none is longer than the bound', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 2, max: 80 }), (text, maxChars) => {
        let last = 0;
        for (const s of splitSentences(text, maxChars)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(s.end - s.start).toBeLessThanOrEqual(maxChars);
          last = s.end;
        }
      }),
      RUNS,
    );
  });

  it('cuts text with no sentence punctuation into passages within the chunk size, at clause marks first', () => {
    const clauses = Array.from({ length: 4_000 }, (_, i) => `第${i}项数据记录正常`).join('，');
    const passages = chunkDocument(parseDocument('log', 'log.txt', clauses, 'log'));
    expect(passages.length).toBeGreaterThan(100);
    for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(DEFAULT_CHUNKING.maxChars);
    expect(passages[0].text.endsWith('，')).toBe(true);
    const unbroken = '数'.repeat(2_000);
    expect(chunkDocument(parseDocument('raw', 'raw.txt', unbroken, 'raw')).every((p) => p.text.length <= DEFAULT_CHUNKING.maxChars)).toBe(true);
  });

  it("every passage is a slice of its paragraph and its source span covers exactly that slice's characters", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 5, max: 300 }), (source, maxChars) => {
        const doc = parseDocument('d', 'd.txt', source, 'd');
        const paragraphs = doc.articles.flatMap((a) => a.paragraphs);
        for (const passage of chunkDocument(doc, { maxChars, overlapSentences: 1 })) {
          const p = paragraphs[passage.paragraphIndex];
          expect(passage.text).toBe(p.text.slice(passage.start, passage.end));
          expect(passage.sourceStart).toBe(p.map[passage.start]);
          expect(passage.sourceEnd).toBe(p.map[passage.end - 1] + 1);
          for (const s of passage.sentences) expect(s.end).toBeLessThanOrEqual(passage.text.length);
        }
      }),
      RUNS,
    );
  });

  it('tokens never throw and each names exactly the normalised text at its offsets', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const normalized = normalizeForMatch(text);
        expect(normalized).toHaveLength(text.length);
        for (const t of tokenizeWithOffsets(text)) {
          expect(t.end).toBeGreaterThan(t.start);
          expect(normalized.slice(t.start, t.end)).toBe(t.term);
        }
      }),
      RUNS,
    );
  });
});
