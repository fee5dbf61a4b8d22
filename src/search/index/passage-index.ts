// What ranking and answering need from a passage index, whoever keeps it. The default backend is
// Orama in memory (`orama/`); LanceDB on disk (`lancedb/`) is the other. Both implement these two
// interfaces and pass the shared contract suite (`test/search/index/passage-index.case.ts`).
import type { Passage } from '../../ingest/document-model.js';

export interface Hit {
  id: string;
  score: number;
}

export interface KeywordQuery {
  /** The query's tokens, as `tokenize` gives them: a backend never tokenizes a query itself. */
  terms: string[];
  limit: number;
  /** Only passages of these documents (a scope: one document or a folder's). */
  docIds?: readonly string[];
  /** Multiplies the BM25 of the title field (article title and section). */
  titleBoost: number;
}

export interface VectorQuery {
  vector: number[];
  limit: number;
  docIds?: readonly string[];
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
   * Saves the index into `folder`, a new build folder. The files returned are the caller's to write
   * and checksum (the backend's `files`); a backend that keeps its index on disk moves its own files
   * into the folder first and serves from there afterwards. Vectors are stored once, by the caller,
   * in rows: a backend's files refer to a passage's vector by `rowOf(id)` rather than holding it again.
   */
  save(folder: string, rowOf: (id: string) => number): Promise<SavedFile[]>;
}

/**
 * An index a re-index changes rather than builds anew (LanceDB's): a copy of the build being served,
 * its removed passages taken out and its new ones inserted, costs what changed, not the whole corpus.
 */
export interface UpdatableIndex extends PassageIndex {
  /**
   * A copy in `staging` (a folder of its own, not yet made, as `IndexBackend.create`'s) for the next
   * build to change and save; the index served stays as it is. Undefined where it cannot copy.
   */
  copy(staging: string): Promise<UpdatableIndex | undefined>;
  /** Takes passages out by id. */
  remove(ids: readonly string[]): Promise<void>;
}

export const isUpdatable = (index: PassageIndex): index is UpdatableIndex => 'copy' in index && 'remove' in index;

export interface SavedFile {
  name: string;
  bytes: Buffer;
}

export interface IndexBackend {
  /** `INDEX_BACKEND`'s value for it, recorded with every build it makes. */
  readonly name: string;
  /** The names of the files its `save` returns, checksummed in the build and handed back to `open`. */
  readonly files: readonly string[];
  /**
   * A new, empty index. `staging` is a folder of its own (not yet made) on the index's file system,
   * where a backend that builds on disk writes until `save` moves it into a build.
   */
  create(dimensions: number, staging?: string): Promise<PassageIndex>;
  /**
   * The index saved in the build `folder`: its `files`, and `vectors` to read every vector row
   * (passages × dimensions) for a backend that holds them itself.
   */
  open(folder: string, files: Record<string, Buffer>, vectors: () => Float32Array, dimensions: number): Promise<PassageIndex>;
  /**
   * The folder of its builds that it reads straight from object storage. A server that copies a build
   * from there copies everything else, and leaves the folder's URL in REMOTE_FOLDER_FILE for `open`.
   * Absent: every file of a build is copied.
   */
  readonly objectStoreFolder?: string;
}

/** In a build copied from object storage: the URL of the backend's `objectStoreFolder`, left where it is. */
export const REMOTE_FOLDER_FILE = 'remote-folder.url';
