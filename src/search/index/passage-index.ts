// What ranking and answering need from a passage index, whoever keeps it. The default backend is
// Orama in memory (`orama/`); a second backend implements the same two interfaces and runs the shared
// contract suite (`test/search/index/passage-index.case.ts`).
import type { Passage } from '../../ingest/chunk-passages.js';

export interface Hit {
  id: string;
  score: number;
}

export interface KeywordQuery {
  text: string;
  limit: number;
  /** Only passages of this document. */
  docId?: string;
  /** Multiplies the BM25 of the title field (article title and section). */
  titleBoost: number;
}

export interface VectorQuery {
  vector: number[];
  limit: number;
  docId?: string;
}

export interface PassageIndex {
  /** Passages held. */
  readonly size: number;
  /**
   * Adds passages; row i of `vectors` belongs to passages[i]. Long insertions give the event loop turns
   * between slices, so a server re-indexing in the background keeps answering.
   */
  insert(passages: Passage[], vectors: Float32Array): Promise<void>;
  /**
   * Okapi BM25 over jieba tokens of the text and title fields; a query token matches only the same
   * whole token (no prefixes). Best first; passages matching no query token are left out.
   */
  keywordSearch(query: KeywordQuery): Promise<Hit[]>;
  /** Cosine similarity to every passage (vectors are unit length), best first, none cut off. */
  vectorSearch(query: VectorQuery): Promise<Hit[]>;
  /** How many passages' text holds `term` as a whole token. */
  documentFrequency(term: string): number;
  /**
   * The index as bytes. Vectors are stored once, by the caller, in rows: the bytes refer to a
   * passage's vector by `rowOf(id)` instead of holding it again.
   */
  serialize(rowOf: (id: string) => number): Promise<Buffer>;
}

export interface IndexBackend {
  /** Names the backend's file in a stored build (`<name>.json`). */
  readonly name: string;
  create(dimensions: number): PassageIndex;
  /** The index `serialize` wrote, its vector rows taken from `vectors` (passages × dimensions). */
  restore(bytes: Buffer, vectors: Float32Array, dimensions: number): PassageIndex;
}
