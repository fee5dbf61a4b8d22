// How much a query word says: its inverse document frequency among the passages.
import type { PassageIndex } from '../index/passage-index.js';
import type { Token } from '../tokenize/tokenize.js';

/** IDF of each term over passage texts; a word no passage contains gets the highest possible weight. */
export function termWeights(index: PassageIndex, terms: string[]): Map<string, number> {
  const n = index.size;
  const weights = new Map<string, number>();
  for (const term of terms) {
    const df = index.documentFrequency(term);
    weights.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  return weights;
}

/** Share of the question's IDF mass (`weights`) held by the tokens. */
export function coverage(tokens: readonly Token[], weights: Map<string, number>): number {
  let total = 0;
  for (const w of weights.values()) total += w;
  if (total === 0) return 0;
  const found = new Set(tokens.filter((t) => weights.has(t.term)).map((t) => t.term));
  let mass = 0;
  for (const term of found) mass += weights.get(term)!;
  return mass / total;
}
