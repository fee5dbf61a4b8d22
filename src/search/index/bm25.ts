// Okapi BM25, as both backends score the keyword side: Orama's through our index component
// (`orama/bm25-component.ts`), LanceDB's small tables in memory (`lancedb/small-table.ts`). LanceDB's
// own full-text search computes the same (its scores matched these to 1e-7 on CMRC dev questions).

/** Okapi BM25's usual constants (Robertson and Zaragoza); not tuned. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** How rare a term is among `documents`, of which `df` hold it. */
export const inverseDocumentFrequency = (df: number, documents: number) => Math.log(1 + (documents - df + 0.5) / (df + 0.5));

/** One term's score in one field of a document: `tf` occurrences in a field `length` tokens long, fields `average` long. */
export const termScore = (idf: number, tf: number, length: number, average: number) => (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / average));

/**
 * Scores summed per document across fields and terms: an array indexed by a document's number, with
 * the numbers touched, both kept from one search to the next so a search allocates almost nothing.
 */
export class ScoreBoard {
  scores = new Float64Array(0);
  touched: number[] = [];

  add(id: number, score: number): void {
    if (id >= this.scores.length) {
      const grown = new Float64Array(Math.max(id + 1, this.scores.length * 2));
      grown.set(this.scores);
      this.scores = grown;
    }
    if (this.scores[id] === 0) this.touched.push(id);
    this.scores[id] += score;
  }

  clear(): void {
    for (const id of this.touched) this.scores[id] = 0;
    this.touched.length = 0;
  }
}
