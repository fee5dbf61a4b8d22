// The sentence of a passage that best answers the question: the one holding the most informative
// query words (IDF-weighted), with a nudge towards figures when the question asks for a quantity.
import type { Span } from '../ingest/split-sentences.js';
import { tokenizeWithOffsets } from './tokenize.js';

/** Questions that want a number: 多少, 几, 多大/多长/多高/多久/多远, 百分之几. */
const ASKS_QUANTITY = /多少|几|多[大长高久远重宽深]|百分之/;

export interface SentenceChoice {
  sentence: Span;
  /** Share of the question's IDF mass found in the sentence (0..1). */
  coverage: number;
}

/** Share of the question's IDF mass (`weights`) that `text` contains. */
export function coverage(text: string, weights: Map<string, number>): number {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const found = new Set(tokenizeWithOffsets(text).map((t) => t.term).filter((t) => weights.has(t)));
  let mass = 0;
  for (const term of found) mass += weights.get(term)!;
  return mass / total;
}

export function pickSentence(text: string, sentences: Span[], question: string, weights: Map<string, number>): SentenceChoice {
  const wantsNumber = ASKS_QUANTITY.test(question);
  let best: SentenceChoice = { sentence: sentences[0] ?? { start: 0, end: text.length }, coverage: 0 };
  let bestScore = -1;
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    const share = coverage(body, weights);
    const score = share + (wantsNumber && /[0-9０-９]/.test(body) ? 0.15 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = { sentence, coverage: share };
    }
  }
  return best;
}
