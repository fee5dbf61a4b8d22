// Ranked candidates → the JSON the API, the page and the command line all show.
import type { CorpusIndex } from '../index/corpus-index.js';
import { findHighlights } from './highlight.js';
import { isAnswerable, NO_ANSWER_MESSAGE } from './no-answer.js';
import { coverage, pickSentence } from './pick-sentence.js';
import type { ReadQuestion } from './follow-up.js';
import type { Candidate } from '../rank/retrieve.js';
import { queryTerms, tokenizeWithOffsets } from '../tokenize/tokenize.js';
import { termWeights } from './term-weights.js';

export interface Offsets {
  start: number;
  end: number;
}

export interface PassageResult {
  id: string;
  docId: string;
  title: string;
  text: string;
  quote: Offsets;
  highlights: Offsets[];
  score: number;
  scores: { keyword: number; vector: number };
  url: string;
}

export interface AskResult {
  question: string;
  /** Set when the question was read as a follow-up of this earlier question. */
  followUpOf?: string;
  answer: { text: string; passageId: string; docId: string; url: string } | null;
  message?: string;
  passages: PassageResult[];
  tookMs: number;
}

export const passageUrl = (docId: string, anchor: string) => `/docs/${encodeURIComponent(docId)}#${anchor}`;

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Question words and their IDF; a follow-up's own words count double. */
function weightsOf(index: CorpusIndex, read: ReadQuestion): Map<string, number> {
  const weights = termWeights(index.search, queryTerms(read.query));
  for (const term of read.focus ? queryTerms(read.focus) : []) weights.set(term, 2 * weights.get(term)!);
  return weights;
}

export function composeAnswer(index: CorpusIndex, question: string, read: ReadQuestion, candidates: Candidate[], topK: number, startedAt: number): AskResult {
  const weights = weightsOf(index, read);
  const passages: PassageResult[] = [];
  let topCoverage = 0;
  for (const c of candidates.slice(0, topK)) {
    const p = c.passage;
    const tokens = tokenizeWithOffsets(p.text);
    const quote = pickSentence(p.text, tokens, p.sentences, read.query, weights);
    if (passages.length === 0) topCoverage = coverage(tokens, weights);
    passages.push({
      id: p.id,
      docId: p.docId,
      title: p.title,
      text: p.text,
      quote: { start: quote.start, end: quote.end },
      highlights: findHighlights(tokens, weights),
      score: round(c.score),
      scores: { keyword: round(c.scores.keyword), vector: round(c.scores.vector) },
      url: passageUrl(p.docId, p.anchor),
    });
  }
  const top = passages[0];
  const answerable = top !== undefined && isAnswerable({ vector: top.scores.vector, coverage: topCoverage });
  return {
    question,
    ...(read.followUpOf ? { followUpOf: read.followUpOf } : {}),
    answer: answerable
      ? { text: top.text.slice(top.quote.start, top.quote.end), passageId: top.id, docId: top.docId, url: top.url }
      : null,
    ...(answerable ? {} : { message: NO_ANSWER_MESSAGE }),
    passages,
    tookMs: Math.round((performance.now() - startedAt) * 10) / 10,
  };
}
