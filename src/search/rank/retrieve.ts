// Candidates from the index's keyword search and its vector search, each scored on both sides; the
// ranking stages (`stages.ts`) fuse and order them.
import type { CorpusIndex } from '../index/corpus-index.js';
import type { Passage } from '../../ingest/document-model.js';
import { passageWithVector } from '../index/corpus.js';
import { nextTurn } from '../../util/next-turn.js';
import { CANDIDATE_DEPTH, KEYWORD_DEPTH_FACTOR, PREPARED_PASSAGES, KEYWORD_LONG_POSTINGS, KEYWORD_MAX_DOCUMENT_SHARE, TITLE_BOOST } from '../knobs.js';
import type { Question } from '../question/question.js';
import type { Candidate } from './candidate.js';

export interface RetrieveOptions {
  /** How many candidates each side contributes before fusion. */
  depth?: number;
  /** Only passages of these documents: the question's scope. */
  docIds?: readonly string[];
  /**
   * Work on a passage that ranking will likely need (its sentences scored for the question), done on
   * the keyword side's leading passages, best first, while the query vector is still being computed,
   * and stopped when it arrives: time the thread would otherwise spend waiting.
   */
  prepare?: (passage: Passage) => void;
}

/** Runs `prepare` on the passages in order, a turn of the event loop between two, until `pending` settles. */
async function prepareWhilePending(passages: Passage[], pending: Promise<unknown>, prepare: (passage: Passage) => void): Promise<void> {
  let settled = false;
  pending.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (const passage of passages) {
    // The turn lets the model's reply in: the vector's arrival is seen within one passage's work.
    await nextTurn();
    if (settled) return;
    prepare(passage);
  }
}

/** Cosine of two unit vectors: bge's outputs are normalised, so a dot product. */
function cosine(query: number[], vector: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < vector.length; i++) dot += query[i] * vector[i];
  return dot;
}

/** The terms keyword search looks up: all but the most common in a large corpus (see KEYWORD_MAX_DOCUMENT_SHARE). */
function distinctiveWords(index: CorpusIndex, terms: readonly string[]): string[] {
  const most = Math.max(KEYWORD_MAX_DOCUMENT_SHARE * index.search.size, KEYWORD_LONG_POSTINGS);
  return terms.filter((term) => index.search.documentFrequency(term) <= most);
}

/**
 * Candidates, unranked. A follow-up's own words are searched a second time and their keyword score
 * added, so they lead the context. `queryVector` may still be on its way (the model runs in a worker
 * for a server): the keyword side is searched and its passages read meanwhile, so that part of a
 * question costs no time beyond the embedding's.
 */
export async function retrieve(index: CorpusIndex, question: Question, queryVector: number[] | Promise<number[]>, options: RetrieveOptions = {}): Promise<Candidate[]> {
  const depth = options.depth ?? CANDIDATE_DEPTH;
  const { docIds } = options;
  const keywordSearch = (terms: readonly string[]) => index.search.keywordSearch({ terms: distinctiveWords(index, terms), limit: depth * KEYWORD_DEPTH_FACTOR, docIds, titleBoost: TITLE_BOOST });
  // An index still without its vectors (`CorpusIndex.keywordOnly`) is searched by its words alone.
  const vectorSide = index.keywordOnly ? undefined : Promise.resolve(queryVector).then(async (vector) => ({ vector, hits: await index.search.vectorSearch({ vector, limit: depth, docIds }) }));
  // Awaited below; marked handled now, so that a failure arriving while the keyword side is searched
  // (or one left behind when the keyword side fails first) is not taken for an unhandled rejection.
  vectorSide?.catch(() => {});
  const [keywordHits, focusHits] = await Promise.all([keywordSearch(question.tokens.map((t) => t.term)), question.focus ? keywordSearch(question.focus.terms) : []]);
  const keyword = new Map(keywordHits.map((h) => [h.id, h.score]));
  for (const h of focusHits) keyword.set(h.id, (keyword.get(h.id) ?? 0) + h.score);
  const found = new Map<string, { passage: Passage; vector: Float32Array } | undefined>();
  const read = (id: string) => found.has(id) || found.set(id, passageWithVector(index.corpus, id, index.dimensions));
  keywordHits.slice(0, depth).forEach((h) => read(h.id));
  if (vectorSide && options.prepare) {
    const leading = keywordHits.slice(0, PREPARED_PASSAGES).flatMap((h) => found.get(h.id)?.passage ?? []);
    await prepareWhilePending(leading, vectorSide, options.prepare);
  }
  const { vector, hits: vectorHits } = (await vectorSide) ?? { vector: undefined, hits: [] };
  vectorHits.forEach((h) => read(h.id));
  // Every candidate's cosine is computed here from the corpus's vectors, the vector hits' too: an
  // approximate index (LanceDB's, past 10,000 passages) ranks by compressed vectors.
  const candidates: Candidate[] = [];
  for (const [id, passage] of found) {
    if (passage) candidates.push({ passage: passage.passage, scores: { keyword: keyword.get(id) ?? 0, vector: vector ? cosine(vector, passage.vector) : 0 }, score: 0 });
  }
  return candidates;
}
