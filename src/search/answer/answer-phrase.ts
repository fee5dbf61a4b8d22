// The words inside the answer sentence that answer the question: for 多少 the figure with its prefix
// and unit (约22平方公里), for 何时 the date, for 谁 a person's name, for 哪里 a place. A figure the
// question itself states is not the answer; of several candidates, the one nearest the question's
// own words in the sentence wins.
import type { Span } from '../../ingest/split-sentences.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { tokenizeWithOffsets } from '../tokenize/tokenize.js';
import type { QuestionType } from '../question/question-type.js';
import { typeCandidates } from './type-cues.js';

const distance = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);

export function findAnswerPhrase(answer: string, question: string, type: QuestionType, questionTerms: ReadonlySet<string>): Span | undefined {
  const asked = normalizeForMatch(question);
  const text = normalizeForMatch(answer);
  const candidates = typeCandidates(answer, type).filter((c) => !asked.includes(text.slice(c.start, c.end)));
  if (candidates.length <= 1) return candidates[0];
  const anchors = tokenizeWithOffsets(answer).filter((t) => questionTerms.has(t.term));
  if (anchors.length === 0) return candidates[0];
  let best = candidates[0];
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = Math.min(...anchors.map((a) => distance(c, a)));
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}
