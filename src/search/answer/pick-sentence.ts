// The sentence of a passage that best answers the question: the one holding the most informative
// query words (IDF-weighted), with a nudge towards figures when the question asks for a quantity.
import type { Span } from '../../ingest/split-sentences.js';
import { FIGURE_BONUS } from '../knobs.js';
import type { Token } from '../tokenize/tokenize.js';

/** Questions that want a number: 多少, 几, 多大/多长/多高/多久/多远, 百分之几. */
const ASKS_QUANTITY = /多少|几|多[大长高久远重宽深]|百分之/;

/**
 * Share of the question's IDF mass (`weights`) held by the tokens inside [start, end). Sentences end
 * at punctuation, which also ends a jieba run, so a passage's tokens serve each of its sentences.
 */
export function coverage(tokens: Token[], weights: Map<string, number>, start = 0, end = Infinity): number {
  let total = 0;
  for (const w of weights.values()) total += w;
  if (total === 0) return 0;
  const found = new Set(tokens.filter((t) => t.start >= start && t.end <= end && weights.has(t.term)).map((t) => t.term));
  let mass = 0;
  for (const term of found) mass += weights.get(term)!;
  return mass / total;
}

export function pickSentence(text: string, tokens: Token[], sentences: Span[], question: string, weights: Map<string, number>): Span {
  const wantsNumber = ASKS_QUANTITY.test(question);
  let best: Span = sentences[0] ?? { start: 0, end: text.length };
  let bestScore = -1;
  for (const sentence of sentences) {
    const hasFigure = /[0-9０-９]/.test(text.slice(sentence.start, sentence.end));
    const score = coverage(tokens, weights, sentence.start, sentence.end) + (wantsNumber && hasFigure ? FIGURE_BONUS : 0);
    if (score > bestScore) {
      bestScore = score;
      best = sentence;
    }
  }
  return best;
}
