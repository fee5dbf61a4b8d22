// The question, read once: every stage of an ask (retrieval, the backends' keyword search, sentence
// picking, the field and phrase rules) takes this object instead of reading the text again. The
// question's text is tokenized here and nowhere else.
import { tokenizeWithOffsets, type Token } from '../tokenize/tokenize.js';
import { isOverviewQuestion } from './broad-question.js';
import { fieldAsked, subjectTerms, type FieldAsked } from './field-asked.js';
import { CONTINUES, OPENER, withoutReplaced } from './follow-up.js';
import { namedThings, type NamedThings } from './named-things.js';
import { questionTypeOf, type QuestionType } from './question-type.js';

export interface Question {
  /** As it was asked. */
  text: string;
  /** What is searched for: the question alone, or a follow-up's own words followed by its context. */
  query: string;
  /** Tokens of `query`, with offsets into it. */
  tokens: Token[];
  /** The query's terms, each once, in order. */
  terms: string[];
  /** A follow-up's own words (the head of `query`), which lead: their weight counts double. */
  focus?: { text: string; terms: string[] };
  /** The earlier question a follow-up was read with. */
  followUpOf?: string;
  type: QuestionType;
  /** The fact about a document itself that the question asks for, and the words naming the document. */
  field?: { asked: FieldAsked; subject: string[] };
  /** Asks about the documents as a whole (这几篇报道讲了什么). */
  broad: boolean;
  /** The laws and articles the question names (`named-things.ts`). */
  named: NamedThings;
}

const distinct = (tokens: readonly Token[]) => [...new Set(tokens.map((t) => t.term))];

/** Reads `text`, as a follow-up of `context` (the previous question) when it is one. */
export function readQuestion(text: string, context?: string): Question {
  const trimmed = text.trim();
  const trimmedTokens = tokenizeWithOffsets(trimmed);
  const opener = OPENER.exec(trimmed)?.[0].length ?? 0;
  const own = trimmed.slice(opener);
  const shift = (tokens: readonly Token[], by: number) => tokens.map((t) => ({ term: t.term, start: t.start + by, end: t.end + by }));
  const ownTokens = shift(trimmedTokens.filter((t) => t.start >= opener), -opener);
  const asWritten = context?.trim();
  // A follow-up says it continues (那…/…呢), or is too short to stand alone (one topic word or none).
  const followUp = asWritten !== undefined && asWritten !== '' && (CONTINUES.test(trimmed) || distinct(trimmedTokens).length <= 1);
  let previous = asWritten;
  let previousTokens: Token[] = [];
  if (followUp) {
    previousTokens = tokenizeWithOffsets(asWritten);
    previous = withoutReplaced(asWritten, namedThings(own, ownTokens), namedThings(asWritten, previousTokens));
    // Tokenized again only when the follow-up replaced something in it.
    if (previous !== asWritten) previousTokens = tokenizeWithOffsets(previous);
  }
  const query = followUp ? `${own} ${previous}` : trimmed;
  const tokens = followUp ? [...ownTokens, ...shift(previousTokens, own.length + 1)] : trimmedTokens;
  const asked = fieldAsked(query);
  return {
    text,
    query,
    tokens,
    terms: distinct(tokens),
    ...(followUp ? { focus: { text: own, terms: distinct(ownTokens) }, followUpOf: asWritten } : {}),
    type: questionTypeOf(query),
    ...(asked ? { field: { asked, subject: subjectTerms(query, tokens) } } : {}),
    broad: isOverviewQuestion(trimmed),
    named: namedThings(query, tokens),
  };
}
