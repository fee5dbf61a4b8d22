// When the best passage is not relevant enough to be called an answer (thresholds in `../knobs.ts`).
import { NO_ANSWER_THRESHOLDS } from '../knobs.js';

export const NO_ANSWER_MESSAGE = '没有在文档中找到相关内容';

export interface Relevance {
  /** Cosine similarity of the question and the top passage. */
  vector: number;
  /** Share of the question's IDF mass that the top passage contains (0..1). */
  coverage: number;
}

/** An answer needs a passage that is close in meaning, and, unless very close, shares the question's key words. */
export function isAnswerable(r: Relevance, t = NO_ANSWER_THRESHOLDS): boolean {
  if (r.vector < t.minVector) return false;
  return r.vector >= t.strongVector || r.coverage >= t.minCoverage;
}
