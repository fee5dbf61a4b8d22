// Reading a short or elliptical question in the light of the one before it: after
// "冀南新区人民医院投资多少?", "那第一中学呢?" means "冀南新区第一中学投资多少?". The follow-up's own
// words lead (they are weighted double in ranking and sentence picking); the earlier question
// supplies what was left out.
import { queryTerms } from '../tokenize/tokenize.js';

/** Openers and endings that mark a question as continuing the previous one. */
const CONTINUES = /^(那么|那|还有|另外|其中|其他|其它)|呢[?？。.!！\s]*$/;
const OPENER = /^(那么|那|还有|另外)[,，\s]*/;

export interface ReadQuestion {
  /** What is searched for: the question alone, or the follow-up followed by its context. */
  query: string;
  /** The follow-up's own words, when the question was read as a follow-up. */
  focus?: string;
  /** The earlier question it was read with. */
  followUpOf?: string;
}

/** A follow-up says it continues (那…/…呢), or is too short to stand alone (one topic word or none). */
export function isFollowUp(question: string): boolean {
  const q = question.trim();
  return CONTINUES.test(q) || queryTerms(q).length <= 1;
}

export function readQuestion(question: string, context?: string): ReadQuestion {
  const previous = context?.trim();
  if (!previous || !isFollowUp(question)) return { query: question };
  const own = question.trim().replace(OPENER, '');
  return { query: `${own} ${previous}`, focus: own, followUpOf: previous };
}

/**
 * The question a later turn is read against: a follow-up keeps its context, so "那第一中学呢?" and
 * then "第一实验小学呢?" are both read with the question that opened the topic.
 */
export const contextAfter = (question: string, followUpOf: string | undefined) => followUpOf ?? question;
