// The corpus behind an index: documents for display, their passages, and each passage's vector, found
// by id. A build holds it in memory (`memoryCorpus`); a saved build is read from its files on demand
// (`corpus-files.ts`), so a served corpus costs memory for its list of documents only.
import { docIdOfPassage, type Passage, type StoredDocument } from '../../ingest/document-model.js';

/** What lists of documents show (the documents page, the API, the scope menu), held in memory. */
export interface DocumentSummary {
  id: string;
  path: string;
  title: string;
  /** Hash of the file's path and text: a re-index keeps an unchanged file's parse and vectors. */
  sourceHash: string;
  articles: { index: number; title: string }[];
  passages: number;
}

export interface Corpus {
  readonly passageCount: number;
  /** Every document, in corpus order. */
  readonly documents: readonly DocumentSummary[];
  summary(id: string): DocumentSummary | undefined;
  document(id: string): StoredDocument | undefined;
  /** A document's passages, in order; empty for an unknown document. */
  passagesOf(docId: string): readonly Passage[];
  /** The unit vectors of a document's passages, one row each in `passagesOf`'s order. */
  vectorsOf(docId: string): Float32Array;
  /** Rejects when any record of the corpus fails its check (one in memory is whole); gives the event loop turns as it reads. */
  verify(): Promise<void>;
  /** Lets go of the files it reads (a corpus in memory has none). */
  close(): void;
}

export function passageOf(corpus: Corpus, id: string): Passage | undefined {
  return corpus.passagesOf(docIdOfPassage(id)).find((p) => p.id === id);
}

/** A passage with its vector, or undefined for an unknown passage. */
export function passageWithVector(corpus: Corpus, id: string, dimensions: number): { passage: Passage; vector: Float32Array } | undefined {
  const docId = docIdOfPassage(id);
  const passages = corpus.passagesOf(docId);
  const i = passages.findIndex((p) => p.id === id);
  return i < 0 ? undefined : { passage: passages[i], vector: corpus.vectorsOf(docId).subarray(i * dimensions, (i + 1) * dimensions) };
}

export function summarizeDocument(d: StoredDocument, passages: number): DocumentSummary {
  return { id: d.id, path: d.path, title: d.title, sourceHash: d.sourceHash, articles: d.articles.map((a) => ({ index: a.index, title: a.title })), passages };
}

/**
 * A corpus held in memory, as a build makes it: `passages` grouped by document in the documents'
 * order, and row i of `vectors` belonging to passages[i].
 */
export function memoryCorpus(documents: StoredDocument[], passages: Passage[], vectors: Float32Array, dimensions: number): Corpus {
  const byDocument = new Map<string, { first: number; passages: Passage[] }>();
  passages.forEach((p, row) => {
    const entry = byDocument.get(p.docId);
    if (entry) entry.passages.push(p);
    else byDocument.set(p.docId, { first: row, passages: [p] });
  });
  const summaries = documents.map((d) => summarizeDocument(d, byDocument.get(d.id)?.passages.length ?? 0));
  const summaryById = new Map(summaries.map((s) => [s.id, s]));
  const documentById = new Map(documents.map((d) => [d.id, d]));
  return {
    passageCount: passages.length,
    documents: summaries,
    summary: (id) => summaryById.get(id),
    document: (id) => documentById.get(id),
    passagesOf: (docId) => byDocument.get(docId)?.passages ?? [],
    vectorsOf(docId) {
      const entry = byDocument.get(docId);
      return entry ? vectors.subarray(entry.first * dimensions, (entry.first + entry.passages.length) * dimensions) : new Float32Array(0);
    },
    verify: async () => {},
    close: () => {},
  };
}

/** The corpus if every record of it is intact, for a build to reuse; undefined when not. */
export async function reusable(corpus: Corpus | undefined): Promise<Corpus | undefined> {
  try {
    await corpus?.verify();
    return corpus;
  } catch {
    return undefined;
  }
}
