// The Orama backend: one in-memory Orama database of passages, with jieba-tokenized text and title for
// BM25 (our own index component, `bm25-component.ts`), and an exact cosine scan over the caller's vector
// rows (`../vector-rows.ts`). Everything Orama-specific about xunyuan lives in this folder.
import { count, create, insertMultiple, load, save, search, type Orama, type Tokenizer } from '@orama/orama';
import { headingOf, type Passage } from '../../../ingest/document-model.js';
import { nextTurn } from '../../../util/next-turn.js';
import { tokenize } from '../../tokenize/tokenize.js';
import { indexedTerms } from '../../tokenize/text-analysis.js';
import type { IndexBackend, KeywordQuery, PassageIndex, VectorQuery } from '../passage-index.js';
import { compactPostings, createBm25Component, postingCount, postings, type Bm25Component, type Bm25Store } from './bm25-component.js';
import { createIdOnlyDocumentsStore } from './id-only-documents.js';
import { VectorRows } from '../vector-rows.js';

const passageSchema = {
  text: 'string',
  title: 'string',
  docId: 'enum',
} as const;

type PassageDb = Orama<typeof passageSchema>;

/**
 * The terms of the passage texts being inserted, from their stored tokens (`indexedTerms`): Orama hands
 * its tokenizer a field's text alone. A text missing here is cut as any other.
 */
const insertedTerms = new Map<string, string[]>();

/** xunyuan's tokenizer in the shape Orama wants; it must be given again whenever an index is restored. */
const oramaTokenizer: Tokenizer = {
  language: 'chinese',
  normalizationCache: new Map(),
  tokenize: (raw: string) => insertedTerms.get(raw) ?? tokenize(raw),
};

/** Orama's `load()` keeps no tokenizer or components: every database, new or restored, is made here. */
function createDb(): { db: PassageDb; bm25: Bm25Component } {
  const bm25 = createBm25Component();
  const db = create({
    schema: passageSchema,
    // Nothing is ever sorted by a field: Orama's sort index (a sorted copy per string field) is not built.
    sort: { enabled: false },
    components: { tokenizer: oramaTokenizer, index: bm25.component, documentsStore: createIdOnlyDocumentsStore() },
  }) as PassageDb;
  return { db, bm25 };
}

/** Passages inserted between two turns of the event loop: about 0.1 s of work at a time. */
export const INSERT_SLICE = 150;

const onlyDocuments = (docIds: readonly string[] | undefined) => (docIds ? { where: { docId: { in: [...docIds] } } } : {});

/** What the backend's file holds: Orama's database (keyword side) and which passage each vector row is. */
interface SavedIndex {
  orama: ReturnType<typeof save>;
  ids: string[];
  docIds: string[];
}

function oramaIndex({ db, bm25 }: { db: PassageDb; bm25: Bm25Component }, rows: VectorRows): PassageIndex {
  const textPostings = () => (db.data.index as unknown as Bm25Store).indexes.text.node;
  return {
    get size() {
      return count(db);
    },

    async insert(passages: Passage[], vectors: Float32Array) {
      rows.append(vectors, passages.map((p) => p.id), passages.map((p) => p.docId));
      // insertMultiple runs start to finish without yielding (9 s for 12,630 passages): slice it.
      for (let start = 0; start < passages.length; start += INSERT_SLICE) {
        const sliced = passages.slice(start, start + INSERT_SLICE);
        for (const p of sliced) insertedTerms.set(p.text, indexedTerms(p));
        const slice = sliced.map((p) => ({ id: p.id, text: p.text, title: headingOf(p), docId: p.docId }));
        try {
          await insertMultiple(db, slice, INSERT_SLICE);
        } finally {
          insertedTerms.clear();
        }
        await nextTurn();
      }
    },

    async keywordSearch(query: KeywordQuery) {
      // Orama calls the component within this call, before anything else can set another limit.
      bm25.setLimit(query.limit);
      const result = await search(db, {
        term: query.terms.join(' '),
        properties: ['text', 'title'],
        boost: { title: query.titleBoost },
        limit: query.limit,
        ...onlyDocuments(query.docIds),
      });
      return result.hits.map((h) => ({ id: h.id, score: h.score }));
    },

    async vectorSearch(query: VectorQuery) {
      return rows.search(query.vector, query.limit, query.docIds);
    },

    documentFrequency(term: string) {
      const docs = postings(textPostings(), term);
      return docs ? postingCount(docs) : 0;
    },

    async save(_folder: string, rowOf: (id: string) => number) {
      // Rows as the caller stores them: the file names the passage of each stored row.
      const ids: string[] = [];
      const docIds: string[] = [];
      rows.ids.forEach((id, i) => {
        ids[rowOf(id)] = id;
        docIds[rowOf(id)] = rows.docIds[i];
      });
      const saved: SavedIndex = { orama: save(db), ids, docIds };
      await nextTurn();
      return [{ name: SNAPSHOT_FILE, bytes: Buffer.from(JSON.stringify(saved)) }];
    },
  };
}

/** The keyword index and the row of each passage, as JSON: Orama keeps nothing on disk of its own. */
const SNAPSHOT_FILE = 'orama.json';

export const oramaBackend: IndexBackend = {
  name: 'orama',
  files: [SNAPSHOT_FILE],
  create: async (dimensions) => oramaIndex(createDb(), new VectorRows(new Float32Array(0), dimensions, [], [])),
  async open(_folder, files, vectors, dimensions) {
    const saved = JSON.parse(files[SNAPSHOT_FILE].toString('utf8')) as SavedIndex;
    const made = createDb();
    load(made.db, saved.orama);
    compactPostings(made.db.data.index as unknown as Bm25Store);
    return oramaIndex(made, new VectorRows(vectors(), dimensions, saved.ids, saved.docIds));
  },
};
