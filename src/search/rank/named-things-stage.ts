// A ranking stage for what the question names (`../question/named-things.ts`): a statute's passage
// whose heading holds the law the question names, or whose article number is the one asked, moves
// up; a statute's passage from another law moves down; a passage whose heading names the year asked
// moves up; a passage that, with its heading and document title, never names a Latin-script name the
// question asks about (PLCT, openEuler), or a Han name the tokenizer does not know that a candidate's
// document title holds (若依), moves down a little, and further when no passage of its document names
// it; among the leading candidates, a passage about another place than the one asked (its text,
// heading and title, or its article, name only places outside it) moves down. Questions that name
// nothing are left as they are.
import { headingOf, type Passage } from '../../ingest/document-model.js';
import { objectMemo } from '../../util/object-memo.js';
import { normalizeForMatch, traditional } from '../../text/normalize.js';
import { ABSENT_NAME_PENALTY, ELSEWHERE_PENALTY, NAMED_THING_WEIGHT, PLACE_DEPTH, UNNAMED_DOCUMENT_PENALTY } from '../knobs.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { placeNamed } from '../question/places.js';
import { isElsewhere, readPlaces, type PlaceReading } from './passage-places.js';
import { tokenize } from '../tokenize/tokenize.js';
import type { Question } from '../question/question.js';
import { unknownWordRuns } from '../question/named-things.js';
import type { Candidate } from './candidate.js';
import type { RankStage } from './stages.js';

/** +1 for each named thing the statute's passage is (the law, the article); −1 when it is another law's, whatever its number. */
function statuteScore(candidate: Candidate, laws: string[], articles: string[]): number {
  const { passage } = candidate;
  const article = passage.section !== undefined && /^第.+条$/.test(passage.section) ? tokenize(passage.section)[0] : undefined;
  if (article === undefined) return 0;
  const heading = normalizeForMatch(headingOf(passage));
  const lawNamed = laws.some((law) => heading.includes(normalizeForMatch(law)));
  if (laws.length > 0 && !lawNamed) return -1;
  return (lawNamed ? 1 : 0) + (articles.includes(article) ? 1 : 0);
}

/** A year in a title, however the date is written: `2023年9月1日`, `2020-03-11`, `2020.05`, `2023 RISC-V`. */
const HEADING_YEAR = /(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/g;

/**
 * +1 when the passage's heading (its document's or article's title: a report's, an issue's, a day's
 * news) names a year asked. Nothing is taken from a heading naming another year: an encyclopedia
 * article titled by one year is asked about others (CMRC dev lost 3 of 3,219 top documents to that
 * rule, realdocs-dev gained none over the boost alone). The text's years are left alone: a passage
 * citing a year in passing is no more about it (realdocs-dev: 2 answers fewer when they counted).
 */
function yearScore(candidate: Candidate, years: string[]): number {
  if (years.length === 0) return 0;
  const named = new Set([...headingOf(candidate.passage).matchAll(HEADING_YEAR)].map((m) => m[1]));
  return years.some((y) => named.has(y)) ? 1 : 0;
}

/**
 * How far the passage is from naming the names asked (PLCT, openEuler, 若依): 0 when it, its heading or
 * its document's title names one; 1 when only another passage of its document does (one that says 系统
 * may still answer); 2 when its document never names one, for such a document is about something else.
 * Titles and headings are matched in their normalized form (a Traditional title holds the simplified run); the
 * text only lower-cased: normalizing 50 candidates' text costs 2 ms a question.
 */
function nameAbsence(candidate: Candidate, names: string[], documentTitle: string, documentNames: (docId: string) => boolean): 0 | 1 | 2 {
  if (names.length === 0) return 0;
  const titles = normalizeForMatch(`${documentTitle} ${headingOf(candidate.passage)}`);
  const text = lowerCased(candidate.passage);
  if (names.some((name) => titles.includes(name) || text.includes(name))) return 0;
  return documentNames(candidate.passage.docId) ? 1 : 2;
}

/** A passage's text lower-cased, remembered with it: lower-casing every candidate's text again for each question took 0.2 of this stage's 0.5 ms a CMRC question (a CPU profile). */
const lowerCased = objectMemo((passage: Passage) => passage.text.toLowerCase());

/** The question's unknown-word runs (`unknownWordRuns`) that some candidate's document title holds: names the corpus titles a document by. */
function titledRuns(candidates: Candidate[], tokens: Question['tokens'], titleOf: (c: Candidate) => string): string[] {
  const runs = unknownWordRuns(tokens);
  if (runs.length === 0) return [];
  const titles = [...new Set(candidates.map(titleOf))].map(normalizeForMatch);
  return runs.filter((run) => titles.some((title) => title.includes(run)));
}

/** The places a passage's text names, read once per passage. */
const textPlaces = objectMemo((passage: Passage) => readPlaces(passage.text));

/** What a passage says of where it is: its text, its heading, its document's title and file name. */
function heldPlaces(index: CorpusIndex, passage: Passage): PlaceReading {
  const document = index.corpus.summary(passage.docId);
  const own = textPlaces(passage);
  const around = readPlaces(`${document?.path ?? ''} ${document?.title ?? ''} ${headingOf(passage)}`);
  return { text: `${around.text}${own.text}`, places: [...around.places, ...own.places] };
}

/** What each degree of `nameAbsence` costs a passage. */
const ABSENCE_PENALTY = [0, ABSENT_NAME_PENALTY, UNNAMED_DOCUMENT_PENALTY];

export const namedThingsStage: RankStage = {
  name: 'named',
  rank(candidates, { question, index }) {
    const { laws, articles, years } = question.named;
    const titleOf = (c: Candidate) => index.corpus.summary(c.passage.docId)?.title ?? '';
    const names = [...question.named.names, ...titledRuns(candidates, question.tokens, titleOf)];
    const places = question.named.places.flatMap((name) => placeNamed(name) ?? []);
    if (laws.length === 0 && articles.length === 0 && years.length === 0 && names.length === 0 && places.length === 0) return candidates;
    const naming = new Map<string, boolean>();
    // Passages' text is matched raw (normalizing it costs too much), so a name is looked for as simplified and as Traditional text writes it.
    const spellings = [...new Set(names.flatMap((name) => [name, traditional(name)]))];
    const documentNames = (docId: string) => {
      let held = naming.get(docId);
      if (held === undefined) {
        const passages = index.corpus.passagesOf(docId);
        held = passages.some((p) => spellings.some((name) => lowerCased(p).includes(name)));
        naming.set(docId, held);
      }
      return held;
    };
    candidates.forEach((c, rank) => {
      const named = statuteScore(c, laws, articles) + yearScore(c, years);
      const absence = nameAbsence(c, spellings, titleOf(c), documentNames);
      const elsewhere = rank < PLACE_DEPTH && places.some((place) => isElsewhere(index, c.passage, heldPlaces(index, c.passage), place)) ? 1 : 0;
      c.scores.named = named - absence - elsewhere;
      c.score += NAMED_THING_WEIGHT * named - ABSENCE_PENALTY[absence] - ELSEWHERE_PENALTY * elsewhere;
    });
    return candidates.sort((a, b) => b.score - a.score);
  },
};
