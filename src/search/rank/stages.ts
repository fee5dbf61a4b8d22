// Ranking as a list of stages, run in order over retrieval's candidates before the answer is composed
// (`../answer/compose-answer.ts`). A stage may add a part to each candidate's `scores`, change `score`
// and reorder: adding one is a file exporting a `RankStage` and a line in `RANK_STAGES`.
import type { Passage } from '../../ingest/document-model.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { DEFAULT_FUSION } from '../knobs.js';
import type { Question } from '../question/question.js';
import type { Candidate } from './candidate.js';
import { fusionStage, type FusionMethod } from './fuse-scores.js';
import { namedThingsStage } from './named-things-stage.js';
import { sentenceMatchStage } from './sentence-match-stage.js';
import { solutionSectionStage } from './solution-section-stage.js';

export interface RankContext {
  index: CorpusIndex;
  question: Question;
  /** How keyword and vector scores are fused (the evaluation compares keyword-only, vector-only and hybrid). */
  fusion: FusionMethod;
}

export interface RankStage {
  readonly name: string;
  rank(candidates: Candidate[], context: RankContext): Candidate[];
  /**
   * Work on a passage the stage will likely rank, done while the question's vector is computed
   * (`retrieve`'s `prepare`), so that `rank` finds it done once the vector arrives.
   */
  prepare?(passage: Passage, context: Omit<RankContext, 'fusion'>): void;
}

export const RANK_STAGES: readonly RankStage[] = [fusionStage, namedThingsStage, sentenceMatchStage, solutionSectionStage];

/** What every stage prepares on a likely candidate of the question. */
export function prepareStages(index: CorpusIndex, question: Question): (passage: Passage) => void {
  const context = { index, question };
  return (passage) => RANK_STAGES.forEach((stage) => stage.prepare?.(passage, context));
}

/** Runs every stage; the result is best first. */
export function rank(candidates: Candidate[], index: CorpusIndex, question: Question, fusion: FusionMethod = DEFAULT_FUSION): Candidate[] {
  const context = { index, question, fusion };
  return RANK_STAGES.reduce((ranked, stage) => stage.rank(ranked, context), candidates);
}
