// The sentence features of the texts one question looks at, each computed once for that question. The
// sentence-match stage scores the leading eight passages, the answer is then composed from the top
// five (the same passages) and the top one's paragraph, and while the query vector is computed the
// keyword side's leading passages are scored ahead (`retrieve`'s `prepare`), so that less is left to
// do once the vector arrives.
import { headingOf, type Passage } from '../../ingest/document-model.js';
import type { Span } from '../../ingest/split-sentences.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import type { Question } from '../question/question.js';
import { analysisOf, type TextAnalysis } from '../tokenize/text-analysis.js';
import { tokenize, type Token } from '../tokenize/tokenize.js';
import { sentenceFeatures, type QuestionInfo, type SentenceFeatures } from './sentence-features.js';
import { termWeights } from './term-weights.js';
import { boundedMemo } from '../../util/bounded-memo.js';

/** A text's sentences scored for the question, with the tokens they were scored by. */
export interface ScoredText {
  tokens: readonly Token[];
  /** The text as matched (`normalizeForMatch`). */
  normalized: string;
  features: SentenceFeatures[];
}

export interface QuestionSentences {
  readonly info: QuestionInfo;
  /** A text (a passage's, or its paragraph's) under a heading: its sentences' features. `analysis` gives its tokens and names. */
  scored(text: string, sentences: Span[], heading: string, analysis: () => TextAnalysis): ScoredText;
}

/** The question's words and their IDF in the index; a follow-up's own words count double. */
function questionInfo(index: CorpusIndex, question: Question): QuestionInfo {
  const weights = termWeights(index.search, question.terms);
  for (const term of question.focus?.terms ?? []) weights.set(term, 2 * weights.get(term)!);
  return { weights, tokens: question.tokens, text: question.query, type: question.type };
}

/**
 * A heading's terms, which count for less in its sentences (their words are the whole text's topic).
 * Kept for the headings met lately: every passage of a document has one of its few, and cutting them
 * for every question was a twentieth of a CMRC question's own time (a CPU profile, twelfth session).
 */
const headingTerms = boundedMemo((heading: string): ReadonlySet<string> => new Set(tokenize(heading)), 4096);

function sentencesOf(index: CorpusIndex, question: Question): QuestionSentences {
  const info = questionInfo(index, question);
  const kept = new Map<string, ScoredText>();
  return {
    info,
    scored(text, sentences, heading, analysis) {
      // A heading holds no line break, so the key is one text's under one heading.
      const key = `${heading}\n${text}`;
      let found = kept.get(key);
      if (!found) {
        const known = analysis();
        found = { tokens: known.tokens, normalized: known.normalized, features: sentenceFeatures(text, known.tokens, sentences, info, headingTerms(heading), known) };
        kept.set(key, found);
      }
      return found;
    },
  };
}

/** Per question, and for the index it was asked of: a re-index swaps the index, and IDFs change with it. */
const perQuestion = new WeakMap<Question, { index: CorpusIndex; sentences: QuestionSentences }>();

/** The question's sentence scorer for this index, made on first use and shared by every later one. */
export function questionSentences(index: CorpusIndex, question: Question): QuestionSentences {
  const found = perQuestion.get(question);
  if (found?.index === index) return found.sentences;
  const sentences = sentencesOf(index, question);
  perQuestion.set(question, { index, sentences });
  return sentences;
}

/** A passage's own sentences, scored for the question. */
export const scoredPassage = (index: CorpusIndex, question: Question, passage: Passage): ScoredText =>
  questionSentences(index, question).scored(passage.text, passage.sentences, headingOf(passage), () => analysisOf(passage));
