// Ranked candidates → the JSON the API, the page and the command line all show.
import { headingOf, passageId, type Passage, type TableRowPlace } from '../../ingest/document-model.js';
import type { Span } from '../../ingest/split-sentences.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import type { StoredParagraph } from '../../ingest/document-model.js';
import { passageOf } from '../index/corpus.js';
import { NO_ANSWER_RULE, SENTENCE_WEIGHTS } from '../knobs.js';
import type { Candidate, ScoreParts } from '../rank/candidate.js';
import type { Token } from '../tokenize/tokenize.js';
import { analysisOf, paragraphAnalysis } from '../tokenize/text-analysis.js';
import { findAnswerPhrase } from './answer-phrase.js';
import { findField, namesArticle } from './document-fields.js';
import { editionYearsInFull } from '../question/named-things.js';
import { placeNamed } from '../question/places.js';
import { isElsewhere, readPlaces } from '../rank/passage-places.js';
import type { Question } from '../question/question.js';
import type { DocumentOverview } from './overview.js';
import { lacksAskedKind } from './asked-kind.js';
import { findHighlights } from './highlight.js';
import { isAnswerable, KEYWORD_ONLY_RULE, shownConfidence, NO_ANSWER_IN_SCOPE_MESSAGE, NO_ANSWER_MESSAGE, notFoundMessage, relevanceLevel, type Relevance, type RelevanceLevel } from './no-answer.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { answerSpan, bestSentence } from './pick-sentence.js';
import type { QuestionInfo, SentenceFeatures } from './sentence-features.js';
import { questionSentences, type QuestionSentences, type ScoredText } from './question-sentences.js';
import { coverage } from './term-weights.js';
import { documentUrl } from '../../urls.js';
import { objectMemo } from '../../util/object-memo.js';
import { askedCell, columnAt } from './table-cell.js';
import { tableExtreme, type Extreme } from './table-extreme.js';

export interface Offsets {
  start: number;
  end: number;
}

export interface PassageResult {
  id: string;
  docId: string;
  title: string;
  text: string;
  quote: Offsets;
  highlights: Offsets[];
  score: number;
  /** Each part of the score, by the stage that measured it (`keyword` and `vector` always). */
  scores: ScoreParts;
  /**
   * 0..1, the no-answer rule's confidence in this passage (closeness in meaning and the question's key
   * words it holds), and the level shown for it: 高, 中 (enough to answer), 低.
   */
  relevance: { confidence: number; level: RelevanceLevel };
  url: string;
  /** 1-based page of a paged source (PDF). */
  page?: number;
  /** For a spreadsheet row: its sheet and row number, and for the answer the column its words are in. */
  table?: TableRowPlace & { column?: string };
  /** Other documents holding the same passage word for word (copies, versions), shown once here. */
  alsoIn?: { docId: string; title: string; url: string }[];
}

export interface AskResult {
  question: string;
  /** Set when the question was read as a follow-up of this earlier question. */
  followUpOf?: string;
  answer: {
    text: string;
    passageId: string;
    docId: string;
    url: string;
    /** The words in `text` that answer a question for a figure, date, person or place (UTF-16 offsets). */
    phrase?: Offsets;
    /** For a table's highest or lowest: the column compared and over how many rows (the answer is the row found). */
    computed?: { extreme: Extreme; column: string; rows: number };
  } | null;
  message?: string;
  /** For a broad question (这几篇报道讲了什么): the documents and their articles' headlines, linked. */
  overview?: DocumentOverview[];
  passages: PassageResult[];
  /** While a first build embeds: passages embedded of all. The answer came from keyword search alone. */
  indexing?: { done: number; total: number };
  tookMs: number;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

const roundParts = (parts: ScoreParts): ScoreParts => Object.fromEntries(Object.entries(parts).map(([name, x]) => [name, round(x)])) as ScoreParts;

/** The paragraph a passage was cut from, as stored for display. */
function paragraphOf(index: CorpusIndex, passage: Passage): StoredParagraph | undefined {
  const doc = index.corpus.document(passage.docId);
  return doc?.articles[passage.articleIndex]?.paragraphs.find((p) => p.index === passage.paragraphIndex);
}

/** The passages cut from the same paragraph, in order (ids are `doc:paragraph:k`). */
function siblingsOf(index: CorpusIndex, passage: Passage): Passage[] {
  const out: Passage[] = [];
  for (let k = 0; ; k++) {
    const sibling = passageOf(index.corpus, passageId(passage.docId, passage.paragraphIndex, k));
    if (!sibling) return out;
    out.push(sibling);
  }
}

/** The tokens of a passage, taken from its paragraph's tokens: passages start and end at sentence ends, where no token runs across. */
const tokensWithin = (tokens: readonly Token[], from: number, to: number): Token[] =>
  tokens.filter((t) => t.start >= from && t.end <= to).map((t) => ({ term: t.term, start: t.start - from, end: t.end - from }));

/** The answer's span in a scored text (a paragraph or a passage). */
function answerIn(text: string, sentences: Span[], { features, normalized }: ScoredText, info: QuestionInfo): Span {
  if (features.length === 0) return { start: 0, end: text.length };
  const fits = (i: number) => {
    const { start, end } = sentences[i];
    return !lacksAskedKind(info.text, info.type, text.slice(start, end), normalized.slice(start, end));
  };
  return answerSpan(text, sentences, features, bestSentence(features, SENTENCE_WEIGHTS, fits));
}

interface Shown {
  passage: Passage;
  tokens: readonly Token[];
  quote: Span;
}

/** A passage other than the top one: its quote is its own best sentence. */
function shownAsItIs(passage: Passage, sentences: QuestionSentences): Shown {
  const scored = sentences.scored(passage.text, passage.sentences, headingOf(passage), () => analysisOf(passage));
  return { passage, tokens: scored.tokens, quote: answerIn(passage.text, passage.sentences, scored, sentences.info) };
}

/**
 * The answer is picked from the whole paragraph of the top passage, not only the passage: a long
 * paragraph is cut into overlapping passages, and the sentence that answers may sit in a neighbour.
 * That neighbour is then the passage shown first.
 */
function shownFirst(index: CorpusIndex, top: Passage, sentences: QuestionSentences): Shown {
  const paragraph = paragraphOf(index, top);
  if (!paragraph) return shownAsItIs(top, sentences);
  const siblings = siblingsOf(index, top);
  const scored = sentences.scored(paragraph.text, paragraph.sentences, headingOf(top), () => paragraphAnalysis(paragraph.text, siblings));
  const span = answerIn(paragraph.text, paragraph.sentences, scored, sentences.info);
  const holder = [top, ...siblings].find((p) => p.start <= span.start && span.end <= p.end);
  if (!holder) return shownAsItIs(top, sentences);
  return { passage: holder, tokens: tokensWithin(scored.tokens, holder.start, holder.end), quote: { start: span.start - holder.start, end: span.end - holder.start } };
}

/** What the sentence-weight fit needs: the features of every sentence of the top passage's paragraph. */
export function paragraphFeatures(index: CorpusIndex, question: Question, top: Passage): { text: string; sentences: Span[]; features: SentenceFeatures[] } | undefined {
  const paragraph = paragraphOf(index, top);
  if (!paragraph) return undefined;
  const { features } = questionSentences(index, question).scored(paragraph.text, paragraph.sentences, headingOf(top), () =>
    paragraphAnalysis(paragraph.text, siblingsOf(index, top)),
  );
  return { text: paragraph.text, sentences: paragraph.sentences, features };
}

/**
 * The first thing the question insists on (`Question.named`: a version, an edition, a law, one of the
 * years asked; a place, when the passage names only others outside it) that the answer's passage, its
 * heading and its document's title and file name do not hold: then the documents do not answer, however
 * close the passage. (realdocs-dev: the file name and edition years took unanswerable questions refused
 * from 25 to 26 of 30, answers unchanged.)
 */
function missingFrom(index: CorpusIndex, passage: Passage, named: Question['named']): string | undefined {
  if (named.mustHold.length === 0 && named.laws.length === 0 && named.years.length === 0 && named.places.length === 0) return undefined;
  // The file's name counts too: it often holds the year or edition its title leaves out (`coscon-2018-summary.html`).
  const document = index.corpus.summary(passage.docId);
  const held = normalizeForMatch(editionYearsInFull(`${document?.path ?? ''} ${document?.title ?? ''} ${headingOf(passage)} ${paragraphOf(index, passage)?.text ?? passage.text}`)).replace(/\s+/g, '');
  const missing = [...named.mustHold, ...named.laws.filter(isLawName)].find((thing) => !held.includes(normalizeForMatch(thing).replace(/\s+/g, '')));
  if (missing !== undefined) return missing;
  // A span of years (1944年到2009年) is answered by a passage holding either end.
  if (named.years.length > 0 && !named.years.some((year) => held.includes(year))) return named.years[0];
  const reading = readPlaces(held);
  return named.places.find((asked) => {
    const place = placeNamed(asked);
    return place !== undefined && isElsewhere(index, passage, reading, place);
  });
}

/** A law's name (劳动合同法, 民法典, 个人所得税法实施条例): a rule's or handbook's (请假规定, 章程) may be worded otherwise by its document. */
const isLawName = (name: string) => /(?:法|法典|条例)$/.test(name);

/** Copies listed with a passage shown, at most: "also in" names a few, not every copy of a boilerplate line. */
const MAX_COPIES_LISTED = 5;

/**
 * A passage's text without its spacing, the key copies are found by. Remembered with the passage: a
 * question compares 60 to 100 candidates, most of them read by earlier questions too, and removing
 * their spacing took 0.16 ms of each CMRC question's time after its vector arrived (a CPU profile).
 */
const spacelessText = objectMemo((passage: Passage) => passage.text.replace(/\s+/g, ''));

/**
 * The candidates with each text shown once: a passage word for word the same as a better-ranked one
 * (the same notice in two folders, an article unchanged between two versions of a law) is not listed
 * again, but named with the one kept, if it is from another document.
 */
function withoutCopies(candidates: Candidate[]): { kept: Candidate[]; copies: Map<Candidate, Candidate[]> } {
  const first = new Map<string, Candidate>();
  const copies = new Map<Candidate, Candidate[]>();
  const kept: Candidate[] = [];
  for (const c of candidates) {
    // Word for word, spacing aside; not normalized: converting every candidate's script cost a
    // tenth of a CMRC question's time (a CPU profile) to merge Traditional and simplified copies,
    // which are not the same text.
    const key = spacelessText(c.passage);
    const original = first.get(key);
    if (!original) {
      first.set(key, c);
      kept.push(c);
      continue;
    }
    const listed = copies.get(original) ?? [];
    if (c.passage.docId !== original.passage.docId && listed.length < MAX_COPIES_LISTED && !listed.some((l) => l.passage.docId === c.passage.docId)) copies.set(original, [...listed, c]);
  }
  return { kept, copies };
}

/** The result, and the evidence the no-answer rule judged (absent when nothing was found), with the answer sentence's share of the key words. */
export interface ComposedAnswer {
  result: AskResult;
  relevance?: Relevance;
  sentence?: number;
}

/** A question about a document itself (会议是哪天开的), answered from a field line or the sign-off of the first candidate article it names. */
interface FieldShown extends Shown {
  candidate: Candidate;
  phrase: Span;
}

function fieldAnswer(index: CorpusIndex, question: Question, candidates: Candidate[]): FieldShown | undefined {
  if (!question.field) return undefined;
  const { asked, subject } = question.field;
  const seen = new Set<string>();
  for (const { passage } of candidates) {
    const article = `${passage.docId}:${passage.articleIndex}`;
    if (seen.has(article) || !namesArticle(subject, headingOf(passage))) continue;
    seen.add(article);
    const paragraphs = index.corpus.document(passage.docId)?.articles[passage.articleIndex]?.paragraphs ?? [];
    const found = findField(asked, paragraphs);
    if (!found) continue;
    const first = passageOf(index.corpus, passageId(passage.docId, found.paragraphIndex, 0));
    const holder = first && [first, ...siblingsOf(index, first)].find((p) => p.start <= found.line.start && found.line.end <= p.end);
    const candidate = holder && candidates.find((c) => c.passage.id === holder.id);
    if (!holder || !candidate) continue;
    const quote = { start: found.line.start - holder.start, end: found.line.end - holder.start };
    return { candidate, passage: holder, tokens: analysisOf(holder).tokens, quote, phrase: { start: found.value.start - found.line.start, end: found.value.end - found.line.start } };
  }
  return undefined;
}

/** A computed answer: the row holding a column's highest or lowest figure (`table-extreme.ts`), with what was compared. */
interface ExtremeShown extends FieldShown {
  computed: { extreme: Extreme; column: string; rows: number };
}

/**
 * The highest or lowest row of the best candidate's table, as the answer shown first. It takes the
 * place, and the closeness, of the row that matched the question: the table is what was asked about.
 */
function extremeAnswer(index: CorpusIndex, question: Question, candidates: Candidate[]): ExtremeShown | undefined {
  const top = candidates[0];
  if (!top?.passage.tableRow) return undefined;
  const found = tableExtreme(question.query, top.passage, index.corpus.passagesOf(top.passage.docId));
  if (!found) return undefined;
  const candidate = candidates.find((c) => c.passage.id === found.passage.id) ?? { passage: found.passage, scores: { ...top.scores }, score: top.score };
  const text = found.passage.text;
  return {
    candidate,
    passage: found.passage,
    tokens: analysisOf(found.passage).tokens,
    quote: { start: 0, end: text.length },
    phrase: { start: found.answer.start, end: found.answer.end },
    computed: { extreme: found.extreme, column: found.column, rows: found.compared },
  };
}

/** `scoped`: the question was limited to a document or folder, so a refusal says that only it was searched. */
export function composeAnswer(index: CorpusIndex, question: Question, candidates: Candidate[], topK: number, startedAt: number, scoped = false): ComposedAnswer {
  const sentences = questionSentences(index, question);
  const { info } = sentences;
  const { weights } = info;
  const extreme = extremeAnswer(index, question, candidates);
  const field: FieldShown | undefined = fieldAnswer(index, question, candidates) ?? extreme;
  const { kept: ranked, copies } = withoutCopies(field ? [field.candidate, ...candidates.filter((c) => c !== field.candidate)] : candidates);
  const shown = ranked.slice(0, topK).map((c, rank) => {
    const s = field && rank === 0 ? field : rank === 0 ? shownFirst(index, c.passage, sentences) : shownAsItIs(c.passage, sentences);
    // The share of the question's key words in the quoted sentence alone: whether they meet in the answer, not just near it.
    const sentence = coverage(tokensWithin(s.tokens, s.quote.start, s.quote.end), weights);
    return { c, ...s, sentence, judged: { vector: c.scores.vector, coverage: coverage(s.tokens, weights) } };
  });
  const rule = index.keywordOnly ? KEYWORD_ONLY_RULE : NO_ANSWER_RULE;
  const relevanceOf = (judged: Relevance, sentence: number, answersByField: boolean) => {
    // A field answer is found by the document's structure, not by closeness, so it is shown as at least 中.
    const confidence = answersByField ? Math.max(shownConfidence(judged, rule), rule.minConfidence) : shownConfidence(judged, rule);
    const level = relevanceLevel(confidence, sentence, rule);
    return { confidence: round(confidence), level: index.keywordOnly && level === '高' ? '中' : level };
  };
  const passages: PassageResult[] = shown.map(({ c, passage: p, tokens, quote, judged, sentence }, rank) => ({
    id: p.id,
    docId: p.docId,
    title: p.title,
    text: p.text,
    quote: { start: quote.start, end: quote.end },
    highlights: findHighlights(tokens, weights),
    score: round(c.score),
    scores: roundParts(c.scores),
    relevance: relevanceOf(judged, sentence, field !== undefined && rank === 0),
    url: documentUrl(p.docId, p.anchor),
    ...(p.page ? { page: p.page } : {}),
    ...(p.tableRow ? { table: { ...p.tableRow } } : {}),
    ...(copies.get(c) ? { alsoIn: copies.get(c)!.map(({ passage: copy }) => ({ docId: copy.docId, title: index.corpus.summary(copy.docId)?.title ?? copy.docId, url: documentUrl(copy.docId, copy.anchor) })) } : {}),
  }));
  const top = passages[0];
  const relevance = shown[0]?.judged;
  const missing = shown[0] ? missingFrom(index, shown[0].passage, question.named) : undefined;
  const answerText = top ? top.text.slice(top.quote.start, top.quote.end) : '';
  // A field answer is the document's own line for what was asked; any other must hold the kind of thing asked (a figure for 多少).
  const answerable =
    missing === undefined && (field !== undefined || (relevance !== undefined && isAnswerable(relevance, rule) && !lacksAskedKind(question.query, info.type, answerText)));
  const cell = answerable && !field && top.table ? askedCell(top.text, question.query) : undefined;
  // A spreadsheet row answers with the cell under the column the question names, and says which column.
  const phrase = field
    ? field.phrase
    : cell && cell.start >= top.quote.start && cell.end <= top.quote.end
      ? { start: cell.start - top.quote.start, end: cell.end - top.quote.start }
      : answerable
        ? findAnswerPhrase(answerText, question.query, info.type, new Set(weights.keys()))
        : undefined;
  const column = phrase && top.table && columnAt(top.text, top.quote.start + phrase.start);
  if (column) top.table!.column = column;
  const result: AskResult = {
    question: question.text,
    ...(question.followUpOf ? { followUpOf: question.followUpOf } : {}),
    answer: answerable
      ? {
          text: answerText,
          passageId: top.id,
          docId: top.docId,
          url: top.url,
          ...(phrase ? { phrase: { start: phrase.start, end: phrase.end } } : {}),
          ...(extreme && field === extreme ? { computed: extreme.computed } : {}),
        }
      : null,
    ...(answerable ? {} : { message: missing ? notFoundMessage(missing) : scoped ? NO_ANSWER_IN_SCOPE_MESSAGE : NO_ANSWER_MESSAGE }),
    passages,
    tookMs: Math.round((performance.now() - startedAt) * 10) / 10,
  };
  return { result, relevance, sentence: shown[0]?.sentence };
}
