// A ranking stage for the best sentence: the leading candidates are re-scored by how well their best
// sentence matches the question (the answer-sentence score of `../answer/pick-sentence.ts`: the
// question's rare words together in one sentence, its focus words, what its type asks for). A passage
// that holds the question's words scattered over several sentences loses to one that holds them together.
import { headingOf } from '../../ingest/document-model.js';
import { scoreSentence } from '../answer/pick-sentence.js';
import { sentenceFeatures, type QuestionInfo } from '../answer/sentence-features.js';
import { termWeights } from '../answer/term-weights.js';
import { SENTENCE_MATCH, SENTENCE_WEIGHTS } from '../knobs.js';
import { passageTokens } from '../tokenize/passage-tokens.js';
import { tokenize } from '../tokenize/tokenize.js';
import type { RankStage } from './stages.js';

export const sentenceMatchStage: RankStage = {
  name: 'sentence',
  rank(candidates, { index, question }) {
    if (SENTENCE_MATCH.weight === 0 || candidates.length < 2) return candidates;
    const weights = termWeights(index.search, question.terms);
    for (const term of question.focus?.terms ?? []) weights.set(term, 2 * weights.get(term)!);
    const info: QuestionInfo = { weights, tokens: question.tokens, text: question.query, type: question.type };
    const leading = candidates.slice(0, SENTENCE_MATCH.depth);
    for (const c of leading) {
      const { text, sentences } = c.passage;
      const features = sentenceFeatures(text, passageTokens(text), sentences, info, new Set(tokenize(headingOf(c.passage))));
      const best = Math.max(0, ...features.map((f) => scoreSentence(f, SENTENCE_WEIGHTS)));
      c.scores.sentence = best;
      c.score += SENTENCE_MATCH.weight * best;
    }
    return [...leading.sort((a, b) => b.score - a.score), ...candidates.slice(SENTENCE_MATCH.depth)];
  },
};
