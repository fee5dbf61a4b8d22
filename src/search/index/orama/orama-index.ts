// The Orama backend: one in-memory Orama database of passages, with jieba-tokenized text and title for
// BM25 (our own index component, `bm25-component.ts`) and the bge vector for similarity. Everything
// Orama-specific about xunyuan lives in this folder.
import { count, create, insertMultiple, load, save, search, type Orama, type Tokenizer } from '@orama/orama';
import { headingOf, type Passage } from '../../../ingest/chunk-passages.js';
import { nextTurn } from '../../../util/next-turn.js';
import { tokenize } from '../../tokenize/tokenize.js';
import type { IndexBackend, KeywordQuery, PassageIndex, VectorQuery } from '../passage-index.js';
import { createBm25Component, postings, type Bm25Store } from './bm25-component.js';
import { pointVectorsAtRows, pointVectorsIntoStore, type OramaSnapshot } from './orama-snapshot.js';

const passageSchema = (dimensions: number) =>
  ({
    text: 'string',
    title: 'string',
    docId: 'enum',
    embedding: `vector[${dimensions}]`,
  }) as const;

type PassageDb = Orama<ReturnType<typeof passageSchema>>;

/** xunyuan's tokenizer in the shape Orama wants; it must be given again whenever an index is restored. */
const oramaTokenizer: Tokenizer = {
  language: 'chinese',
  normalizationCache: new Map(),
  tokenize: (raw: string) => tokenize(raw),
};

/** Orama's `load()` keeps no tokenizer or components: every database, new or restored, is made here. */
function createDb(dimensions: number): PassageDb {
  return create({
    schema: passageSchema(dimensions),
    components: { tokenizer: oramaTokenizer, index: createBm25Component() },
  }) as PassageDb;
}

/** Passages inserted between two turns of the event loop: about 0.1 s of work at a time. */
export const INSERT_SLICE = 150;

const onlyDocument = (docId: string | undefined) => (docId ? { where: { docId: { eq: docId } } } : {});

function oramaIndex(db: PassageDb, dimensions: number): PassageIndex {
  const textPostings = () => (db.data.index as unknown as Bm25Store).indexes.text.node;
  return {
    get size() {
      return count(db);
    },

    async insert(passages: Passage[], vectors: Float32Array) {
      // insertMultiple runs start to finish without yielding (9 s for 12,630 passages): slice it.
      for (let start = 0; start < passages.length; start += INSERT_SLICE) {
        const slice = passages.slice(start, start + INSERT_SLICE).map((p, k) => {
          const row = start + k;
          return {
            id: p.id,
            text: p.text,
            title: headingOf(p),
            docId: p.docId,
            // Orama's vector field wants a plain array, not a typed one.
            embedding: Array.from(vectors.subarray(row * dimensions, (row + 1) * dimensions)),
          };
        });
        await insertMultiple(db, slice, INSERT_SLICE);
        await nextTurn();
      }
    },

    async keywordSearch(query: KeywordQuery) {
      const result = await search(db, {
        term: query.text,
        properties: ['text', 'title'],
        boost: { title: query.titleBoost },
        limit: query.limit,
        ...onlyDocument(query.docId),
      });
      return result.hits.map((h) => ({ id: h.id, score: h.score }));
    },

    async vectorSearch(query: VectorQuery) {
      const result = await search(db, {
        mode: 'vector',
        vector: { value: query.vector, property: 'embedding' },
        // Orama's default cut-off is 0.8, far above what relevant Chinese passages score with bge;
        // every passage stays a candidate and fusion and the no-answer rule decide.
        similarity: -1,
        limit: query.limit,
        includeVectors: false,
        ...onlyDocument(query.docId),
      });
      return result.hits.map((h) => ({ id: h.id, score: h.score }));
    },

    documentFrequency(term: string) {
      return postings(textPostings(), term)?.size ?? 0;
    },

    async save(_folder: string, rowOf: (id: string) => number) {
      const snapshot = pointVectorsAtRows(save(db) as OramaSnapshot, rowOf);
      await nextTurn();
      return [{ name: SNAPSHOT_FILE, bytes: Buffer.from(JSON.stringify(snapshot)) }];
    },
  };
}

/** The whole database, as JSON: Orama keeps nothing on disk of its own. */
const SNAPSHOT_FILE = 'orama.json';

export const oramaBackend: IndexBackend = {
  name: 'orama',
  files: [SNAPSHOT_FILE],
  create: async (dimensions) => oramaIndex(createDb(dimensions), dimensions),
  async open(_folder, files, vectors, dimensions) {
    const snapshot = JSON.parse(files[SNAPSHOT_FILE].toString('utf8')) as OramaSnapshot;
    pointVectorsIntoStore(snapshot, vectors, dimensions);
    const db = createDb(dimensions);
    load(db, snapshot);
    return oramaIndex(db, dimensions);
  },
};
