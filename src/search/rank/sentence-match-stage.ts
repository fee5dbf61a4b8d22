// A ranking stage for the best sentence: the leading candidates are re-scored by how well their best
// sentence matches the question (the answer-sentence score of `../answer/pick-sentence.ts`: the
// question's rare words together in one sentence, its focus words, what its type asks for). A passage
// that holds the question's words scattered over several sentences loses to one that holds them together.
import { scoreSentence } from '../answer/pick-sentence.js';
import { scoredPassage } from '../answer/question-sentences.js';
import { SENTENCE_MATCH, SENTENCE_WEIGHTS } from '../knobs.js';
import type { RankStage } from './stages.js';

export const sentenceMatchStage: RankStage = {
  name: 'sentence',
  rank(candidates, { index, question }) {
    if (SENTENCE_MATCH.weight === 0 || candidates.length < 2) return candidates;
    const leading = candidates.slice(0, SENTENCE_MATCH.depth);
    for (const c of leading) {
      const { features } = scoredPassage(index, question, c.passage);
      const best = Math.max(0, ...features.map((f) => scoreSentence(f, SENTENCE_WEIGHTS)));
      c.scores.sentence = best;
      c.score += SENTENCE_MATCH.weight * best;
    }
    return [...leading.sort((a, b) => b.score - a.score), ...candidates.slice(SENTENCE_MATCH.depth)];
  },
  prepare(passage, { index, question }) {
    // The passage's sentence features, which `rank` and the answer then find computed.
    if (SENTENCE_MATCH.weight !== 0) scoredPassage(index, question, passage);
  },
};
