// The Orama database of passages: jieba-tokenized text and title for BM25, a bge vector for similarity.
import { create, insertMultiple, search, type Orama } from '@orama/orama';
import type { Passage } from '../ingest/chunk-passages.js';
import { createBm25Index } from './bm25-index.js';
import { nextTurn } from './next-turn.js';
import { oramaTokenizer } from './tokenize.js';

export const passageSchema = (dimensions: number) =>
  ({
    text: 'string',
    title: 'string',
    docId: 'enum',
    embedding: `vector[${dimensions}]`,
  }) as const;

export type PassageDb = Orama<ReturnType<typeof passageSchema>>;

/** The article title (and section) is indexed as its own field: questions often name the subject. */
export const titleField = (p: Passage) => (p.section ? `${p.title} ${p.section}` : p.title);

/** The text a passage is embedded as: its title gives a short paragraph its subject. */
export const embeddingText = (p: Passage) => `${titleField(p)}\n${p.text}`;

/** Orama's `restore()` and `load()` keep no tokenizer: every database, new or loaded, is made here. */
export function createPassageDb(dimensions: number): PassageDb {
  return create({
    schema: passageSchema(dimensions),
    components: { tokenizer: oramaTokenizer, index: createBm25Index() },
  }) as PassageDb;
}

/** Passages inserted between two turns of the event loop: about 0.1 s of work at a time. */
export const INSERT_SLICE = 150;

/**
 * Orama's insertMultiple runs start to finish without yielding (9 s for 12,630 passages), so a
 * server re-indexing in the background would stop answering; this gives the event loop a turn
 * between slices.
 */
export async function insertPassages(db: PassageDb, passages: Passage[], vectors: Float32Array, dimensions: number): Promise<void> {
  for (let start = 0; start < passages.length; start += INSERT_SLICE) {
    const slice = passages.slice(start, start + INSERT_SLICE).map((p, k) => {
      const row = start + k;
      return {
        id: p.id,
        text: p.text,
        title: titleField(p),
        docId: p.docId,
        // Orama's vector field wants a plain array, not a typed one.
        embedding: Array.from(vectors.subarray(row * dimensions, (row + 1) * dimensions)),
      };
    });
    await insertMultiple(db, slice, INSERT_SLICE);
    await nextTurn();
  }
}

export interface Hit {
  id: string;
  score: number;
}

export const TITLE_BOOST = 1;

export async function keywordSearch(db: PassageDb, question: string, limit: number, docId?: string): Promise<Hit[]> {
  const result = await search(db, {
    term: question,
    properties: ['text', 'title'],
    boost: { title: TITLE_BOOST },
    limit,
    ...(docId ? { where: { docId: { eq: docId } } } : {}),
  });
  return result.hits.map((h) => ({ id: h.id, score: h.score }));
}

export async function vectorSearch(db: PassageDb, vector: number[], limit: number, docId?: string): Promise<Hit[]> {
  const result = await search(db, {
    mode: 'vector',
    vector: { value: vector, property: 'embedding' },
    // Orama's default cut-off is 0.8, far above what relevant Chinese passages score with bge;
    // every passage stays a candidate and the fusion and the no-answer rule decide.
    similarity: -1,
    limit,
    includeVectors: false,
    ...(docId ? { where: { docId: { eq: docId } } } : {}),
  });
  return result.hits.map((h) => ({ id: h.id, score: h.score }));
}
