// Highlights mark the question's words in a passage, not every single character it shares with it.
import { expect, it } from 'vitest';
import { findHighlights } from '../../../src/search/answer/highlight.js';
import { queryTerms, tokenizeWithOffsets } from '../../../src/search/tokenize/tokenize.js';

const marked = (passage: string, question: string) =>
  findHighlights(tokenizeWithOffsets(passage), new Map(queryTerms(question).map((t) => [t, 1]))).map((s) => passage.slice(s.start, s.end));

it('marks the words of two characters or more, numbers and Latin words, and no lone character', () => {
  const terms = queryTerms('镇上的路修好了吗');
  expect(terms.some((t) => t.length === 1)).toBe(true);
  // 路 is a question word too, but alone it would be marked twice in this passage for nothing.
  expect(marked('全镇的路都修好了，路面平整，镇上居民出行方便。', '镇上的路修好了吗')).toEqual(['修好', '镇上']);
  expect(marked('G107国道改造总投资4.33亿元。', 'G107改造投资多少')).toEqual(['G107', '改造', '投资']);
});
