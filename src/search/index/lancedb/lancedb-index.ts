// The LanceDB backend (`INDEX_BACKEND=lancedb`): passages in a Lance table on disk, searched by LanceDB's
// own BM25 over the project's jieba tokens and by cosine over the bge vectors. Everything LanceDB-specific
// about xunyuan lives in this folder.
import './lancedb-environment.js';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectLance, Index, MatchQuery, Session, type Table } from '@lancedb/lancedb';
import type { Passage } from '../../../ingest/document-model.js';
import { nextTurn } from '../../../util/next-turn.js';
import { REMOTE_FOLDER_FILE, type IndexBackend, type KeywordQuery, type PassageIndex, type VectorQuery } from '../passage-index.js';
import { lanceStorageOptions } from '../object-store/store-settings.js';
import { countTerms, readTermCounts, TERMS_FILE, writeTermCounts } from './term-counts.js';
import { passageSchema, TABLE, toRow, type PassageRow } from './passage-table.js';
import { ROW_IDS_FILE, RowIds } from './row-ids.js';
import { checkDataset, DATASET_FILES, listDataset } from './dataset-files.js';

/** The folder inside a build that holds the Lance dataset. */
const DATASET_FOLDER = 'lancedb';

/**
 * Text arrives already cut into jieba tokens, space-joined: LanceDB splits on spaces and changes nothing
 * (no lower-casing, stemming, stop words or folding of its own), so a token matches only the same token.
 * A fresh `Index` each time: LanceDB consumes one per use.
 */
const fullTextIndex = () => Index.fts({ baseTokenizer: 'whitespace', lowercase: false, stem: false, removeStopWords: false, asciiFolding: false, withPosition: false });

/**
 * From this many passages the vectors get an approximate index; below it an exact scan is fast (about
 * 10 ms at 100,000 rows of 512 dimensions) and exact, as the Orama backend is. The index is IVF-PQ:
 * 32 bytes a vector, where HNSW-SQ's 512 bytes a vector are all loaded by the first query (+560 MB at
 * a million passages). The nearest `limit × ANN_REFINE` by compressed vectors are ranked again by
 * their stored vectors.
 */
const ANN_MIN_ROWS = 100_000;
const ANN_REFINE = 2;

/** Rows handed to LanceDB per call: each call makes one fragment of the table. */
const ADD_SLICE = 5_000;
/** Passages tokenized between two turns of the event loop. */
const TOKENIZE_SLICE = 250;

/**
 * LanceDB's caches of index and file metadata, per process. Its defaults (6 GB and 1 GB) let a server's
 * memory grow with every part of the index a query ever touched; bounded, what was read least recently
 * is read from disk again.
 */
const INDEX_CACHE_BYTES = 128n * 1024n * 1024n;
const METADATA_CACHE_BYTES = 32n * 1024n * 1024n;
let session: Session | undefined;
/** A dataset on object storage (`s3://…`) is reached with the same settings as the rest of the index there. */
const connect = (location: string) =>
  connectLance(location, location.startsWith('s3://') ? { storageOptions: lanceStorageOptions() } : {}, (session ??= new Session(INDEX_CACHE_BYTES, METADATA_CACHE_BYTES)));

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
const onlyDocuments = (docIds: readonly string[] | undefined) => (docIds === undefined ? undefined : `doc_id IN (${docIds.map(sqlString).join(', ') || 'NULL'})`);

class LanceIndex implements PassageIndex {
  constructor(
    private table: Table,
    /** Where the dataset lives now: the staging folder while building, the build folder once saved. */
    private location: string,
    private readonly dimensions: number,
    private readonly termCounts: Map<string, number>,
    private rows: number,
    /** Searches return row ids, not the id column (see row-ids.ts). */
    private rowIds: RowIds,
  ) {}

  get size() {
    return this.rows;
  }

  async insert(passages: Passage[], vectors: Float32Array) {
    for (let start = 0; start < passages.length; start += ADD_SLICE) {
      const rows: PassageRow[] = [];
      // Tokenizing is the slow part of a build here: the event loop gets a turn every few hundred passages.
      for (let i = start; i < Math.min(start + ADD_SLICE, passages.length); i++) {
        const row = toRow(passages[i], vectors.subarray(i * this.dimensions, (i + 1) * this.dimensions));
        countTerms(this.termCounts, row.text);
        rows.push(row);
        if (rows.length % TOKENIZE_SLICE === 0) await nextTurn();
      }
      await this.table.add(rows);
      await nextTurn();
    }
    this.rows += passages.length;
    if (this.rows === 0) return;
    await this.table.createIndex('text', { config: fullTextIndex(), replace: true });
    await this.table.createIndex('title', { config: fullTextIndex(), replace: true });
    if (this.rows >= ANN_MIN_ROWS) {
      await this.table.createIndex('vector', { config: Index.ivfPq({ distanceType: 'cosine' }), replace: true });
    }
    this.rowIds = await RowIds.scan(this.table);
  }

  async keywordSearch(query: KeywordQuery) {
    const terms = [...new Set(query.terms)];
    if (this.rows === 0 || terms.length === 0) return [];
    // Each field searched on its own and the two BM25s summed here, the title's scaled by the boost:
    // LanceDB's multi-column match keeps only the better field's score, and a boolean query over both
    // fields, which sums them, skips none of the postings (a million passages: 119 ms a search, against
    // 14 + 9 ms for the two fields alone). A passage outside one field's best `limit` gets nothing from
    // that field, as if it did not match there.
    const words = terms.join(' ');
    const filter = onlyDocuments(query.docIds);
    const field = async (column: string) => {
      let search = this.table.search(new MatchQuery(words, column));
      if (filter) search = search.where(filter);
      const found = await search.select(['_score']).withRowId().limit(query.limit).toArray();
      return found.map((r) => ({ id: this.rowIds.idOf(r._rowid as bigint), score: r._score as number }));
    };
    const [text, title] = await Promise.all([field('text'), field('title')]);
    const scores = new Map(text.map((h) => [h.id, h.score]));
    for (const h of title) scores.set(h.id, (scores.get(h.id) ?? 0) + query.titleBoost * h.score);
    return [...scores]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, query.limit);
  }

  async vectorSearch(query: VectorQuery) {
    if (this.rows === 0) return [];
    let search = this.table.vectorSearch(Float32Array.from(query.vector)).distanceType('cosine');
    if (this.rows >= ANN_MIN_ROWS) search = search.refineFactor(ANN_REFINE);
    const filter = onlyDocuments(query.docIds);
    if (filter) search = search.where(filter);
    const found = await search.select(['_distance']).withRowId().limit(query.limit).toArray();
    // LanceDB's cosine distance is 1 − cosine similarity.
    return found.map((r) => ({ id: this.rowIds.idOf(r._rowid as bigint), score: 1 - (r._distance as number) }));
  }

  documentFrequency(term: string) {
    return this.termCounts.get(term) ?? 0;
  }

  /** Moves the dataset from staging into the build folder and serves from there; the term counts go with it as a file. */
  async save(folder: string) {
    const target = join(folder, DATASET_FOLDER);
    this.table.close();
    try {
      renameSync(this.location, target);
    } catch {
      // Staging on another file system (a temporary folder): copy instead.
      cpSync(this.location, target, { recursive: true });
      rmSync(this.location, { recursive: true, force: true });
    }
    this.location = target;
    this.table = await (await connect(target)).openTable(TABLE);
    return [
      { name: TERMS_FILE, bytes: writeTermCounts(this.termCounts) },
      { name: ROW_IDS_FILE, bytes: this.rowIds.toBytes() },
      { name: DATASET_FILES, bytes: listDataset(target) },
    ];
  }
}

export const lancedbBackend: IndexBackend = {
  name: 'lancedb',
  files: [TERMS_FILE, ROW_IDS_FILE, DATASET_FILES],
  async create(dimensions, staging) {
    const location = staging ?? mkdtempSync(join(tmpdir(), 'xunyuan-lancedb-'));
    const table = await (await connect(location)).createEmptyTable(TABLE, passageSchema(dimensions), { mode: 'overwrite' });
    return new LanceIndex(table, location, dimensions, new Map(), 0, RowIds.empty);
  },
  objectStoreFolder: DATASET_FOLDER,
  async open(folder, files, _vectors, dimensions) {
    // A build copied from object storage left its dataset there: LanceDB reads it by URL, and the store
    // (which wrote every file before the build's CURRENT) is trusted for it as for the rest of its data.
    const remote = join(folder, REMOTE_FOLDER_FILE);
    const location = existsSync(remote) ? readFileSync(remote, 'utf8').trim() : join(folder, DATASET_FOLDER);
    if (location === join(folder, DATASET_FOLDER)) checkDataset(location, files[DATASET_FILES]);
    const table = await (await connect(location)).openTable(TABLE);
    return new LanceIndex(table, location, dimensions, readTermCounts(files[TERMS_FILE]), await table.countRows(), RowIds.fromBytes(files[ROW_IDS_FILE]));
  },
};
