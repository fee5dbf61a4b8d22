// How much a query word says: its inverse document frequency among the passages.
import { postings } from './bm25-index.js';
import type { PassageDb } from './passage-db.js';

interface IndexInternals {
  indexes: Record<string, { node: Parameters<typeof postings>[0] }>;
}

/** IDF of each term over passage texts; a word no passage contains gets the highest possible weight. */
export function termWeights(db: PassageDb, terms: string[], docsCount: number): Map<string, number> {
  const tree = (db.data.index as unknown as IndexInternals).indexes.text.node;
  const weights = new Map<string, number>();
  for (const term of terms) {
    const df = postings(tree, term)?.size ?? 0;
    weights.set(term, Math.log(1 + (docsCount - df + 0.5) / (df + 0.5)));
  }
  return weights;
}
