// A built index: the corpus (the cleaned documents for display, their passages and vectors) and the
// backend's searchable index over it.
import type { Corpus } from './corpus.js';
import type { PassageIndex } from './passage-index.js';

export interface CorpusIndex {
  /** Documents, passages and vectors by id. */
  corpus: Corpus;
  dimensions: number;
  search: PassageIndex;
  /**
   * Built before its vectors, to serve a first start while the model embeds (`BuildOptions.keywordOnly`):
   * every vector is zero, so questions are answered by keyword search alone.
   */
  keywordOnly?: boolean;
}
