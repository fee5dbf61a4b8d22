// A passage in the running for an answer, with the parts of its score that each ranking stage added.
import type { Passage } from '../../ingest/document-model.js';

/**
 * The score's parts, by the name of what measured them. Retrieval gives every candidate `keyword`
 * (BM25, 0 when it matched no query word) and `vector` (cosine of query and passage vectors); a later
 * stage adds a part of its own. The API, the page and the command line list every part present.
 */
export interface ScoreParts {
  keyword: number;
  vector: number;
  [part: string]: number;
}

export interface Candidate {
  passage: Passage;
  scores: ScoreParts;
  /** The ranking score: set by fusion, adjusted by any stage after it. */
  score: number;
}
