// Where a passage is, for a question that names a place: the places its text, heading, document title
// and file name name, or, when they name none (我市, 全市), the places its article names. Used by the
// ranking (`named-things-stage.ts`: a passage from elsewhere moves down) and by the answer
// (`../answer/compose-answer.ts`: an answer from elsewhere is none).
import type { Passage, StoredDocument } from '../../ingest/document-model.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { objectMemo } from '../../util/object-memo.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { isNamedIn, isWithin, placesIn, type Place } from '../question/places.js';

/** A text as matched (normalized, without spacing) and the places it names. */
export interface PlaceReading {
  text: string;
  places: Place[];
}

export function readPlaces(text: string): PlaceReading {
  const normalized = normalizeForMatch(text).replace(/\s+/g, '');
  return { text: normalized, places: placesIn(normalized) };
}

/**
 * Whether a text is about another place than `place`: true when it names others and neither this one
 * nor one inside it (冀州区 is in 衡水, 衡水 in 河北), false when it names this one, undefined when it
 * names none.
 */
export function namesElsewhere(reading: PlaceReading, place: Place): boolean | undefined {
  if (isNamedIn(place, reading.text)) return false;
  return reading.places.length === 0 ? undefined : !reading.places.some((other) => isWithin(other, place));
}

/**
 * How much of an article is read for the places it names, at most: a newspaper article or a report's
 * chapter says where it is early; normalizing and scanning 20,000 characters took 3.3 ms (1.5 + 1.8), a
 * scratch timing on a seed page.
 */
const ARTICLE_PLACE_CHARS = 8_000;

type StoredArticle = StoredDocument['articles'][number];

/** An article's places, read once per stored article (the corpus's record cache keeps the object while it holds its document). */
const articleReading = objectMemo((article: StoredArticle) => {
  let text = article.title;
  for (const paragraph of article.paragraphs) {
    if (text.length >= ARTICLE_PLACE_CHARS) break;
    text += paragraph.text;
  }
  return readPlaces(text.slice(0, ARTICLE_PLACE_CHARS));
});

/**
 * Whether the passage is about another place than `place`: `held` (what the passage itself, its heading
 * and its document's title and name say) decides when it names a place; otherwise its article does.
 */
export function isElsewhere(index: CorpusIndex, passage: Passage, held: PlaceReading, place: Place): boolean {
  const own = namesElsewhere(held, place);
  if (own !== undefined) return own;
  const article = index.corpus.document(passage.docId)?.articles[passage.articleIndex];
  return article ? (namesElsewhere(articleReading(article), place) ?? false) : false;
}
