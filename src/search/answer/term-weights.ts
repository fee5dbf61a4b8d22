// How much a query word says: its inverse document frequency among the passages.
import type { PassageIndex } from '../index/passage-index.js';

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
