// What the sentence scorer knows about each sentence of a paragraph, each a number in 0..1. Kept
// apart from the weights (`../knobs.ts`) so the fit (`npm run fit:sentences`) and the engine compute
// exactly the same features.
import type { Span } from '../../ingest/split-sentences.js';
import { normalizeForMatch } from '../../text/normalize.js';
import type { Token } from '../tokenize/tokenize.js';
import type { TextAnalysis } from '../tokenize/text-analysis.js';
import { objectMemo } from '../../util/object-memo.js';
import type { QuestionType } from '../question/question-type.js';
import { typeCandidates } from './type-cues.js';

export interface SentenceFeatures {
  /**
   * Share of the question's term weight the sentence holds. A term's weight is its IDF in the corpus
   * times its IDF among the paragraph's sentences; terms of the passage's title are left out (every
   * sentence is about the title's subject), unless nothing else is left.
   */
  coverage: number;
  /** Share of the question's character bigrams (question words left out) found in the sentence. */
  bigrams: number;
  /** 1 when the sentence holds what the question type asks for (a figure, a date, a name, a place). */
  typeCue: number;
  /** 0 for the paragraph's first sentence, 1 for its last. */
  position: number;
  /**
   * Share of the question's focus words the sentence holds: the words next to the question word, which
   * name what is asked about (累计贸易额 in 保税仓累计贸易额有多少, 医院 in 送到了哪家医院). A news
   * paragraph names its subject early and gives the asked detail later; the focus finds the detail.
   */
  focus: number;
}

export interface QuestionInfo {
  /** Corpus IDF of each query term (a follow-up's own words already counted double). */
  weights: Map<string, number>;
  /** Query tokens with offsets into `text`, for the bigrams of the question's content words. */
  tokens: Token[];
  text: string;
  type: QuestionType;
}

function contentBigrams(q: QuestionInfo): Set<string> {
  const text = normalizeForMatch(q.text);
  const grams = new Set<string>();
  // Runs of adjacent content tokens: phrases that cross a token boundary count as well.
  let run = '';
  let end = -1;
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) grams.add(run.slice(i, i + 2));
    run = '';
  };
  for (const t of q.tokens) {
    // A part of the word before it (search mode's `主持` inside `主持人`) adds no characters.
    if (t.end <= end) continue;
    if (t.start !== end) flush();
    run += text.slice(t.start, t.end);
    end = t.end;
  }
  flush();
  return grams;
}

/**
 * Question words; the content words beside one are the question's focus. A yes-no question (…吗,
 * 是否…) has none: the word before 吗 is often what the answer contrasts (能跑千兆吗 is answered by 仅能以
 * 百兆接入, not by 若需以千兆速度接入…), so it would pull the answer to the wrong sentence (realdocs-dev:
 * one more answer holds the evidence without them; CMRC dev asks no such question, DRCD dev four).
 */
const QUESTION_WORD = /多少|几|什么|哪|谁|何|怎么|怎样|如何|多[大长高久远重宽深厚]/g;
/** Clause marks: a focus word never lies across one from its question word. */
const CLAUSE_MARK = /[,，、;；:：。?？!！]/;

/** The content words of the question's clause next to its question words: the one before, all after. */
export function focusWords(q: Pick<QuestionInfo, 'text' | 'tokens'>): string[] {
  const text = normalizeForMatch(q.text);
  const words = new Set<string>();
  for (const m of text.matchAll(QUESTION_WORD)) {
    const from = m.index;
    const to = from + m[0].length;
    const sameClause = (a: number, b: number) => !CLAUSE_MARK.test(text.slice(a, b));
    // The word that ends nearest the question word (the whole word, not a part of it: `贸易额`, not `贸易`).
    const before = q.tokens
      .filter((t) => t.end <= from && sameClause(t.end, from))
      .reduce<Token | undefined>((best, t) => (!best || t.end > best.end || (t.end === best.end && t.start < best.start) ? t : best), undefined);
    if (before) words.add(text.slice(before.start, before.end));
    for (const t of q.tokens) if (t.start >= to && sameClause(to, t.start)) words.add(text.slice(t.start, t.end));
  }
  return [...words];
}

/**
 * Prefixes that negate the word right after them: 非住宅 is not 住宅 (a question about 住宅 was answered
 * from 「非住宅建设用地使用权期限届满后…」). A word so negated in a sentence does not count as held,
 * unless the question negates it too. The character ends no longer word (除非, 并非 are words of their own).
 */
const NEGATION = /[非不无]/;

/** Where the words of more than one character end: kept with a text's tokens, which its analysis shares between questions. */
const wordEndsOf = objectMemo((tokens: readonly Token[]) => new Set(tokens.filter((t) => t.end - t.start > 1).map((t) => t.end)));

/** Whether a word starting at `at` in `text` is negated by the character before it (`tokens` tell where longer words end). */
function negationTest(text: string, tokens: readonly Token[]): (at: number) => boolean {
  return (at) => at > 0 && NEGATION.test(text[at - 1]) && !wordEndsOf(tokens).has(at);
}

function heldBy(tokens: readonly Token[], span: Span, negated: (at: number) => boolean, negatedAsked: ReadonlySet<string>): Set<string> {
  return new Set(tokens.filter((t) => t.start >= span.start && t.end <= span.end && (!negated(t.start) || negatedAsked.has(t.term))).map((t) => t.term));
}

/** Whether the paragraph's span holds the word other than negated, or negated as the question has it. */
function holdsWord(text: string, span: Span, word: string, negated: (at: number) => boolean, negatedAsked: ReadonlySet<string>): boolean {
  for (let at = text.indexOf(word, span.start); at >= 0 && at + word.length <= span.end; at = text.indexOf(word, at + 1)) {
    if (!negated(at) || negatedAsked.has(word)) return true;
  }
  return false;
}

/** What every text's features need of the question, worked out once per question rather than once per text. */
const questionParts = objectMemo((q: QuestionInfo) => {
  const asked = normalizeForMatch(q.text);
  const askedNegated = negationTest(asked, q.tokens);
  return {
    asked,
    negatedAsked: new Set(q.tokens.filter((t) => askedNegated(t.start)).map((t) => t.term)),
    grams: contentBigrams(q),
    focus: focusWords(q),
  };
});

/**
 * Features of every sentence of a paragraph, given the paragraph's tokens and the passage title's terms;
 * `known`, what the text's analysis holds already: its names (else each sentence is tagged) and its
 * normalized form (else it is normalized here).
 */
export function sentenceFeatures(
  text: string,
  tokens: readonly Token[],
  sentences: Span[],
  q: QuestionInfo,
  titleTerms: ReadonlySet<string>,
  known: Partial<Pick<TextAnalysis, 'names' | 'normalized'>> = {},
): SentenceFeatures[] {
  const { names } = known;
  const { negatedAsked, grams, focus, asked } = questionParts(q);
  const normalized = known.normalized ?? normalizeForMatch(text);
  const negated = negationTest(normalized, tokens);
  // Only the question's words count towards a sentence's share of them.
  const askedTokens = tokens.filter((t) => q.weights.has(t.term));
  const held = sentences.map((s) => heldBy(askedTokens, s, negated, negatedAsked));
  const n = sentences.length;
  const untitled = [...q.weights.keys()].filter((t) => !titleTerms.has(t));
  const terms = untitled.length > 0 ? untitled : [...q.weights.keys()];
  const weight = new Map<string, number>();
  for (const term of terms) {
    const df = held.filter((h) => h.has(term)).length;
    weight.set(term, q.weights.get(term)! * Math.log(1 + n / Math.max(df, 1)));
  }
  let total = 0;
  for (const w of weight.values()) total += w;
  // What the question already says is not its answer: 中国 in `RISC-V 中国峰会在哪里开` is no place found.
  const namesIn = (s: Span) =>
    names && (q.type === 'person' || q.type === 'place') ? names().flatMap((w) => (w.start >= s.start && w.end <= s.end ? [{ start: w.start - s.start, end: w.end - s.start, kind: w.kind }] : [])) : undefined;
  const answersType = (s: Span) => {
    const sentence = text.slice(s.start, s.end);
    const matched = normalized.slice(s.start, s.end);
    return q.type !== 'other' && typeCandidates(sentence, q.type, namesIn(s), matched).some((c) => !asked.includes(matched.slice(c.start, c.end)));
  };
  return sentences.map((s, i) => {
    let mass = 0;
    for (const term of held[i]) mass += weight.get(term) ?? 0;
    const sentence = normalized.slice(s.start, s.end);
    let shared = 0;
    for (const g of grams) if (sentence.includes(g)) shared++;
    return {
      coverage: total > 0 ? mass / total : 0,
      bigrams: grams.size > 0 ? shared / grams.size : 0,
      typeCue: answersType(s) ? 1 : 0,
      position: n > 1 ? i / (n - 1) : 0,
      focus: focus.length > 0 ? focus.filter((w) => holdsWord(normalized, s, w, negated, negatedAsked)).length / focus.length : 0,
    };
  });
}
