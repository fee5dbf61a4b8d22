// When the best passage is not relevant enough to be called an answer. One confidence score mixes how
// close the passage is in meaning with how much of the question's key words it holds; the mix and the
// bar are fitted by `npm run fit:no-answer` (values in `../knobs.ts`).
import { NO_ANSWER_RULE } from '../knobs.js';

export const NO_ANSWER_MESSAGE = '没有在文档中找到相关内容';

/** The same for a question limited to one document: only that document was searched, and it does not say. */
export const NO_ANSWER_IN_SCOPE_MESSAGE = '在所选范围内没有找到相关内容';

/** When the question insists on something no answering passage holds: `文档中没有关于“0.14.0”的内容`. */
export const notFoundMessage = (thing: string) => `文档中没有关于“${thing}”的内容`;

export interface Relevance {
  /** Cosine similarity of the question and the top passage. */
  vector: number;
  /** Share of the question's IDF mass that the top passage contains (0..1). */
  coverage: number;
}

export interface NoAnswerRule {
  /** The cosine's share of the confidence; the coverage has the rest. */
  vectorShare: number;
  /** The confidence an answer needs. */
  minConfidence: number;
  /**
   * Or: a passage holding this share of the question's key words is answered at a lower confidence.
   * The embedding reads some short factual questions as far from a passage that holds every word they
   * ask (`海拔1000∼1500米可以觀察到哪一種植物?`); off-topic questions seldom share most of their rare words.
   */
  coverageLane: { coverage: number; minConfidence: number };
}

/** 0..1: a close passage that shares the question's rare words scores high, either alone scores less. */
export const confidenceOf = (r: Relevance, rule: NoAnswerRule = NO_ANSWER_RULE) => rule.vectorShare * r.vector + (1 - rule.vectorShare) * r.coverage;

/**
 * While an index still has no vectors (a first start serving before its embedding is done): a passage is
 * answered when it holds half the question's key-word weight. With the top passages of the three
 * collections (`npm run fit:no-answer`'s samples, coverage alone) that answered CMRC dev .974, DRCD dev
 * .931, the seeds' questions .870 and realdocs-dev .509 of answerable questions, 0.4% of CMRC's asked of
 * the seeds and 1 of the 62 off-topic ones; at 0.45, 3 of the 62. Never marked 高 (`compose-answer.ts`):
 * that level's bars were measured with the cosine.
 */
export const KEYWORD_ONLY_RULE: NoAnswerRule = { vectorShare: 0, minConfidence: 0.5, coverageLane: NO_ANSWER_RULE.coverageLane };

export function isAnswerable(r: Relevance, rule: NoAnswerRule = NO_ANSWER_RULE): boolean {
  const confidence = confidenceOf(r, rule);
  return confidence >= rule.minConfidence || (r.coverage >= rule.coverageLane.coverage && confidence >= rule.coverageLane.minConfidence);
}

/** The confidence shown: one answered by the coverage lane alone is shown at the bar, as 中, like any answer. */
export const shownConfidence = (r: Relevance, rule: NoAnswerRule = NO_ANSWER_RULE) =>
  isAnswerable(r, rule) ? Math.max(confidenceOf(r, rule), rule.minConfidence) : confidenceOf(r, rule);

/** How relevant a passage looks to a person: 高 well past the answer bar, 中 at it, 低 below it (and never answered). */
export type RelevanceLevel = '高' | '中' | '低';

/**
 * 高 takes two bars, fitted together by `npm run fit:levels` on CMRC dev, DRCD dev and realdocs-dev
 * (BENCHMARKS.md "Relevance levels, third session"): this confidence, and HIGH_SENTENCE_COVERAGE below.
 * Confidence alone left about one 高 in eleven wrong on the encyclopedia sets at any bar (8.8% and 9.9%
 * at 0.70): the passage was right and the sentence picked was not, which confidence does not see.
 */
export const HIGH_CONFIDENCE = 0.5;

/**
 * 高 also needs this share of the question's key words (by IDF) in the quoted sentence itself: the
 * words asked meet in the answer. With both bars, answers marked 高 were wrong 4.9% (CMRC dev, 1,055
 * of 3,204 answers marked), 4.8% (DRCD dev, 642) and 0% (realdocs-dev, 4 of 108); on held-out folds
 * 5.2%, 3.7% and 0%. The sentence bar was 0.90 on every set of four folds.
 */
export const HIGH_SENTENCE_COVERAGE = 0.9;

export function relevanceLevel(confidence: number, sentence: number, rule: NoAnswerRule = NO_ANSWER_RULE): RelevanceLevel {
  if (confidence >= HIGH_CONFIDENCE && sentence >= HIGH_SENTENCE_COVERAGE) return '高';
  return confidence >= rule.minConfidence ? '中' : '低';
}
